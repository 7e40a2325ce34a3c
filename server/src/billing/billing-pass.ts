import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import { audit } from '../audit/audit';
import { todayJakarta, type Clock } from '../common/time';
import { Installment } from '../installments/installment.entity';
import { summarize } from '../installments/summary';
import type { NotificationBus } from '../notifications/bus';
import { notify, staffRecipients } from '../notifications/notifications.service';
import { Order } from '../orders/order.entity';
import { applySuspension } from '../services/services.service';
import { SuspensionCause } from '../services/service-status';
import { appLinks } from '../common/app-links';

export interface BillingConfig {
  /** Days before a due date to remind (default 7, 3, 1). */
  remindBefore: number[];
  /** Days after a due date to remind (default 1, 3, 7). */
  remindAfter: number[];
  /** Tell staff about each newly overdue installment (default on). */
  remindStaff?: boolean;
}

export interface BillingPassResult {
  date: string;
  statusChanges: number;
  feesChanged: number;
  reminders: number;
  staffNotices: number;
  graceExpired: number;
  suspendedOrders: string[];
}

/** Orders that owe money now: confirmed, not closed. Unconfirmed orders cannot be paid, so they are never late. */
const PAYABLE = `('AWAITING_DOWN_PAYMENT', 'ACTIVE', 'SUSPENDED')`;
/** Any constant: two passes take the same transaction-level advisory lock and run one after the other. */
const PASS_LOCK = 72_630_001;

/**
 * The daily billing pass for `date` (Asia/Jakarta), in one transaction under an advisory lock, so it
 * may run twice or on two processes at once: statuses and fees are recomputed to what the date says
 * (an idempotent set-based UPDATE that never lowers a fee), and reminders go out once per unique
 * (installment, kind, offset) row. Money rules: fees accrue on the unpaid amount of an OVERDUE
 * installment after the grace days, per day, fixed rupiah or basis points, up to the cap.
 */
