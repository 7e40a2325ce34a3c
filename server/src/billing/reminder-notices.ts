import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale, User } from '../accounts/user.entity';
import { appLinks } from '../common/app-links';
import { CLOSED_LINE_SQL, daysLate, isOverdueOn, owed } from '../installments/rules';
import { summarize, type InstallmentLike } from '../installments/summary';
import type { NotificationBus } from '../notifications/bus';
import { sqlIn } from './bound-sql';
import { notifyMany, type NoticeInput, type Recipient } from '../notifications/notifications.service';

/** A reminder row one chunk of the pass claimed (inserted; a row already there was not claimed). */
export interface ClaimedReminder {
  installment_id: string;
  order_id: string;
  kind: 'BEFORE' | 'AFTER' | 'STAFF';
  offset_days: number;
}

interface OrderRow {
  id: string;
  number: string;
  customerName: string;
  assignedToId: string | null;
  customer: Recipient;
  /** "BNI 8808…" when the order has an active virtual account: reminders name where to pay. */
  virtualAccount: string | null;
}

type InstallmentRow = InstallmentLike & { id: string; orderId: string };

/**
 * Turns the reminder rows a chunk claimed into notices: one per upcoming installment, and per order at
 * most one overdue notice to the customer and one to each staff recipient (the assigned one only, where
 * the order is assigned to an active staff member), each saying how late the oldest unpaid installment
 * truly is on `day` and the whole arrears. The money comes from the rules in installments/ applied to
 * plain rows of the chunk's orders, grouped once (no per-order scan of the chunk); the notices are
 * written in one batch. Returns the counts; with `dryRun` it only counts.
 */
export async function sendReminders(
  tx: EntityManager,
  deps: { bus: NotificationBus },
  claimed: ClaimedReminder[],
  staff: User[],
  day: string,
  dryRun: boolean,
): Promise<{ reminders: number; staffNotices: number }> {
  if (!claimed.length) return { reminders: 0, staffNotices: 0 };
  const sql = sqlIn(tx);
  const orderIds = `{${[...new Set(claimed.map((c) => c.order_id))].join(',')}}`;
  const installments = new Map<string, InstallmentRow[]>();
  const rows = await sql<Record<string, string | number>>(
    `select i.id, i.order_id, i.number, to_char(i.due_date, 'YYYY-MM-DD') as due_date, i.amount::text, i.paid_amount::text, i.late_fee::text, i.late_fee_paid::text, i.status
     from installments i where i.order_id = any(?::uuid[]) and not ${CLOSED_LINE_SQL} order by i.order_id, i.number`,
    [orderIds],
  );
  const byId = new Map<string, InstallmentRow>();
  for (const r of rows) {
    const inst: InstallmentRow = {
      id: r.id as string,
      orderId: r.order_id as string,
      number: Number(r.number),
      dueDate: r.due_date as string,
      amount: BigInt(r.amount!),
      paidAmount: BigInt(r.paid_amount!),
      lateFee: BigInt(r.late_fee!),
      lateFeePaid: BigInt(r.late_fee_paid!),
      status: r.status as string,
    };
    byId.set(inst.id, inst);
    const mine = installments.get(inst.orderId);
    if (mine) mine.push(inst);
    else installments.set(inst.orderId, [inst]);
  }
  const orders = new Map<string, OrderRow>();
  for (const o of await sql<Record<string, unknown>>(
    `select o.id, o.number, o.customer_name, o.assigned_to_id, u.id as customer_id, u.locale, u.email, u.phone, u.notify_by_email, u.notify_by_whats_app,
       case when va.number is not null then va.bank_code || ' ' || va.number end as virtual_account
     from orders o join users u on u.id = o.customer_id
     left join virtual_accounts va on va.order_id = o.id and va.status = 'ACTIVE'
     where o.id = any(?::uuid[])`,
    [orderIds],
  )) {
    orders.set(o.id as string, {
      id: o.id as string,
      number: o.number as string,
      customerName: o.customer_name as string,
      assignedToId: (o.assigned_to_id as string | null) ?? null,
      customer: { id: o.customer_id as string, locale: o.locale as Locale, email: o.email as string, phone: o.phone as string, notifyByEmail: o.notify_by_email as boolean, notifyByWhatsApp: o.notify_by_whats_app as boolean },
      virtualAccount: (o.virtual_account as string | null) ?? null,
    });
  }

  const notices: NoticeInput[] = [];
  let reminders = 0;
  let staffNotices = 0;
  const kindsByOrder = new Map<string, Set<ClaimedReminder['kind']>>();
  for (const row of claimed) {
    if (row.kind !== 'BEFORE') {
      const kinds = kindsByOrder.get(row.order_id) ?? new Set();
      kinds.add(row.kind);
      kindsByOrder.set(row.order_id, kinds);
      continue;
    }
    const inst = byId.get(row.installment_id)!;
    const order = orders.get(row.order_id)!;
    reminders++;
    const params = { customerName: order.customerName, orderNumber: order.number, installmentNumber: inst.number, dueDate: inst.dueDate, amount: owed(inst), daysBefore: row.offset_days, virtualAccount: order.virtualAccount };
    notices.push({ recipient: order.customer, type: 'INSTALLMENT_REMINDER', params, link: appLinks.customerOrder(order.id) });
  }
  for (const [orderId, kinds] of kindsByOrder) {
    const order = orders.get(orderId)!;
    const mine = installments.get(orderId) ?? [];
    const oldest = mine.find((i) => isOverdueOn(i, day));
    if (!oldest) continue;
    const arrearsAmount = summarize(mine, day).arrearsAmount;
    const late = daysLate(oldest.dueDate, day);
    if (kinds.has('AFTER')) {
      reminders++;
      const params = { customerName: order.customerName, orderNumber: order.number, installmentNumber: oldest.number, dueDate: oldest.dueDate, amount: owed(oldest), daysLate: late, arrearsAmount, lateFee: oldest.lateFee, virtualAccount: order.virtualAccount };
      notices.push({ recipient: order.customer, type: 'INSTALLMENT_OVERDUE', params, link: appLinks.customerOrder(order.id) });
    }
    if (kinds.has('STAFF')) {
      const assigned = order.assignedToId ? staff.filter((s) => s.id === order.assignedToId) : [];
      for (const s of assigned.length ? assigned : staff) {
        staffNotices++;
        const params = { customerName: order.customerName, orderNumber: order.number, arrearsAmount, daysLate: late };
        notices.push({ recipient: s, type: 'OVERDUE_ORDER_FOR_STAFF', params, link: appLinks.staffOrder(order.id) });
      }
    }
  }
  if (!dryRun) await notifyMany(tx, deps, notices);
  return { reminders, staffNotices };
}
