import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBillingPass } from '../../server/src/billing/billing-pass';
import { todayJakarta } from '../../server/src/common/time';
import { OPEN_SQL, OWED_SQL, PAYABLE_SQL } from '../../server/src/installments/owed-sql';
import { bookFunctions, compactDashboardBook, rebuildDashboardBook } from '../../server/src/reports/dashboard-book';
import { bucketRules, dashboardFigures, type DashboardPart, type Receivables, type UpcomingDueFigures } from '../../server/src/reports/dashboard';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { TravelClock } from '../support/clock';
import { checkoutOrder, confirmSpkForTest, payThroughSandbox } from '../support/orders';

/**
 * The dashboard's aggregates (reports/dashboard-book.ts: deltas kept by triggers) against the book
 * computed from scratch, after random sequences of what changes the book: new orders, payments in full
 * and in part, refunds, billing passes, restructuring, cancellation, suspension, raw SQL writes, the
 * clock crossing midnight in Jakarta, compaction at random moments; and under concurrent payments.
 * The oracle is the one-scan query the dashboard used before (per order, then over the orders).
 */

const clock = new TravelClock('2026-01-15T02:00:00Z');
let t: TestApp;
let support: TestUser;
let finance: TestUser;
const customers: TestUser[] = [];

beforeAll(async () => {
  t = await startTestApp({ clock, env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
  support = await t.createUser('SUPPORT');
  finance = await t.createUser('FINANCE');
  for (let n = 0; n < 4; n++) {
    const c = await t.createUser('CUSTOMER');
    await t.ok(`mutation($i: ProfileInput!) { updateMyProfile(input: $i) { id } }`, { i: { nik: `31740515079000${10 + n}`, address: `Jl. Melati ${n}, Bandung` } }, c.token);
    customers.push(c);
  }
}, 120_000);
afterAll(() => t?.close());

const conn = () => t.app.orm.em.fork().getConnection();
const today = () => todayJakarta(clock);

/** A token valid at the clock's time (the clock jumps further than a token lives). */
async function tokenOf(user: TestUser) {
  const login = await t.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: user.username, password: user.password } });
  return (user.token = login.login.accessToken as string);
}

/** Deterministic per seed, so a failure can be replayed (the seed is in the test name). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PARTS: DashboardPart[] = [{ kind: 'activeOrders' }, { kind: 'receivables' }, { kind: 'upcomingDue', days: 7, limit: 3 }, { kind: 'upcomingDue', days: 45, limit: 50 }];

/** The figures the old one-scan query gave: the book read whole, summed per order, then over the orders. */
async function oracle(day: string) {
  const rules = bucketRules('d.today');
  const window = (days: number) => `i.due_date between d.today and d.today + ${days}`;
  const [r] = await conn().execute(
    `with d as (select ?::date as today), per_order as (
       select i.order_id, ${rules.map(([, rule], k) => `count(*) filter (where ${rule}) as n${k}, sum(${OWED_SQL}) filter (where ${rule}) as a${k}`).join(', ')},
              ${[7, 45].map((w) => `count(*) filter (where ${window(w)}) as u${w}n, sum(${OWED_SQL}) filter (where ${window(w)}) as u${w}a`).join(', ')}
       from installments i join orders o on o.id = i.order_id cross join d
       where o.status in ${PAYABLE_SQL} and ${OPEN_SQL} group by i.order_id)
     select ${rules.map((_, k) => `coalesce(sum(n${k}), 0)::int as n${k}, count(*) filter (where n${k} > 0)::int as o${k}, coalesce(sum(a${k}), 0)::text as a${k}`).join(', ')},
            count(*)::int as orders, count(*) filter (where ${rules.slice(1).map((_, k) => `n${k + 1}`).join(' + ')} > 0)::int as late,
            ${[7, 45].map((w) => `coalesce(sum(u${w}n), 0)::int as u${w}n, coalesce(sum(u${w}a), 0)::text as u${w}a`).join(', ')}
     from per_order`,
    [day],
  );
  const receivables: Receivables = {
    buckets: rules.map(([bucket], k) => ({ bucket, installments: r[`n${k}`], orders: r[`o${k}`], amount: BigInt(r[`a${k}`]) })),
    orders: r.orders,
    overdueOrders: r.late,
  };
  return { receivables, upcoming: [7, 45].map((w) => ({ total: r[`u${w}n`] as number, amount: BigInt(r[`u${w}a`]) })) };
}

