import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import { audit } from '../audit/audit';
import { todayJakarta, type Clock } from '../common/time';
import { Installment, InstallmentStatus } from '../installments/installment.entity';
import { daysLate, daysLateSql, isOverdueOn, lateFeeAfterPassSql, OPEN_SQL, overdueOnSql, owed, statusOnSql } from '../installments/rules';
import { PAYABLE_SQL } from '../installments/owed-sql';
import { badInput } from '../common/errors';
import { summarize } from '../installments/summary';
import type { NotificationBus } from '../notifications/bus';
import { notify, staffRecipients } from '../notifications/notifications.service';
import { Order } from '../orders/order.entity';
import { applySuspension } from '../hosting/hosting.service';
import { SuspensionCause } from '../hosting/service-status';
import { appLinks } from '../common/app-links';
import type { EventDeps } from '../events/domain-events';

export interface BillingConfig {
  /** Days before a due date to remind (default 7, 3, 1). */
  remindBefore: number[];
  /** Days after a due date to remind (default 1, 3, 7). */
  remindAfter: number[];
  /** Tell staff about each newly overdue installment (default on). */
  remindStaff?: boolean;
}

/** What a pass needs: its clock, the notification bus, the reminder settings and the domain events it emits. */
export interface BillingPassDeps extends EventDeps {
  clock: Clock;
  bus: NotificationBus;
  billing: BillingConfig;
}

export interface BillingPassResult {
  date: string;
  /** A preview: nothing was written or sent. */
  dryRun: boolean;
  statusChanges: number;
  feesChanged: number;
  reminders: number;
  staffNotices: number;
  graceExpired: number;
  suspendedOrders: string[];
}

/** Any constant: two passes take the same transaction-level advisory lock and run one after the other. */
const PASS_LOCK = 72_630_001;

/** Thrown inside a preview's transaction so that everything it wrote is rolled back. */
class PreviewRollback extends Error {
  constructor(readonly result: BillingPassResult) {
    super('billing pass preview');
  }
}

/**
 * What a billing pass for `date` would do, for any date (also one still to come): the same pass in a
 * transaction that is rolled back, sending nothing, so staff can look before they run it.
 */
export async function previewBillingPass(em: EntityManager, deps: BillingPassDeps, date: string): Promise<BillingPassResult> {
  return runBillingPass(em, deps, date, { dryRun: true });
}

/**
 * The daily billing pass for `date` (Asia/Jakarta; today by default, never later: a pass cannot charge
 * for days that have not come), in one transaction under an advisory lock, so it may run twice or on
 * two processes at once. Every rule it applies lives in installments/rules.ts:
 * - fees are a function of the date: each installment's fee becomes what `date` justifies, never goes
 *   down, and never stays above what today justifies (so no pass can leave more than today allows);
 * - statuses are what today and the money say (a preview of a later date shows that date's);
 * - reminders for `date` go out once per unique (installment, kind, offset) row, and the overdue ones
 *   as one notice per order with the true days late of the oldest installment and the arrears.
 * With `dryRun` it writes and sends nothing and returns what it would have done.
 */
export async function runBillingPass(
  em: EntityManager,
  deps: BillingPassDeps,
  date?: string,
  opts: { dryRun?: boolean } = {},
): Promise<BillingPassResult> {
  const today = todayJakarta(deps.clock);
  const day = date ?? today;
  const dryRun = opts.dryRun === true;
  if (!dryRun && day > today) throw badInput('date', 'billing.futureDate', { today });
  // The latest date a status or fee may reflect: today, or the later date a preview asks about.
  const upTo = day > today ? day : today;
  try {
    return await em.transactional(async (tx) => {
      const result = await pass(tx, deps, day, upTo, dryRun);
      if (dryRun) throw new PreviewRollback(result);
      return result;
    });
  } catch (err) {
    if (err instanceof PreviewRollback) return err.result;
    throw err;
  }
}

