import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBillingPass } from '../../server/src/billing/billing-pass';
import { QueryCounter } from '../../server/src/db/orm';
import { signSandboxEvent } from '../../server/src/payments/gateways';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { TravelClock } from '../support/clock';
import { checkoutOrder, confirmSpkForTest } from '../support/orders';

/**
 * The dashboard against a book built through the API: two active orders on VPS NVMe 4 / 12 months
 * (Rp 517.500 a month; late fee Rp 5.000 a day after 3 grace days, capped at Rp 250.000), one of them
 * four months behind, the other paid up and then refunded its down payment, and a third customer's
 * orders still in the SPK stage (they owe nothing yet). Every figure is checked against numbers worked
 * out here by hand, and against a plain re-computation from the orders' installments.
 */

const clock = new TravelClock('2026-01-15T02:00:00Z');
let t: TestApp;
let finance: TestUser;
let support: TestUser;
const counter = new QueryCounter();

beforeAll(async () => {
  t = await startTestApp({ clock, queryCounter: counter, env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
  finance = await t.createUser('FINANCE');
  support = await t.createUser('SUPPORT');
}, 120_000); // an embedded database starts, migrates and seeds first: slow on a busy machine
afterAll(() => t?.close());

/** A fresh access token at the clock's current time (tokens live a day at most; the clock jumps months). */
async function tokenOf(user: TestUser) {
  const login = await t.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: user.username, password: user.password } });
  return login.login.accessToken as string;
}

const pass = (date: string) => runBillingPass(t.app.orm.em.fork(), { clock, bus: t.app.services.notifications.bus, billing: t.app.services.billing, events: t.app.services.events }, date);

async function pay(token: string, orderId: string, amount?: bigint) {
  const p = (
    await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id reference amount } }`, { i: { orderId, method: 'GATEWAY', ...(amount ? { amount: String(amount) } : {}) } }, token)
  ).createPayment;
  const { rawBody, headers } = signSandboxEvent(t.app.services.sandboxPaymentSecret, { reference: p.reference, providerReference: null, status: 'SETTLED', amount: BigInt(p.amount), eventId: `e-${p.reference}` });
  const res = await fetch(`${t.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) });
  expect(res.status).toBe(200);
  return { id: p.id as string, amount: BigInt(p.amount) };
}

const DASHBOARD = `query($days: Int, $limit: Int) { dashboard {
  today activeOrders
  receivables { amount installments orders }
  overdue { orders installments amount }
  aging { bucket amount installments orders }
  collections { month settled settledCount refunded refundedCount net }
  upcomingDue(days: $days, limit: $limit) { days total amount items { installmentId number dueDate amount orderId orderNumber customerName customerPhone } }
  spksAwaitingStaff { total items { spkId number status since orderId orderNumber customerName } }
} }`;

interface Line {
  number: number;
  dueDate: string;
  amount: string;
  paidAmount: string;
  lateFee: string;
  lateFeePaid: string;
  status: string;
}

/** The aging worked out in plain TypeScript from the installments the API shows, for comparison. */
function ageInJs(lines: Line[], today: string) {
  const buckets = new Map<string, { amount: bigint; installments: number }>();
  for (const l of lines) {
    const owed = BigInt(l.amount) - BigInt(l.paidAmount) + BigInt(l.lateFee) - BigInt(l.lateFeePaid);
    if (l.status === 'CANCELLED' || owed === 0n) continue;
    const late = Math.round((Date.parse(today) - Date.parse(l.dueDate)) / 86_400_000);
    const bucket = late <= 0 ? 'CURRENT' : late <= 30 ? 'DAYS_1_30' : late <= 60 ? 'DAYS_31_60' : late <= 90 ? 'DAYS_61_90' : 'OVER_90';
    const b = buckets.get(bucket) ?? { amount: 0n, installments: 0 };
    b.amount += owed;
    b.installments++;
    buckets.set(bucket, b);
  }
  return buckets;
}