/** The due-soon rows, read straight from the book. */
async function upcomingRows(day: string, days: number, limit: number) {
  return (
    await conn().execute<{ id: string }[]>(
      `select i.id from installments i join orders o on o.id = i.order_id where o.status in ${PAYABLE_SQL} and ${OPEN_SQL}
       and i.due_date between ?::date and ?::date + ?::int order by i.due_date, o.number, i.number limit ?`,
      [day, day, days, limit],
    )
  ).map((r) => r.id);
}

/** The aggregate tables themselves against a recomputation, for every day (not only the buckets of today). */
async function tablesFromScratch() {
  const c = conn();
  const kept = {
    days: await c.execute(`select due_date::text as d, sum(installments)::int as n, sum(owed)::text as a from dashboard_book_days group by due_date having sum(installments) <> 0 or sum(owed) <> 0 order by 1`),
    edges: await c.execute(`select due_date::text as d, prev_due::text as p, sum(orders)::int as n from dashboard_book_edges group by due_date, prev_due having sum(orders) <> 0 order by 1, 2`),
    statuses: await c.execute(`select status, sum(orders)::int as n from dashboard_order_statuses group by status having sum(orders) <> 0 order by 1`),
  };
  const scratch = {
    days: await c.execute(`select i.due_date::text as d, count(*)::int as n, sum(${OWED_SQL})::text as a from installments i join orders o on o.id = i.order_id
                           where o.status in ${PAYABLE_SQL} and ${OPEN_SQL} group by i.due_date order by 1`),
    edges: await c.execute(`select d, p, count(*)::int as n from (
                              select i.due_date::text as d, (lag(i.due_date) over (partition by i.order_id order by i.due_date, i.number))::text as p
                              from installments i join orders o on o.id = i.order_id where o.status in ${PAYABLE_SQL} and ${OPEN_SQL}) e
                            group by d, p order by 1, 2`),
    statuses: await c.execute(`select status, count(*)::int as n from orders group by status order by 1`),
  };
  return { kept, scratch };
}

async function expectBookRight(step: string) {
  const day = today();
  const { kept, scratch } = await tablesFromScratch();
  expect(kept, step).toEqual(scratch);
  const [active, receivables, soon, later] = (await dashboardFigures(t.app.orm.em.fork(), { today: day, now: clock.now() }, PARTS)) as [number, Receivables, UpcomingDueFigures, UpcomingDueFigures];
  const want = await oracle(day);
  const [counted] = await conn().execute<{ n: number }[]>(`select count(*)::int as n from orders where status = 'ACTIVE'`);
  expect(active, step).toBe(counted!.n);
  expect(receivables, step).toEqual(want.receivables);
  expect({ total: soon.total, amount: soon.amount }, step).toEqual(want.upcoming[0]);
  expect({ total: later.total, amount: later.amount }, step).toEqual(want.upcoming[1]);
  expect(soon.items.map((i) => i.installmentId), step).toEqual(await upcomingRows(day, 7, 3));
  expect(later.items.map((i) => i.installmentId), step).toEqual(await upcomingRows(day, 45, 50));
}

const pass = () => runBillingPass(t.app.orm.em.fork(), { clock, bus: t.app.services.notifications.bus, billing: t.app.services.billing, events: t.app.services.events }, today());

interface Book {
  orders: { id: string; customer: TestUser }[];
  payments: string[];
}

async function newOrder(book: Book, customer: TestUser, tenor: number) {
  await tokenOf(customer);
  const order = await checkoutOrder(t, customer, 'vps-nvme-4', tenor);
  await confirmSpkForTest(t, order.id);
  book.orders.push({ id: order.id, customer });
  return order.id;
}

