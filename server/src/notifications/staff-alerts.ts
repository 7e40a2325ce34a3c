import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import { appLinks } from '../common/app-links';
import type { DomainEventMap, DomainEvents, EventMeta } from '../events/domain-events';
import { Order } from '../orders/order.entity';
import { PaymentMethod } from '../payments/enums';
import { Payment } from '../payments/payment.entity';
import { Spk } from '../spk/spk.entity';
import type { NotificationBus } from './bus';
import type { CustomerMove } from './channels/templates';
import { notify, staffRecipients } from './notifications.service';

export interface StaffAlertDeps {
  bus: NotificationBus;
  /** Read when the alert is written: tests listen on a port chosen at start, after the deps exist. */
  publicUrl: () => string;
}

/** What one alert says, found from the event in the emitter's transaction. */
interface Alert {
  move: CustomerMove;
  orderId: string;
  /** The role that must act when nobody is assigned to the order (ADMIN always hears too). */
  role: Role.SUPPORT | Role.FINANCE;
  link: string;
  documentNumber?: string | null;
  amount?: bigint | null;
  note?: string | null;
}

/**
 * Staff hear about every move a customer makes that waits on them: a new order, an SPK approved or a
 * revision asked, a signed copy, a transfer proof, an order the customer suspended, a payment settled
 * online. Each goes to the order's assigned staff member, or when nobody is assigned to the role that
 * must act (SUPPORT for orders and SPKs, FINANCE for money) and the admins; in-app always, and by
 * email or WhatsApp as each recipient chose in their profile (notifyByEmail, notifyByWhatsApp).
 */
export function registerStaffAlertHandlers(events: DomainEvents, deps: StaffAlertDeps): void {
  const on = <K extends keyof DomainEventMap>(type: K, describe: (em: EntityManager, p: DomainEventMap[K], meta: EventMeta) => Promise<Alert | null>) =>
    events.on(type, 'notifications: alert staff', async (em, payload, meta) => {
      const alert = await describe(em, payload, meta);
      if (alert) await alertStaff(em, deps, alert, meta);
    });

  on('order.placed', async (_em, p) => ({ move: 'ORDER_PLACED', orderId: p.orderId, role: Role.SUPPORT, link: appLinks.staffOrder(p.orderId) }));
  on('spk.approved', async (em, p) => spkAlert(em, 'SPK_APPROVED', p));
  on('spk.revisionRequested', async (em, p) => ({ ...(await spkAlert(em, 'SPK_REVISION_REQUESTED', p)), note: p.note }));
  on('spk.customerSigned', async (em, p) => spkAlert(em, 'SPK_SIGNED', p));
  on('payment.proofUploaded', async (em, p) => paymentAlert(em, 'PAYMENT_PROOF_UPLOADED', p));
  // Settled by staff (a verified transfer) is staff's own move; online payments are the customer's.
  on('payment.settled', async (em, p) => (p.method === PaymentMethod.GATEWAY ? paymentAlert(em, 'PAYMENT_SETTLED', p) : null));
  // Staff and the billing pass suspend too; only the customer's own suspension is news to staff.
  on('order.suspended', async (_em, p, meta) =>
    meta.actorId === p.customerId ? { move: 'ORDER_SUSPENDED', orderId: p.orderId, role: Role.SUPPORT, link: appLinks.staffOrder(p.orderId), note: p.reason } : null,
  );
}

async function spkAlert(em: EntityManager, move: CustomerMove, p: { spkId: string; orderId: string }): Promise<Alert> {
  const spk = await em.findOneOrFail(Spk, p.spkId);
  return { move, orderId: p.orderId, role: Role.SUPPORT, link: appLinks.staffSpk(spk.id), documentNumber: spk.number };
}

async function paymentAlert(em: EntityManager, move: CustomerMove, p: { paymentId: string; orderId: string }): Promise<Alert> {
  const payment = await em.findOneOrFail(Payment, p.paymentId);
  return { move, orderId: p.orderId, role: Role.FINANCE, link: appLinks.staffPayment(payment.id), documentNumber: payment.reference, amount: payment.amount };
}

/** The assigned staff member if still active, else the role that must act (with the admins); never the actor. */
export async function staffToAlert(em: EntityManager, order: Order, role: Role, actorId: string | null): Promise<User[]> {
  const assigned = order.assignedTo ? await em.findOne(User, { id: order.assignedTo.id, active: true }) : null;
  const recipients = assigned ? [assigned] : await staffRecipients(em, [role]);
  return recipients.filter((u) => u.id !== actorId);
}

async function alertStaff(em: EntityManager, deps: StaffAlertDeps, alert: Alert, meta: EventMeta) {
  const order = await em.findOneOrFail(Order, alert.orderId);
  const url = `${deps.publicUrl()}${alert.link}`;
  for (const staff of await staffToAlert(em, order, alert.role, meta.actorId)) {
    await notify(
      em,
      deps,
      staff,
      'STAFF_CUSTOMER_MOVE',
      {
        staffName: staff.fullName,
        move: alert.move,
        customerName: order.customerName,
        orderNumber: order.number,
        documentNumber: alert.documentNumber ?? null,
        amount: alert.amount ?? (alert.move === 'ORDER_PLACED' ? order.totalPrice : null),
        note: alert.note ?? null,
        url,
      },
      { link: alert.link },
    );
  }
}