export async function runBillingPass(em: EntityManager, deps: { clock: Clock; bus: NotificationBus; billing: BillingConfig }, date?: string): Promise<BillingPassResult> {
  const today = date ?? todayJakarta(deps.clock);
  return em.transactional(async (tx) => {
    const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
      tx.getConnection().execute<T[]>(text, params, 'all', tx.getTransactionContext());
    await sql('select pg_advisory_xact_lock(?)', [PASS_LOCK]);

    // Counted in the database: returning a million ids to Node would cost memory for nothing.
    const [statuses] = await sql<{ n: number }>(
      `with changed as (
         update installments i set status = s.next, updated_at = now()
         from (select i.id, case when i.due_date > ?::date then 'PENDING' when i.due_date = ?::date then 'DUE' else 'OVERDUE' end as next
               from installments i join orders o on o.id = i.order_id
               where o.status in ${PAYABLE} and i.status in ('PENDING', 'DUE', 'OVERDUE')) s
         where s.id = i.id and i.status <> s.next returning 1)
       select count(*)::int as n from changed`,
      [today, today],
    );

    const [fees] = await sql<{ n: number }>(
      `with late as (
         select i.id, o.late_fee_type, o.late_fee_value, o.late_fee_cap, i.amount - i.paid_amount as open,
                (?::date - i.due_date - o.late_fee_grace_days) as days
         from installments i join orders o on o.id = i.order_id
         where i.status = 'OVERDUE' and o.status in ${PAYABLE} and i.paid_amount < i.amount
       ), fee as (
         select id, least(coalesce(late_fee_cap, 9223372036854775807),
                case when late_fee_type = 'FIXED_PER_DAY' then late_fee_value * days
                     else round(open::numeric * late_fee_value * days / 10000)::bigint end) as fee
         from late where days > 0
       )
       , changed as (update installments i set late_fee = fee.fee, updated_at = now() from fee where fee.id = i.id and fee.fee > i.late_fee returning 1)
       select count(*)::int as n from changed`,
      [today],
    );

    const before = [...deps.billing.remindBefore].sort((a, b) => a - b);
    const after = [...deps.billing.remindAfter].sort((a, b) => a - b);
    const reminderRows = await sql<{ installment_id: string; kind: 'BEFORE' | 'AFTER' | 'STAFF'; offset_days: number }>(
      `insert into installment_reminders (id, created_at, updated_at, installment_id, kind, offset_days, sent_on)
       select gen_random_uuid(), now(), now(), r.id, r.kind, r.off, ?::date from (
         select i.id, 'BEFORE' as kind, (select min(x) from unnest(?::int[]) x where x >= i.due_date - ?::date) as off
           from installments i join orders o on o.id = i.order_id
           where o.status in ${PAYABLE} and i.status in ('PENDING', 'DUE') and i.due_date - ?::date between 0 and ?
         union all
         select i.id, 'AFTER', (select max(x) from unnest(?::int[]) x where x <= ?::date - i.due_date)
           from installments i join orders o on o.id = i.order_id
           where o.status in ${PAYABLE} and i.status = 'OVERDUE' and ?::date - i.due_date >= ?
         union all
         select i.id, 'STAFF', 1
           from installments i join orders o on o.id = i.order_id
           where ? and o.status in ${PAYABLE} and i.status = 'OVERDUE' and ?::date - i.due_date >= 1
       ) r where r.off is not null
       on conflict (installment_id, kind, offset_days) do nothing
       returning installment_id, kind, offset_days`,
      // Arrays travel as Postgres array literals: knex would spread a JS array into several bindings.
      [today, `{${before.join(',')}}`, today, today, before.at(-1) ?? 0, `{${after.join(',')}}`, today, today, after[0] ?? 1, deps.billing.remindStaff !== false, today],
    );

    let reminders = 0;
    let staffNotices = 0;
    if (reminderRows.length) {
      const installments = await tx.find(Installment, { id: { $in: reminderRows.map((r) => r.installment_id) } }, { populate: ['order'] });
      const byId = new Map(installments.map((i) => [i.id, i]));
      const orderIds = [...new Set(installments.map((i) => i.order.id))];
      const all = await tx.find(Installment, { order: { $in: orderIds } });
      const customers = new Map((await tx.find(User, { id: { $in: installments.map((i) => i.order.$.customer.id) } })).map((u) => [u.id, u]));
      const staff = await staffRecipients(tx, [Role.SUPPORT]);
      for (const row of reminderRows) {
        const inst = byId.get(row.installment_id)!;
        const order = inst.order.$;
        const customer = customers.get(order.customer.id)!;
        const summary = summarize(all.filter((i) => i.order.id === order.id), today);
        const open = inst.amount - inst.paidAmount + inst.lateFee - inst.lateFeePaid;
        const link = appLinks.customerOrder(order.id);
        const base = { customerName: order.customerName, orderNumber: order.number, installmentNumber: inst.number, dueDate: inst.dueDate, amount: open };
        if (row.kind === 'BEFORE') {
          await notify(tx, deps, customer, 'INSTALLMENT_REMINDER', { ...base, daysBefore: row.offset_days }, { link });
          reminders++;
        } else if (row.kind === 'AFTER') {
          await notify(tx, deps, customer, 'INSTALLMENT_OVERDUE', { ...base, daysLate: row.offset_days, arrearsAmount: summary.arrearsAmount, lateFee: inst.lateFee }, { link });
          reminders++;
        } else {
          const to = order.assignedTo ? staff.filter((s) => s.id === order.assignedTo!.id) : staff;
          for (const s of to.length ? to : staff) {
            await notify(tx, deps, s, 'OVERDUE_ORDER_FOR_STAFF', { customerName: order.customerName, orderNumber: order.number, arrearsAmount: summary.arrearsAmount, daysLate: row.offset_days }, { link: appLinks.staffOrder(order.id) });
            staffNotices++;
          }
        }
      }
    }

    // A second chance that ran out: the order is back in ordinary overdue handling.
    const graceExpired = await sql<{ id: string }>(
      `update orders o set grace_until = null, updated_at = now() where o.grace_until < ?::date
         and exists (select 1 from installments i where i.order_id = o.id and i.status = 'OVERDUE') returning o.id`,
      [today],
    );

    // Automatic suspension only where the plan says so (default off: the customer chooses).
    const toSuspend = await sql<{ id: string }>(
      `select o.id from orders o where o.status = 'ACTIVE' and o.auto_suspend_after_days is not null
         and (o.grace_until is null or o.grace_until < ?::date)
         and exists (select 1 from installments i where i.order_id = o.id and i.status = 'OVERDUE' and ?::date - i.due_date >= o.auto_suspend_after_days)
       order by o.id for update of o`,
      [today, today],
    );
    const suspendedOrders: string[] = [];
    for (const { id } of toSuspend) {
      const order = await tx.findOneOrFail(Order, id);
      await applySuspension(tx, deps, order, null, SuspensionCause.NON_PAYMENT, `Otomatis: lewat ${order.autoSuspendAfterDays} hari dari jatuh tempo`);
      suspendedOrders.push(id);
    }

    const result = { date: today, statusChanges: statuses!.n, feesChanged: fees!.n, reminders, staffNotices, graceExpired: graceExpired.length, suspendedOrders };
    audit(tx, null, 'billing.pass', { entityType: 'BillingPass', entityId: '00000000-0000-0000-0000-000000000000' }, { ...result });
    return result;
  });
}
