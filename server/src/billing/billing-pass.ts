import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import { Role } from '../accounts/roles';
import { audit } from '../audit/audit';
import { todayJakarta, type Clock } from '../common/time';
import { CLOSED_LINE_SQL, daysLateSql, lateFeeAfterPassSql, OPEN_SQL, overdueOnSql, statusOnSql } from '../installments/rules';
import { PAYABLE_SQL } from '../installments/owed-sql';
import { badInput } from '../common/errors';
import type { NotificationBus } from '../notifications/bus';
import { staffRecipients } from '../notifications/notifications.service';
import { Order } from '../orders/order.entity';
import type { User } from '../accounts/user.entity';
import { BillingRun } from './billing-run.entity';
import { CHUNK, nextChunkSize } from './chunk-size';
import { sqlIn } from './bound-sql';
import { sendReminders, type ClaimedReminder } from './reminder-notices';
import type { EventDeps } from '../events/domain-events';

export interface BillingConfig {
  /** Days before a due date to remind (default 7, 3, 1). */
  remindBefore: number[];
  /** Days after a due date to remind (default 1, 3, 7). */
  remindAfter: number[];
  /** Tell staff about each newly overdue installment (default on). */
  remindStaff?: boolean;
  /**
   * Orders per chunk, each chunk its own transaction. Unset (the default): sized as the pass goes so that
   * a chunk holds its orders for about `chunkMs`.
   */
  chunkOrders?: number;
  /** How long a chunk should hold its orders' locks when `chunkOrders` is unset (default 250 ms): about the longest a payment waits for the pass. */
  chunkMs?: number;
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

export interface BillingPassOptions {
  dryRun?: boolean;
  /**
   * Runs inside each chunk's transaction after its writes, before its progress is recorded (tests use it
   * to act while the pass holds a chunk, or to stop the pass there as a kill would: the chunk rolls back).
   */
  afterChunkWrites?: (chunk: { index: number; orderIds: string[] }, tx: EntityManager) => Promise<void> | void;
  /**
   * Who started the pass from the console; the scheduled job passes none and the history says "sistem".
   * When two processes share a run, the one that finishes it is recorded.
   */
  actor?: AuthUser | null;
}

/** Any constant: the chunks of every pass take this transaction-level advisory lock, so they run one at a time. */
const PASS_LOCK = 72_630_001;

/** Thrown inside a preview chunk's transaction so that everything it wrote is rolled back. */
class PreviewRollback<T> extends Error {
  constructor(readonly result: T) {
    super('billing pass preview');
  }
}

/**
 * What a billing pass for `date` would do, for any date (also one still to come): the same chunks, each
 * in a transaction that is rolled back, sending nothing, so staff can look before they run it.
 */
export async function previewBillingPass(em: EntityManager, deps: BillingPassDeps, date: string): Promise<BillingPassResult> {
  return runBillingPass(em, deps, date, { dryRun: true });
}

/**
 * The daily billing pass for `date` (Asia/Jakarta; today by default, never later: a pass cannot charge
 * for days that have not come). Every rule it applies lives in installments/rules.ts:
 * - fees are a function of the date: each installment's fee becomes what `date` justifies, never goes
 *   down, and never stays above what today justifies (so no pass can leave more than today allows);
 * - statuses are what today and the money say (a preview of a later date shows that date's);
 * - reminders for `date` go out once per unique (installment, kind, offset) row, and the overdue ones
 *   as one notice per order with the true days late of the oldest installment and the arrears.
 *
 * The book is walked in chunks of orders by id, each chunk one short transaction that locks its orders
 * and then their installments by (order, number), the order payments lock them in: a payment waits for
 * at most the chunk that holds its order. Progress is a `billing_runs` row: the next pass for the same
 * date (another process now, or a later retry after a kill) continues an unfinished run where its last
 * committed chunk ended. Each chunk claims its reminder rows with ON CONFLICT DO NOTHING and writes the
 * notices of exactly those rows, so a chunk done twice (never by design) still sends nothing twice.
 * The result is the run's totals. With `dryRun` it writes and sends nothing and returns what it would do.
 */
export async function runBillingPass(em: EntityManager, deps: BillingPassDeps, date?: string, opts: BillingPassOptions = {}): Promise<BillingPassResult> {
  const today = todayJakarta(deps.clock);
  const day = date ?? today;
  const dryRun = opts.dryRun === true;
  if (!dryRun && day > today) throw badInput('date', 'billing.futureDate', { today });
  // The latest date a status or fee may reflect: today, or the later date a preview asks about.
  const upTo = day > today ? day : today;
  const fixed = deps.billing.chunkOrders;
  const sizing = fixed ? { size: Math.max(1, fixed), targetMs: null } : { size: CHUNK.first, targetMs: deps.billing.chunkMs ?? CHUNK.ms };
  const pass: Pass = { deps, day, upTo, dryRun, staff: null };
  return dryRun ? preview(em, pass, sizing, opts) : run(em, pass, sizing, opts);
}

interface Pass {
  deps: BillingPassDeps;
  day: string;
  upTo: string;
  dryRun: boolean;
  /** The staff who hear of overdue orders, read once per pass when the first chunk needs them. */
  staff: User[] | null;
}

/** The chunk size now, and the lock time it aims at (null: a fixed size). */
interface Sizing {
  size: number;
  targetMs: number | null;
}

/** Runs one chunk's transaction and sizes the next one from how long this one held its locks. */
async function chunkTransaction<T>(em: EntityManager, sizing: Sizing, work: (tx: EntityManager, locking: () => void) => Promise<T>): Promise<T> {
  let since = 0;
  const result = await em.fork().transactional((tx) => work(tx, () => (since = performance.now())));
  if (sizing.targetMs !== null && since) sizing.size = nextChunkSize(sizing.size, performance.now() - since, sizing.targetMs);
  return result;
}

type ChunkResult = Omit<BillingPassResult, 'date' | 'dryRun'>;


async function run(em: EntityManager, pass: Pass, sizing: Sizing, opts: BillingPassOptions): Promise<BillingPassResult> {
  let runId: string | null = null;
  for (let chunk = 0; ; chunk++) {
    const finished = await chunkTransaction(em, sizing, async (tx, locking) => {
      await sqlIn(tx)('select pg_advisory_xact_lock(?)', [PASS_LOCK]);
      // This pass's run; else an unfinished one for the date (resume or join it); else a new one.
      const current =
        (runId && (await tx.findOne(BillingRun, runId))) ||
        (await tx.findOne(BillingRun, { passDate: pass.day, finishedAt: null }, { orderBy: { createdAt: 'asc' } })) ||
        tx.create(BillingRun, { passDate: pass.day });
      runId = current.id;
      if (current.finishedAt) return current; // another process ran the last chunk
      locking();
      const orderIds = await lockChunk(tx, current.cursor, sizing.size);
      if (!orderIds.length) {
        current.finishedAt = new Date();
        audit(tx, opts.actor ?? null, 'billing.pass', { entityType: 'BillingRun', entityId: current.id }, { ...totals(current, pass.day), chunks: current.chunks });
        return current;
      }
      const done = await passChunk(tx, pass, orderIds);
      await opts.afterChunkWrites?.({ index: chunk, orderIds }, tx);
      current.cursor = orderIds.at(-1)!;
      current.chunks++;
      current.statusChanges += done.statusChanges;
      current.feesChanged += done.feesChanged;
      current.reminders += done.reminders;
      current.staffNotices += done.staffNotices;
      current.graceExpired += done.graceExpired;
      if (done.suspendedOrders.length) current.suspendedOrders = [...current.suspendedOrders, ...done.suspendedOrders];
      return null;
    });
    if (finished) return totals(finished, pass.day);
  }
}

function totals(r: BillingRun, date: string): BillingPassResult {
  const { statusChanges, feesChanged, reminders, staffNotices, graceExpired, suspendedOrders } = r;
  return { date, dryRun: false, statusChanges, feesChanged, reminders, staffNotices, graceExpired, suspendedOrders: [...suspendedOrders] };
}

/** The same chunks as a pass, each rolled back: counts only, no progress recorded, nothing sent. */
async function preview(em: EntityManager, pass: Pass, sizing: Sizing, opts: BillingPassOptions): Promise<BillingPassResult> {
  const sum: BillingPassResult = { date: pass.day, dryRun: true, statusChanges: 0, feesChanged: 0, reminders: 0, staffNotices: 0, graceExpired: 0, suspendedOrders: [] };
  let cursor: string | null = null;
  for (let chunk = 0; ; chunk++) {
    let done: (ChunkResult & { last: string }) | null;
    try {
      await chunkTransaction(em, sizing, async (tx, locking) => {
        await sqlIn(tx)('select pg_advisory_xact_lock(?)', [PASS_LOCK]);
        locking();
        const orderIds = await lockChunk(tx, cursor, sizing.size);
        const result = orderIds.length ? { ...(await passChunk(tx, pass, orderIds)), last: orderIds.at(-1)! } : null;
        if (result) await opts.afterChunkWrites?.({ index: chunk, orderIds }, tx);
        throw new PreviewRollback(result);
      });
      throw new Error('unreachable: a preview chunk always rolls back');
    } catch (err) {
      if (!(err instanceof PreviewRollback)) throw err;
      done = err.result as typeof done;
    }
    if (!done) return sum;
    cursor = done.last;
    sum.statusChanges += done.statusChanges;
    sum.feesChanged += done.feesChanged;
    sum.reminders += done.reminders;
    sum.staffNotices += done.staffNotices;
    sum.graceExpired += done.graceExpired;
    sum.suspendedOrders.push(...done.suspendedOrders);
  }
}

/**
 * The next `size` orders after `cursor` (by id) that the pass concerns (payable, or with a second
 * chance that may run out), locked, then their installments locked by (order, number): the order in
 * which payments lock, so the two wait for each other but never deadlock.
 */
async function lockChunk(tx: EntityManager, cursor: string | null, size: number): Promise<string[]> {
  // One round trip: `locked` reads every row of `chunk` (so all its orders are locked) before it locks
  // the first installment.
  const rows = await sqlIn(tx)<{ id: string }>(
    `with chunk as materialized (
       select o.id from orders o where ${cursor ? 'o.id > ? and ' : ''}(o.status in ${PAYABLE_SQL} or o.grace_until is not null)
       order by o.id limit ? for no key update
     ), locked as (
       select count(*) as n from (select 1 from installments i where i.order_id in (select id from chunk) order by i.order_id, i.number for no key update) l
     )
     select chunk.id from chunk, locked order by chunk.id`,
    cursor ? [cursor, size] : [size],
  );
  return rows.map((r) => r.id);
}

/** A uuid[] literal: knex would spread a JS array into several bindings. */
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/** Everything the pass does, for the orders of one chunk (already locked), in the chunk's transaction. */
async function passChunk(tx: EntityManager, pass: Pass, orderIds: string[]): Promise<ChunkResult> {
  const { deps, day, upTo, dryRun } = pass;
  const sql = sqlIn(tx);
  const ids = uuidArray(orderIds);
  // `d.day` is the pass's date, `d.up_to` the latest date anything may reflect; the rules read them.
  const D = `cross join (select ?::date as day, ?::date as up_to) d`;
  const mine = `i.order_id = any(?::uuid[])`;

  // Fees first: a fee cut back to what is paid of it can make an installment PAID.
  const [fees] = await sql<{ n: number }>(
    `with next as (
       select i.id, ${lateFeeAfterPassSql('d.day', 'd.up_to')} as fee
       from installments i join orders o on o.id = i.order_id ${D}
       where ${mine} and o.status in ${PAYABLE_SQL} and not ${CLOSED_LINE_SQL} and (i.late_fee > 0 or i.due_date < d.day)
     ), changed as (update installments i set late_fee = next.fee, updated_at = now() from next where next.id = i.id and i.late_fee <> next.fee returning 1)
     select count(*)::int as n from changed`,
    [day, upTo, ids],
  );

  const [statuses] = await sql<{ n: number }>(
    `with next as (
       select i.id, ${statusOnSql('d.up_to', 'true')} as status
       from installments i join orders o on o.id = i.order_id ${D}
       where ${mine} and o.status in ${PAYABLE_SQL} and not ${CLOSED_LINE_SQL}
     ), changed as (
       update installments i set status = next.status, paid_at = case when next.status = 'PAID' then now() end, updated_at = now()
       from next where next.id = i.id and i.status <> next.status returning 1)
     select count(*)::int as n from changed`,
    [day, upTo, ids],
  );

  const before = [...deps.billing.remindBefore].sort((a, b) => a - b);
  const after = [...deps.billing.remindAfter].sort((a, b) => a - b);
  const claimed = await sql<ClaimedReminder>(
    `with claimed as (
       insert into installment_reminders (id, created_at, updated_at, installment_id, kind, offset_days, sent_on)
       select gen_random_uuid(), now(), now(), r.id, r.kind, r.off, r.day from (
         select i.id, 'BEFORE' as kind, (select min(x) from unnest(?::int[]) x where x >= i.due_date - d.day) as off, d.day
           from installments i join orders o on o.id = i.order_id ${D}
           where ${mine} and o.status in ${PAYABLE_SQL} and ${OPEN_SQL} and i.due_date - d.day between 0 and ?
         union all
         select i.id, 'AFTER', (select max(x) from unnest(?::int[]) x where x <= ${daysLateSql('d.day')}), d.day
           from installments i join orders o on o.id = i.order_id ${D}
           where ${mine} and o.status in ${PAYABLE_SQL} and ${overdueOnSql('d.day')} and ${daysLateSql('d.day')} >= ?
         union all
         select i.id, 'STAFF', 1, d.day
           from installments i join orders o on o.id = i.order_id ${D}
           where ? and ${mine} and o.status in ${PAYABLE_SQL} and ${overdueOnSql('d.day')}
       ) r where r.off is not null
       on conflict (installment_id, kind, offset_days) do nothing
       returning installment_id, kind, offset_days)
     select c.installment_id, i.order_id, c.kind, c.offset_days from claimed c join installments i on i.id = c.installment_id`,
    // Arrays travel as Postgres array literals: knex would spread a JS array into several bindings.
    [
      `{${before.join(',')}}`, day, upTo, ids, before.at(-1) ?? 0,
      `{${after.join(',')}}`, day, upTo, ids, after[0] ?? 1,
      day, upTo, deps.billing.remindStaff !== false, ids,
    ],
  );

  if (!pass.staff && claimed.some((c) => c.kind === 'STAFF')) pass.staff = await staffRecipients(tx, [Role.SUPPORT]);
  const sent = await sendReminders(tx, deps, claimed, pass.staff ?? [], day, dryRun);

  // In one round trip: a second chance that ran out puts the order back in ordinary overdue handling;
  // automatic suspension only where the plan says so (default off: the customer chooses). The select
  // sees the orders as they were before the update, which is the same answer: the update only clears
  // a grace_until that is already before the day.
  const ends = await sql<{ what: 'GRACE_EXPIRED' | 'SUSPEND'; id: string }>(
    `with d as (select ?::date as day), expired as (
       update orders o set grace_until = null, updated_at = now() from d where o.id = any(?::uuid[]) and o.grace_until < d.day
         and exists (select 1 from installments i where i.order_id = o.id and ${overdueOnSql('d.day')}) returning o.id)
     select 'GRACE_EXPIRED' as what, id from expired
     union all
     (select 'SUSPEND', o.id from orders o, d where o.id = any(?::uuid[]) and o.status = 'ACTIVE' and o.auto_suspend_after_days is not null
       and (o.grace_until is null or o.grace_until < d.day)
       and exists (select 1 from installments i where i.order_id = o.id and ${overdueOnSql('d.day')} and ${daysLateSql('d.day')} >= o.auto_suspend_after_days)
     order by o.id)`,
    [day, ids, ids],
  );
  const graceExpired = ends.filter((e) => e.what === 'GRACE_EXPIRED');
  const toSuspend = ends.filter((e) => e.what === 'SUSPEND');
  const suspendedOrders: string[] = [];
  for (const { id } of toSuspend) {
    if (!dryRun) {
      const order = await tx.findOneOrFail(Order, id);
      // The hosting domain suspends the order and its services (its handler).
      await deps.events.emit(tx, 'installment.autoSuspendDue', { orderId: order.id, customerId: order.customer.id, afterDays: order.autoSuspendAfterDays! }, { at: deps.clock.now() });
    }
    suspendedOrders.push(id);
  }

  return { statusChanges: statuses!.n, feesChanged: fees!.n, ...sent, graceExpired: graceExpired.length, suspendedOrders };
}
