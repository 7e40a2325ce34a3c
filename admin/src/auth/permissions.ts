import type { Role } from './session';

/**
 * Who may do what in the back office, per resource and react-admin action (list, show, create,
 * edit, delete). The API enforces the same rules; this keeps staff from seeing menus, pages and
 * buttons that would only end in "not allowed" (or that do not exist, like deleting a customer).
 *
 * - ADMIN: the catalog, customers, staff accounts and the audit log.
 * - FINANCE, SUPPORT: read the catalog (products, installment plans); read and edit customers.
 */
const everything = ['list', 'show', 'create', 'edit', 'delete'];

const rules: Record<'ADMIN' | 'FINANCE' | 'SUPPORT', Record<string, string[]>> = {
  ADMIN: {
    products: everything,
    installmentPlans: everything,
    customers: ['list', 'show', 'edit'], // customers sign up themselves; accounts are deactivated, not deleted
    staff: ['list', 'create', 'edit'],
    auditLog: ['list'],
    users: ['list', 'show'],
  },
  FINANCE: {
    products: ['list', 'show'],
    installmentPlans: ['list', 'show'],
    customers: ['list', 'show', 'edit'],
  },
  SUPPORT: {
    products: ['list', 'show'],
    installmentPlans: ['list', 'show'],
    customers: ['list', 'show', 'edit'],
  },
};

export function canAccess(role: Role | null, resource: string, action: string): boolean {
  if (role !== 'ADMIN' && role !== 'FINANCE' && role !== 'SUPPORT') return false;
  return rules[role][resource]?.includes(action) ?? false;
}

/** Editing the `active` flag or the role of an account is ADMIN's alone (the API refuses it to others). */
export const canManageAccounts = (role: unknown) => role === 'ADMIN';
