import type { Role } from './session';

/**
 * Who may do what in the back office, per resource and react-admin action (list, show, create,
 * edit, delete). The API enforces the same rules; this keeps staff from seeing menus, pages and
 * buttons that would only end in "not allowed" (or that do not exist, like deleting a customer).
 *
 * - ADMIN: the catalog, customers, staff accounts and the audit log; everything below too.
 * - FINANCE, SUPPORT: read the catalog (products, installment plans); read and edit customers.
 * - Orders and payments: every staff role reads them (FINANCE checks an order after a payment,
 *   SUPPORT sees whether a customer paid). Besides react-admin's actions, the rules name what may
 *   be done to a record: SUPPORT `assign` and `cancel` orders; FINANCE `settle`, `reject` and
 *   `refund` payments. Whether the record's state allows it is checked where the button is.
 * - SPK, hosting services, staff tasks and the delivery log: every staff role reads them (the API's
 *   queries are for all staff). SUPPORT (and ADMIN) `work` SPKs (every staff transition, creating one
 *   from an order), handle overdue orders (`notice`, `suspend`, `unsuspend`), `retry` provisioning
 *   and `complete` staff tasks; only ADMIN may `terminate` a service.
 * - Installments (the cross-order follow-up list) and the dashboard's figures: every staff role; the
 *   dashboard shows money (receivables, collections, aging) to ADMIN and FINANCE, and the SPK queue to
 *   ADMIN and SUPPORT (`dashboard` actions below). Only ADMIN runs the daily billing pass by hand
 *   (`billingPass` on installments; the API's runBillingPass is ADMIN only).
 * - Payment anomalies (money a gateway reported that was not applied: wrong amount, unknown reference,
 *   too much, after expiry): FINANCE and ADMIN read them, like the API's paymentAnomalies.
 * - Pajak (tax invoices, Coretax export and import of numbers): FINANCE and ADMIN, like the API's tax.manage.
 *   Bea Meterai (the stamp-duty ledger, report and quota): FINANCE and ADMIN read it; only ADMIN records
 *   and voids quota purchases (`purchase`, the API's stampDuty.quota).
 * - Logging out of every device is everyone's own (the user menu): no rule.
 * - Notifications are everyone's own, customers' too: no rule, the API returns only the caller's.
 * - CUSTOMER: only the customer area (customer/), whose queries return the caller's own data
 *   (myOrders, myCart, myServices, me); no staff resource, whatever the URL typed.
 */
const everything = ['list', 'show', 'create', 'edit', 'delete'];
const ORDER_WORK = ['assign', 'cancel', 'notice', 'suspend', 'unsuspend'];
const READ = ['list', 'show'];
const PAYMENT_WORK = ['settle', 'reject', 'refund'];
/** Dashboard cards: `money` (receivables, collections, aging, transfers to verify), `spk` (SPKs waiting for staff). */
const DASHBOARD_MONEY = ['money'];
const DASHBOARD_SPK = ['spk'];

const rules: Record<Role, Record<string, string[]>> = {
  ADMIN: {
    products: everything,
    installmentPlans: everything,
    customers: ['list', 'show', 'edit'], // customers sign up themselves; accounts are deactivated, not deleted
    staff: ['list', 'create', 'edit'],
    auditLog: ['list'],
    users: ['list', 'show'],
    orders: ['list', 'show', ...ORDER_WORK],
    payments: ['list', 'show', ...PAYMENT_WORK],
    spks: [...READ, 'work'],
    services: [...READ, 'retry', 'terminate'],
    staffTasks: ['list', 'complete'],
    notificationDeliveries: ['list'],
    installments: ['list', 'export', 'billingPass'],
    paymentAnomalies: ['list', 'resolve'],
    taxInvoices: ['list'],
    stampDutyLedger: ['list', 'purchase'],
    dashboard: [...DASHBOARD_MONEY, ...DASHBOARD_SPK],
  },
  FINANCE: {
    products: ['list', 'show'],
    installmentPlans: ['list', 'show'],
    customers: ['list', 'show', 'edit'],
    orders: ['list', 'show'],
    payments: ['list', 'show', ...PAYMENT_WORK],
    spks: READ,
    services: READ,
    staffTasks: ['list'],
    notificationDeliveries: ['list'],
    installments: ['list', 'export'],
    paymentAnomalies: ['list', 'resolve'],
    taxInvoices: ['list'],
    stampDutyLedger: ['list'],
    dashboard: DASHBOARD_MONEY,
  },
  SUPPORT: {
    products: ['list', 'show'],
    installmentPlans: ['list', 'show'],
    customers: ['list', 'show', 'edit'],
    orders: ['list', 'show', ...ORDER_WORK],
    payments: ['list', 'show'],
    spks: [...READ, 'work'],
    services: [...READ, 'retry'],
    staffTasks: ['list', 'complete'],
    notificationDeliveries: ['list'],
    installments: ['list', 'export'],
    dashboard: DASHBOARD_SPK,
  },
  CUSTOMER: {
    catalog: ['list', 'show'],
    cart: ['list'],
    'my-orders': ['list', 'show'],
    'my-services': ['list'],
    profile: ['list'],
  },
};

export function canAccess(role: Role | null, resource: string, action: string): boolean {
  if (!role || !(role in rules)) return false;
  return rules[role][resource]?.includes(action) ?? false;
}

/** Editing the `active` flag or the role of an account is ADMIN's alone (the API refuses it to others). */
export const canManageAccounts = (role: unknown) => role === 'ADMIN';