async function pass(tx: EntityManager, deps: BillingPassDeps, day: string, upTo: string, dryRun: boolean): Promise<BillingPassResult> {
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    tx.getConnection().execute<T[]>(text, params, 'all', tx.getTransactionContext());
  await sql('select pg_advisory_xact_lock(?)', [PASS_LOCK]);
  // `d.day` is the pass's date, `d.up_to` the latest date anything may reflect; the rules read them.
  const D = `cross join (select ?::date as day, ?::date as up_to) d`;

  // Fees first: a fee cut back to what is paid of it can make an installment PAID.
  // Counted in the database: returning a million ids to Node would cost memory for nothing.
  const [fees] = await sql<{ n: number }>(
    `with next as (
       select i.id, ${lateFeeAfterPassSql('d.day', 'd.up_to')} as fee
       from installments i join orders o on o.id = i.order_id ${D}
       where o.status in ${PAYABLE_SQL} and i.status <> 'CANCELLED' and (i.late_fee > 0 or i.due_date < d.day)
     ), changed as (update installments i set late_fee = next.fee, updated_at = now() from next where next.id = i.id and i.late_fee <> next.fee returning 1)
     select count(*)::int as n from changed`,
    [day, upTo],
  );

  const [statuses] = await sql<{ n: number }>(
    `with next as (
       select i.id, ${statusOnSql('d.up_to', 'true')} as status
       from installments i join orders o on o.id = i.order_id ${D}
       where o.status in ${PAYABLE_SQL} and i.status <> 'CANCELLED'
     ), changed as (
       update installments i set status = next.status, paid_at = case when next.status = 'PAID' then now() end, updated_at = now()
       from next where next.id = i.id and i.status <> next.status returning 1)
     select count(*)::int as n from changed`,
    [day, upTo],
  );

  const before = [...deps.billing.remindBefore].sort((a, b) => a - b);
  const after = [...deps.billing.remindAfter].sort((a, b) => a - b);
  const reminderRows = await sql<{ installment_id: string; kind: 'BEFORE' | 'AFTER' | 'STAFF'; offset_days: number }>(
    `insert into installment_reminders (id, created_at, updated_at, installment_id, kind, offset_days, sent_on)
     select gen_random_uuid(), now(), now(), r.id, r.kind, r.off, r.day from (
       select i.id, 'BEFORE' as kind, (select min(x) from unnest(?::int[]) x where x >= i.due_date - d.day) as off, d.day
         from installments i join orders o on o.id = i.order_id ${D}
         where o.status in ${PAYABLE_SQL} and ${OPEN_SQL} and i.due_date - d.day between 0 and ?
       union all
       select i.id, 'AFTER', (select max(x) from unnest(?::int[]) x where x <= ${daysLateSql('d.day')}), d.day
         from installments i join orders o on o.id = i.order_id ${D}
         where o.status in ${PAYABLE_SQL} and ${overdueOnSql('d.day')} and ${daysLateSql('d.day')} >= ?
       union all
       select i.id, 'STAFF', 1, d.day
         from installments i join orders o on o.id = i.order_id ${D}
         where ? and o.status in ${PAYABLE_SQL} and ${overdueOnSql('d.day')}
     ) r where r.off is not null
     on conflict (installment_id, kind, offset_days) do nothing
     returning installment_id, kind, offset_days`,
    // Arrays travel as Postgres array literals: knex would spread a JS array into several bindings.
    [`{${before.join(',')}}`, day, upTo, before.at(-1) ?? 0, `{${after.join(',')}}`, day, upTo, after[0] ?? 1, day, upTo, deps.billing.remindStaff !== false],
  );

  const sent = await sendReminders(tx, deps, reminderRows, day, dryRun);

  // A second chance that ran out: the order is back in ordinary overdue handling.
  const graceExpired = await sql<{ id: string }>(
    `update orders o set grace_until = null, updated_at = now() from (select ?::date as day) d where o.grace_until < d.day
       and exists (select 1 from installments i where i.order_id = o.id and ${overdueOnSql('d.day')}) returning o.id`,
    [day],
  );

  // Automatic suspension only where the plan says so (default off: the customer chooses).
  const toSuspend = await sql<{ id: string }>(
    `select o.id from orders o, (select ?::date as day) d where o.status = 'ACTIVE' and o.auto_suspend_after_days is not null
       and (o.grace_until is null or o.grace_until < d.day)
       and exists (select 1 from installments i where i.order_id = o.id and ${overdueOnSql('d.day')} and ${daysLateSql('d.day')} >= o.auto_suspend_after_days)
     order by o.id for update of o`,
    [day],
  );
  const suspendedOrders: string[] = [];
  for (const { id } of toSuspend) {
    if (!dryRun) {
      const order = await tx.findOneOrFail(Order, id);
      await applySuspension(tx, deps, order, null, SuspensionCause.NON_PAYMENT, `Otomatis: lewat ${order.autoSuspendAfterDays} hari dari jatuh tempo`);
    }
    suspendedOrders.push(id);
  }

  const result = { date: day, dryRun, statusChanges: statuses!.n, feesChanged: fees!.n, ...sent, graceExpired: graceExpired.length, suspendedOrders };
  if (!dryRun) audit(tx, null, 'billing.pass', { entityType: 'BillingPass', entityId: '00000000-0000-0000-0000-000000000000' }, { ...result });
  return result;
}