describe('dashboard', () => {
  it('adds up the book exactly: receivables, aging, arrears, collections net of refunds, due dates and SPK work', async () => {
    clock.set('2026-01-15T02:00:00Z');
    const a = await t.createUser('CUSTOMER');
    const b = await t.createUser('CUSTOMER');
    const c = await t.createUser('CUSTOMER');
    const orderA = await checkoutOrder(t, a, 'vps-nvme-4', 12);
    const orderB = await checkoutOrder(t, b, 'vps-nvme-4', 12);
    await confirmSpkForTest(t, orderA.id);
    await confirmSpkForTest(t, orderB.id);
    const dpA = await pay(a.token, orderA.id);
    const dpB = await pay(b.token, orderB.id);
    expect(dpA.amount).toBe(BigInt(orderA.installments[0]!.amount));
    expect(dpB.amount).toBe(dpA.amount);

    // Customer C's orders are in the SPK stage: one draft, one sent back for revision, one under review.
    await t.ok(`mutation($i: ProfileInput!) { updateMyProfile(input: $i) { id } }`, { i: { nik: '3171014501900001', address: 'Jl. Kebon Sirih No. 10, Jakarta Pusat' } }, c.token);
    const spkOrders = [await checkoutOrder(t, c, 'vps-nvme-4', 12), await checkoutOrder(t, c, 'vps-nvme-4', 12), await checkoutOrder(t, c, 'vps-nvme-4', 12)];
    const spks = [];
    for (const o of spkOrders) spks.push((await t.ok(`mutation($o: ID!) { createSpk(orderId: $o) { id number } }`, { o: o.id }, support.token)).createSpk);
    clock.set('2026-01-16T02:00:00Z');
    const supportToken = await tokenOf(support);
    await t.ok(`mutation($id: ID!) { submitSpkForReview(id: $id) { status } }`, { id: spks[1].id }, supportToken);
    await t.ok(`mutation($id: ID!) { submitSpkForReview(id: $id) { status } }`, { id: spks[2].id }, supportToken);
    clock.set('2026-01-17T02:00:00Z');
    await t.ok(`mutation($id: ID!, $i: SpkReasonInput!) { requestSpkRevision(id: $id, input: $i) { status } }`, { id: spks[1].id, i: { reason: 'Alamat salah' } }, await tokenOf(c));

    // 10 May 2026 (Jakarta): A has paid nothing since January; B pays its arrears, then its January
    // down payment is refunded.
    clock.set('2026-05-10T03:00:00Z');
    await pass('2026-05-10');
    const staff = await tokenOf(finance);
    const paidB = await pay(await tokenOf(b), orderB.id);
    await t.ok(`mutation($id: ID!, $i: ReasonInput!) { refundPayment(id: $id, input: $i) { status } }`, { id: dpB.id, i: { reason: 'Salah transfer' } }, staff);
    await pass('2026-05-10'); // B's down payment is late again and accrues its fee

    counter.reset();
    const d = (await t.ok(DASHBOARD, {}, staff)).dashboard;
    expect(d.today).toBe('2026-05-10');
    // Every card in one statement besides the caller's account (seven before: up to four reads of the book).
    expect(counter.statements.filter((s) => !/from "users"/.test(s))).toHaveLength(1);
    expect(d.activeOrders).toBe(1); // B's refunded down payment took it back to AWAITING_DOWN_PAYMENT

    // By hand: A #1 (15 Feb, 84 days) and #2 (15 Mar, 56 days) carry the capped fee, #3 (15 Apr,
    // 25 days) 22 days of fee; B #0 (15 Jan, 115 days) is the refunded down payment with a capped fee.
    const monthly = 517_500n;
    const dp = dpA.amount;
    const money = (x: bigint) => String(x);
    const current = (o: typeof orderA) => o.installments.filter((i) => i.number >= 4).reduce((s, i) => s + BigInt(i.amount), 0n);
    expect(d.aging).toEqual([
      { bucket: 'CURRENT', amount: money(current(orderA) + current(orderB)), installments: 18, orders: 2 },
      { bucket: 'DAYS_1_30', amount: money(monthly + 22n * 5_000n), installments: 1, orders: 1 },
      { bucket: 'DAYS_31_60', amount: money(monthly + 250_000n), installments: 1, orders: 1 },
      { bucket: 'DAYS_61_90', amount: money(monthly + 250_000n), installments: 1, orders: 1 },
      { bucket: 'OVER_90', amount: money(dp + 250_000n), installments: 1, orders: 1 },
    ]);
    const arrears = 3n * monthly + 110_000n + 500_000n + dp + 250_000n;
    expect(d.overdue).toEqual({ orders: 2, installments: 4, amount: money(arrears) });
    expect(d.receivables).toEqual({ amount: money(arrears + current(orderA) + current(orderB)), installments: 22, orders: 2 });

    // The same from the installments themselves, and from each order's own summary.
    const lines: Line[] = [];
    let summedArrears = 0n;
    for (const o of [orderA, orderB]) {
      const order = (await t.ok(`query($id: ID!) { order(id: $id) { summary { arrearsAmount outstandingAmount } installments { number dueDate amount paidAmount lateFee lateFeePaid status } } }`, { id: o.id }, staff)).order;
      lines.push(...order.installments);
      summedArrears += BigInt(order.summary.arrearsAmount);
    }
    expect(summedArrears).toBe(arrears);
    const js = ageInJs(lines, '2026-05-10');
    for (const line of d.aging) expect({ bucket: line.bucket, amount: line.amount, installments: line.installments }).toEqual({ bucket: line.bucket, amount: money(js.get(line.bucket)?.amount ?? 0n), installments: js.get(line.bucket)?.installments ?? 0 });

    // May: B's payment came in, B's January down payment went back out.
    expect(paidB.amount).toBe(3n * monthly + 610_000n);
    expect(d.collections).toEqual({ month: '2026-05', settled: money(paidB.amount), settledCount: 1, refunded: money(dp), refundedCount: 1, net: money(paidB.amount - dp) });

    // Both orders' #4 falls due on 15 May: within the default 7 days; a 3-day window holds nothing.
    expect(d.upcomingDue).toMatchObject({ days: 7, total: 2, amount: money(2n * monthly) });
    expect(d.upcomingDue.items.map((i: { orderNumber: string; number: number; dueDate: string; amount: string }) => [i.orderNumber, i.number, i.dueDate, i.amount])).toEqual(
      [orderA, orderB].map((o) => [o.number, 4, '2026-05-15', money(monthly)]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(d.upcomingDue.items[0].customerName).toMatch(/^Test CUSTOMER/);
    const narrow = (await t.ok(DASHBOARD, { days: 3, limit: 1 }, staff)).dashboard.upcomingDue;
    expect(narrow).toEqual({ days: 3, total: 0, amount: '0', items: [] });
    const limited = (await t.ok(DASHBOARD, { days: 7, limit: 1 }, staff)).dashboard.upcomingDue;
    expect([limited.total, limited.items.length]).toEqual([2, 1]);
    // Within a day by order number, whatever order the orders were made in: renumbered the other way
    // round (raw SQL; each line's copy of its order's number is the database's), the two swap places.
    type Item = { orderId: string; orderNumber: string };
    const [made1, made2] = (d.upcomingDue.items as Item[]).map((i) => i.orderId);
    expect(limited.items.map((i: Item) => i.orderId)).toEqual([made1]);
    const conn = t.app.orm.em.fork().getConnection();
    const renumber = (id: string, number: string) => conn.execute(`update orders set number = ? where id = ?`, [number, id]);
    const numbers = Object.fromEntries([orderA, orderB].map((o) => [o.id, o.number]));
    await renumber(made1!, 'ORD-TEST-2');
    await renumber(made2!, 'ORD-TEST-1');
    const swapped = (await t.ok(DASHBOARD, { days: 7, limit: 2 }, staff)).dashboard.upcomingDue.items as Item[];
    expect(swapped.map((i) => [i.orderId, i.orderNumber])).toEqual([[made2, 'ORD-TEST-1'], [made1, 'ORD-TEST-2']]);
    expect(((await t.ok(DASHBOARD, { days: 7, limit: 1 }, staff)).dashboard.upcomingDue.items as Item[]).map((i) => i.orderId)).toEqual([made2]);
    for (const id of [made1!, made2!]) await renumber(id, numbers[id]!);

    // SPK work: the revision request is newer than the draft; the one under review waits for the customer.
    // (History rows are stamped with the wall clock, not the travelling one.)
    expect(d.spksAwaitingStaff.total).toBe(2);
    const waiting = d.spksAwaitingStaff.items as { number: string; status: string; since: string; orderId: string; customerName: string }[];
    expect(waiting.map((s) => [s.number, s.status, s.orderId])).toEqual([
      [spks[1].number, 'REVISION_REQUESTED', spkOrders[1]!.id],
      [spks[0].number, 'DRAFT', spkOrders[0]!.id],
    ]);
    expect(Date.parse(waiting[0]!.since)).toBeGreaterThan(Date.parse(waiting[1]!.since));
    const events = await t.app.orm.em.fork().getConnection().execute(`select to_json(created_at)#>>'{}' as at from spk_events where spk_id = ? and to_status = 'REVISION_REQUESTED'`, [spks[1].id]);
    expect(new Date(waiting[0]!.since).getTime()).toBe(new Date(events[0].at).getTime());

    // January, seen from its last day: both down payments came in then; the refund belongs to May.
    clock.set('2026-01-31T16:59:00Z'); // 23:59 in Jakarta
    const jan = (await t.ok(`{ dashboard { collections { month settled settledCount refunded net } } }`, {}, await tokenOf(finance))).dashboard.collections;
    expect(jan).toEqual({ month: '2026-01', settled: money(2n * dp), settledCount: 2, refunded: '0', net: money(2n * dp) });
    clock.set('2026-01-31T17:00:00Z'); // 1 Feb 00:00 in Jakarta: a new month
    const feb = (await t.ok(`{ dashboard { collections { month settled } } }`, {}, await tokenOf(finance))).dashboard.collections;
    expect(feb).toEqual({ month: '2026-02', settled: '0' });
    clock.set('2026-05-10T03:00:00Z');
  }, 120_000);

  it('is for staff only, and checks its arguments', async () => {
    clock.set(new Date().toISOString());
    const customer = await t.createUser('CUSTOMER');
    const res = await t.gql(`{ dashboard { activeOrders } }`, {}, customer.token);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(`{ dashboard { activeOrders } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const supportToken = await tokenOf(support);
    expect((await t.ok(`{ dashboard { activeOrders } }`, {}, supportToken)).dashboard.activeOrders).toBeGreaterThanOrEqual(0);
    const bad = await t.gql(`{ dashboard { upcomingDue(days: 400) { total } } }`, {}, supportToken);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
  });
});