/** What the random steps' mutations did, by mutation and outcome. */
const done: Record<string, number> = {};
/** Tries a mutation; a refusal (wrong state for it) is fine here, the book must be right either way. */
async function attempt(query: string, variables: Record<string, unknown>, user: TestUser) {
  const res = await t.gql(query, variables, await tokenOf(user));
  const outcome = `${query.match(/\{ (\w+)\(/)![1]} ${res.errors ? 'refused' : 'ok'}`;
  done[outcome] = (done[outcome] ?? 0) + 1;
  if (res.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

describe('dashboard book (aggregates kept by due date)', () => {
  it('installs the trigger functions the installment rules render today (a rule change needs a migration)', async () => {
    const installed = await conn().execute<{ proname: string; prosrc: string }[]>(`select proname, prosrc from pg_proc where proname like 'angsur_book_%' order by proname`);
    expect(Object.fromEntries(installed.map((f) => [f.proname, f.prosrc]))).toEqual(bookFunctions());
  });

  for (const seed of [1, 2, 3]) {
    it(`equals the book computed from scratch after a random sequence of changes (seed ${seed})`, async () => {
      const rnd = random(seed);
      const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
      const book: Book = { orders: [], payments: [] };
      clock.set('2026-01-15T02:00:00Z');
      for (const c of customers.slice(0, 2)) await newOrder(book, c, pick([6, 12]));
      await expectBookRight('start');
      const steps = [
        'order', 'pay', 'part', 'pass', 'midnight', 'jump', 'refund', 'restructure', 'cancel', 'suspend', 'raw-fee', 'raw-due', 'raw-paid', 'raw-order', 'compact',
      ] as const;
      for (let n = 0; n < 40; n++) {
        const step = pick([...steps]);
        const o = pick(book.orders);
        const label = `seed ${seed} step ${n}: ${step} on ${today()}`;
        switch (step) {
          case 'order':
            await newOrder(book, pick(customers), pick([6, 12]));
            break;
          case 'pay':
          case 'part': {
            const res = await t.gql(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { amount } }`, { i: { orderId: o.id, method: 'GATEWAY' } }, await tokenOf(o.customer));
            if (res.errors) break; // nothing due now
            const due = BigInt(res.data.createPayment.amount);
            const amount = step === 'part' && due > 2n ? 1n + BigInt(Math.floor(rnd() * Number(due - 1n))) : undefined;
            try {
              await payThroughSandbox(t, o.customer, o.id, amount?.toString());
            } catch {
              // an amount the order refuses: nothing changed
            }
            const [last] = await conn().execute(`select id from payments where order_id = ? and status = 'SETTLED' order by created_at desc limit 1`, [o.id]);
            if (last) book.payments.push(last.id);
            break;
          }
          case 'pass':
            await pass();
            break;
          case 'midnight': {
            // 23:59:30 in Jakarta, checked, then 00:00:30 the next day: the buckets move, the tables do not.
            const now = clock.now();
            const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 16, 59, 30));
            if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
            clock.set(at.toISOString());
            await expectBookRight(`${label} (before midnight)`);
            clock.set(new Date(at.getTime() + 60_000).toISOString());
            break;
          }
          case 'jump':
            clock.advanceDays(1 + Math.floor(rnd() * 40));
            if (rnd() < 0.5) await pass();
            break;
          case 'refund':
            if (book.payments.length) await attempt(`mutation($id: ID!, $i: ReasonInput!) { refundPayment(id: $id, input: $i) { status } }`, { id: pick(book.payments), i: { reason: 'Salah transfer' } }, finance);
            break;
          case 'restructure': {
            // An order in arrears, when there is one (otherwise the refusal is the case under test).
            const [late] = await conn().execute(`select i.order_id as id from installments i where i.order_id = any(?::uuid[]) and ${OPEN_SQL} and i.due_date < ?::date order by random() limit 1`, [`{${book.orders.map((x) => x.id).join(',')}}`, today()]);
            await attempt(`mutation($i: RestructureInput!) { restructureOrder(input: $i) { id } }`, { i: { orderId: late?.id ?? o.id, tenorMonths: pick([3, 6]), includeLateFees: rnd() < 0.5, reason: 'Kesulitan arus kas' } }, support);
            break;
          }
          case 'cancel':
            await attempt(`mutation($id: ID!) { cancelOrder(id: $id, reason: "batal") { status } }`, { id: o.id }, support);
            break;
          case 'suspend': {
            const [active] = await conn().execute(`select id from orders where id = any(?::uuid[]) and status = 'ACTIVE' order by random() limit 1`, [`{${book.orders.map((x) => x.id).join(',')}}`]);
            await attempt(`mutation($o: ID!) { suspendOrder(orderId: $o, reason: "Belum ada dana") { status } }`, { o: active?.id ?? o.id }, rnd() < 0.5 ? o.customer : support);
            break;
          }
          case 'raw-order':
            // Orders leave and re-enter the payable states by raw SQL, several in one statement.
            await conn().execute(`update orders set status = case status when 'ACTIVE' then 'COMPLETED' when 'COMPLETED' then 'ACTIVE' else status end where id = any(?::uuid[])`, [
              `{${[pick(book.orders).id, pick(book.orders).id].join(',')}}`,
            ]);
            break;
          case 'raw-fee':
            // Raw SQL over several orders at once, as a set-based job would write.
            await conn().execute(`update installments set late_fee = late_fee + 1500 where due_date < ?::date and status not in ('CANCELLED', 'RESTRUCTURED', 'PAID')`, [today()]);
            break;
          case 'raw-due':
            await conn().execute(`update installments set due_date = due_date + ? where order_id = ? and number > 0`, [pick([-20, 3, 31]), o.id]);
            break;
          case 'raw-paid':
            await conn().execute(`update installments set paid_amount = amount where id in (select id from installments where order_id = ? order by number limit ?)`, [o.id, 1 + Math.floor(rnd() * 3)]);
            break;
          case 'compact':
            await compactDashboardBook(t.app.orm.em.fork());
            break;
        }
        await expectBookRight(label);
      }
      // Compacted, the tables hold one row per key and the same figures.
      await compactDashboardBook(t.app.orm.em.fork());
      const [dup] = await conn().execute(`select (select count(*) from dashboard_book_days) - (select count(distinct due_date) from dashboard_book_days) as n`);
      expect(Number(dup.n)).toBe(0);
      await expectBookRight(`seed ${seed} compacted`);
      // The migration's backfill (a rebuild from the book) gives what the triggers kept.
      const kept = await tablesFromScratch();
      await rebuildDashboardBook(t.app.orm.em.fork());
      expect((await tablesFromScratch()).kept).toEqual(kept.kept);
    }, 300_000);
  }

  it('went through every kind of change at least once over the seeds (not only refusals)', () => {
    for (const m of ['restructureOrder', 'cancelOrder', 'refundPayment', 'suspendOrder']) expect(done[`${m} ok`], m).toBeGreaterThan(0);
  });

  it('loses no delta and deadlocks nowhere under concurrent payments, a billing pass and compaction', async () => {
    clock.set('2026-03-01T02:00:00Z');
    const book: Book = { orders: [], payments: [] };
    for (const c of customers) for (let k = 0; k < 2; k++) await newOrder(book, c, 12);
    clock.set('2026-05-20T02:00:00Z');
    await pass();
    for (const c of customers) await tokenOf(c);
    await expectBookRight('before the payments');
    let compacting = true;
    const compactions = (async () => {
      let runs = 0;
      while (compacting) {
        await compactDashboardBook(t.app.orm.em.fork());
        runs++;
      }
      return runs;
    })();
    const paid = await Promise.allSettled([...book.orders.map((o) => payThroughSandbox(t, o.customer, o.id)), pass()]);
    compacting = false;
    expect(await compactions).toBeGreaterThan(0);
    expect(paid.filter((p) => p.status === 'rejected')).toEqual([]);
    await expectBookRight('after the concurrent payments');
  }, 300_000);
});