/**
 * Turns the reminder rows this pass claimed into notices: one per upcoming installment, and per
 * order at most one overdue notice to the customer and one to each staff recipient, each saying how
 * late the oldest unpaid installment truly is on `day` and the whole arrears.
 */
async function sendReminders(
  tx: EntityManager,
  deps: { bus: NotificationBus },
  rows: { installment_id: string; kind: 'BEFORE' | 'AFTER' | 'STAFF'; offset_days: number }[],
  day: string,
  dryRun: boolean,
): Promise<{ reminders: number; staffNotices: number }> {
  let reminders = 0;
  let staffNotices = 0;
  if (!rows.length) return { reminders, staffNotices };
  const claimed = await tx.find(Installment, { id: { $in: rows.map((r) => r.installment_id) } }, { populate: ['order'] });
  const byId = new Map(claimed.map((i) => [i.id, i]));
  const orders = new Map(claimed.map((i) => [i.order.id, i.order.$]));
  const all = await tx.find(Installment, { order: { $in: [...orders.keys()] }, status: { $ne: InstallmentStatus.CANCELLED } }, { orderBy: { number: 'asc' } });
  const customers = new Map((await tx.find(User, { id: { $in: [...orders.values()].map((o) => o.customer.id) } })).map((u) => [u.id, u]));
  const staff = await staffRecipients(tx, [Role.SUPPORT]);

  for (const row of rows.filter((r) => r.kind === 'BEFORE')) {
    const inst = byId.get(row.installment_id)!;
    const order = inst.order.$;
    reminders++;
    if (dryRun) continue;
    const base = { customerName: order.customerName, orderNumber: order.number, installmentNumber: inst.number, dueDate: inst.dueDate, amount: owed(inst) };
    await notify(tx, deps, customers.get(order.customer.id)!, 'INSTALLMENT_REMINDER', { ...base, daysBefore: row.offset_days }, { link: appLinks.customerOrder(order.id) });
  }

  for (const [orderId, order] of orders) {
    const kinds = new Set(rows.filter((r) => byId.get(r.installment_id)!.order.id === orderId).map((r) => r.kind));
    if (!kinds.has('AFTER') && !kinds.has('STAFF')) continue;
    const mine = all.filter((i) => i.order.id === orderId);
    const oldest = mine.find((i) => isOverdueOn(i, day));
    if (!oldest) continue;
    const arrearsAmount = summarize(mine, day).arrearsAmount;
    const late = daysLate(oldest.dueDate, day);
    if (kinds.has('AFTER')) {
      reminders++;
      if (!dryRun) {
        const params = { customerName: order.customerName, orderNumber: order.number, installmentNumber: oldest.number, dueDate: oldest.dueDate, amount: owed(oldest), daysLate: late, arrearsAmount, lateFee: oldest.lateFee };
        await notify(tx, deps, customers.get(order.customer.id)!, 'INSTALLMENT_OVERDUE', params, { link: appLinks.customerOrder(order.id) });
      }
    }
    if (kinds.has('STAFF')) {
      const assigned = order.assignedTo ? staff.filter((s) => s.id === order.assignedTo!.id) : [];
      for (const s of assigned.length ? assigned : staff) {
        staffNotices++;
        if (dryRun) continue;
        await notify(tx, deps, s, 'OVERDUE_ORDER_FOR_STAFF', { customerName: order.customerName, orderNumber: order.number, arrearsAmount, daysLate: late }, { link: appLinks.staffOrder(order.id) });
      }
    }
  }
  return { reminders, staffNotices };
}
