import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSandboxEvent } from '../../server/src/payments/gateways';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { TravelClock } from '../support/clock';
import { checkoutOrder, confirmSpkForTest, moneyInvariants } from '../support/orders';

/**
 * Model-based test of the money (fast-check `commands`): random sequences of checkout, SPK
 * confirmation, partial/full/over payments by transfer and gateway (duplicate and concurrent webhooks),
 * refunds, cancels, time passing and billing passes on random dates (past, today, a refused future)
 * against the real server and database. After every step, straight from the tables:
 * - settled payments = live allocations = what installments show as paid;
 * - no fee above what today justifies on the whole amount (computed here, independently of the code);
 * - every installment's status is what today and its money say;
 * - the order's state is what its money says;
 * - every notice went out once: one PAYMENT_SETTLED per settlement, one PAYMENT_REFUNDED per refund, at
 *   most one overdue notice per order per pass, saying the true days late of the oldest installment.
 * Runs share one database; each run buys a fresh order. MODEL_RUNS sets the number of runs (200 by
 * default, as in CI), MODEL_STEPS the longest sequence.
 */
const START = '2026-01-15T02:00:00Z';
const clock = new TravelClock(START);
let t: TestApp;
let customer: TestUser;
let finance: TestUser;
let support: TestUser;
beforeAll(async () => {
  t = await startTestApp({ clock, env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
  [customer, finance, support] = [await t.createUser('CUSTOMER'), await t.createUser('FINANCE'), await t.createUser('SUPPORT')];
});
afterAll(() => t?.close());

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082', 'hex');
const sql = <T = any>(text: string, params: unknown[] = []) => t.app.orm.em.fork().getConnection().execute<T[]>(text, params);
const today = () => DateTime.fromJSDate(clock.now(), { zone: 'Asia/Jakarta' }).toISODate()!;
const days = (from: string, to: string) => Math.round(DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days);

/** The two late-fee policies sold in the seed catalog, as the contract states them. */
const PRODUCTS = [
  { slug: 'vps-nvme-4', tenor: 12, policy: { grace: 3, fixed: true, value: 5_000n, cap: 250_000n } },
  { slug: 'vps-nvme-4', tenor: 6, policy: { grace: 3, fixed: false, value: 10n, cap: 500_000n } },
] as const;

interface Model {
  orderId: string;
  number: string;
  policy: (typeof PRODUCTS)[number]['policy'];
  confirmed: boolean;
  cancelled: boolean;
  /** Settled and not refunded. */
  settled: string[];
  transfers: { id: string; amount: bigint }[];
  settlements: number;
  refunds: number;
  overpayments: number;
  passes: number;
}
interface Real {
  run: number;
}

/** Tokens by the (travelling) time they were issued: a user signs in again only when the clock has moved on. */
const issued = new Map<TestUser, { at: number; token: string }[]>();
async function login(u: TestUser) {
  const now = clock.now().getTime();
  const ok = issued.get(u)?.find((x) => now >= x.at && now - x.at < 12 * 3_600_000);
  if (ok) {
    u.token = ok.token;
    return;
  }
  u.token = (await t.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: u.username, password: u.password } })).login.accessToken;
  const kept = issued.get(u) ?? [];
  issued.set(u, [...kept.slice(0, 1), ...kept.slice(1).slice(-3), { at: now, token: u.token }]); // the first is the runs' start
}

const open = async (m: Model) => BigInt((await t.ok(`query($id: ID!) { payoffQuote(orderId: $id) }`, { id: m.orderId }, customer.token)).payoffQuote);
const payable = (m: Model) => m.confirmed && !m.cancelled;
const share = (total: bigint, s: number) => {
  const v = (total * BigInt(s)) / 1000n;
  return v > 0n ? v : 1n;
};

async function webhook(reference: string, amount: bigint, eventId: string) {
  const { rawBody, headers } = signSandboxEvent(t.app.services.sandboxPaymentSecret, { reference, providerReference: null, status: 'SETTLED', amount, eventId });
  const res = await fetch(`${t.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { outcome: string }).outcome;
}

// ---- The commands ----

class ConfirmSpk implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => !m.confirmed && !m.cancelled;
  async run(m: Model) {
    await confirmSpkForTest(t, m.orderId);
    m.confirmed = true;
    await checkAll(m);
  }
  toString = () => 'confirmSpk';
}

class PayOnline implements fc.AsyncCommand<Model, Real> {
  constructor(readonly part: number, readonly deliveries: number, readonly concurrent: boolean, readonly payoff: boolean) {}
  check = (m: Readonly<Model>) => payable(m);
  async run(m: Model) {
    const left = await open(m);
    if (left === 0n) return;
    const amount = this.payoff ? left : share(left, this.part);
    const p = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id reference amount } }`, { i: { orderId: m.orderId, method: 'GATEWAY', ...(this.payoff ? { payoff: true } : { amount: amount.toString() }) } }, customer.token)).createPayment;
    const deliver = () => webhook(p.reference, BigInt(p.amount), `e-${p.reference}`);
    const outcomes = this.concurrent ? await Promise.all(Array.from({ length: this.deliveries }, deliver)) : await sequential(this.deliveries, deliver);
    expect(outcomes.filter((o) => o === 'settled')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'settled').every((o) => o === 'duplicate')).toBe(true);
    m.settled.push(p.id);
    m.settlements++;
    await checkAll(m);
  }
  toString = () => `payOnline(${this.payoff ? 'payoff' : `${this.part}‰`}, ${this.deliveries}x${this.concurrent ? ' at once' : ''})`;
}

async function sequential<T>(n: number, f: () => Promise<T>) {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f());
  return out;
}

/** A transfer is made now (with its proof) and settled by FINANCE later, when it may be more than what is open. */
class MakeTransfer implements fc.AsyncCommand<Model, Real> {
  constructor(readonly part: number) {}
  check = (m: Readonly<Model>) => payable(m);
  async run(m: Model) {
    const left = await open(m);
    if (left === 0n) return;
    const p = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id amount } }`, { i: { orderId: m.orderId, method: 'BANK_TRANSFER', amount: share(left, this.part).toString() } }, customer.token)).createPayment;
    const up = await fetch(`${t.url}/files/payments/${p.id}/proof`, { method: 'PUT', headers: { authorization: `Bearer ${customer.token}` }, body: new Uint8Array(PNG) });
    expect(up.status).toBe(201);
    m.transfers.push({ id: p.id, amount: BigInt(p.amount) });
    await checkAll(m);
  }
  toString = () => `makeTransfer(${this.part}‰)`;
}

class SettleTransfer implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.transfers.length > 0;
  async run(m: Model) {
    const [p] = m.transfers.splice(this.pick % m.transfers.length, 1);
    const left = payable(m) ? await open(m) : 0n;
    const res = await t.gql(`mutation($id: ID!) { settlePayment(id: $id) { id status } }`, { id: p!.id }, finance.token);
    if (p!.amount > left) {
      // More than is open (or the order was cancelled meanwhile): not applied, an OVERPAYMENT anomaly for FINANCE.
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OVERPAYMENT', open: left.toString() });
      expect(res.errors?.[0]?.message).not.toContain('—');
      m.overpayments++;
    } else {
      expect(res.errors).toBeUndefined();
      m.settled.push(p!.id);
      m.settlements++;
    }
    await checkAll(m);
  }
  toString = () => `settleTransfer(${this.pick})`;
}

class Refund implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.settled.length > 0;
  async run(m: Model) {
    const [id] = m.settled.splice(this.pick % m.settled.length, 1);
    await t.ok(`mutation($id: ID!) { refundPayment(id: $id, input: { reason: "uji model" }) { id } }`, { id }, finance.token);
    m.refunds++;
    await checkAll(m);
  }
  toString = () => `refund(${this.pick})`;
}

class Cancel implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => !m.cancelled;
  async run(m: Model) {
    const res = await t.gql(`mutation($id: ID!) { cancelOrder(id: $id, reason: "uji model") { status } }`, { id: m.orderId }, support.token);
    const [row] = await sql(`select status from orders where id = ?`, [m.orderId]);
    const money = (await sql(`select coalesce(sum(paid_amount + late_fee_paid), 0)::text as paid from installments where order_id = ?`, [m.orderId]))[0].paid;
    if (res.errors) {
      expect(res.errors[0]!.extensions?.code).toBe('CONFLICT');
      expect(row.status === 'ACTIVE' || row.status === 'COMPLETED' || money !== '0').toBe(true);
    } else {
      expect(row.status).toBe('CANCELLED');
      m.cancelled = true;
    }
    await checkAll(m);
  }
  toString = () => 'cancel';
}

class PassDays implements fc.AsyncCommand<Model, Real> {
  constructor(readonly n: number) {}
  check = () => true;
  async run(m: Model) {
    clock.advanceDays(this.n);
    await Promise.all([login(customer), login(finance), login(support)]);
    // The scheduler's daily pass for the new day.
    await billingPass(m, today());
    await checkAll(m);
  }
  toString = () => `passDays(${this.n})`;
}

class BillingPass implements fc.AsyncCommand<Model, Real> {
  constructor(readonly offset: number) {}
  check = () => true;
  async run(m: Model) {
    const date = DateTime.fromISO(today()).plus({ days: this.offset }).toISODate()!;
    if (this.offset > 0) {
      const before = await snapshot(m);
      const res = await t.gql(`mutation($d: LocalDate) { runBillingPass(date: $d) { date } }`, { d: date }, await t.adminToken());
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
      expect(await snapshot(m)).toEqual(before);
    } else {
      await billingPass(m, date);
    }
    await checkAll(m);
  }
  toString = () => `billingPass(${this.offset >= 0 ? '+' : ''}${this.offset})`;
}

const snapshot = async (m: Model) => ({
  installments: await sql(`select number, status, late_fee::text, paid_amount::text from installments where order_id = ? order by number`, [m.orderId]),
  notices: (await sql(`select count(*)::int as n from notifications`))[0].n,
});

/** Runs a pass for `date` and checks its overdue notices for this order: at most one, with the true days late. */
async function billingPass(m: Model, date: string) {
  const before = (await sql(`select count(*)::int as n from notifications where type = 'INSTALLMENT_OVERDUE' and data->>'orderNumber' = ?`, [m.number]))[0].n;
  await t.ok(`mutation($d: LocalDate) { runBillingPass(date: $d) { date } }`, { d: date }, await t.adminToken());
  m.passes++;
  const notices = await sql<{ data: { daysLate: number } }>(`select data from notifications where type = 'INSTALLMENT_OVERDUE' and data->>'orderNumber' = ? order by created_at desc`, [m.number]);
  expect(notices.length - before).toBeLessThanOrEqual(1);
  if (notices.length > before) {
    const [oldest] = await sql(`select to_char(due_date, 'YYYY-MM-DD') as due from installments where order_id = ? and status <> 'CANCELLED'
      and (paid_amount < amount or late_fee_paid < late_fee) and due_date < ?::date order by number limit 1`, [m.orderId, date]);
    expect(Number(notices[0]!.data.daysLate)).toBe(days(oldest.due, date));
  }
}

// ---- What must hold after every step ----

async function checkAll(m: Model) {
  const now = today();
  const { perOrder, brokenInstallments } = await moneyInvariants(t, m.orderId);
  expect(brokenInstallments).toBe(0);
  expect(perOrder[0]!.settled).toBe(perOrder[0]!.allocated);
  expect(perOrder[0]!.allocated).toBe(perOrder[0]!.installments_paid);

  const [order] = await sql(`select status from orders where id = ?`, [m.orderId]);
  const rows = await sql(`select number, status, to_char(due_date, 'YYYY-MM-DD') as due, amount::text, paid_amount::text as paid, late_fee::text as fee, late_fee_paid::text as fee_paid
    from installments where order_id = ? order by number`, [m.orderId]);
  const inst = rows.map((r: any) => ({ ...r, amount: BigInt(r.amount), paid: BigInt(r.paid), fee: BigInt(r.fee), feePaid: BigInt(r.fee_paid) }));
  const live = inst.filter((i) => i.status !== 'CANCELLED');
  const settled = (i: (typeof inst)[number]) => i.paid === i.amount && i.feePaid === i.fee;

  // The order's state, from its money.
  const expected = m.cancelled ? 'CANCELLED' : !m.confirmed ? 'AWAITING_SPK' : !settled(live[0]!) ? 'AWAITING_DOWN_PAYMENT' : live.every(settled) ? 'COMPLETED' : 'ACTIVE';
  expect(order.status).toBe(expected);

  for (const i of inst) {
    // Fees: never more than today justifies, on the whole amount (the contract's rule, written here on its own).
    const late = BigInt(Math.max(0, days(i.due, now) - m.policy.grace));
    const raw = m.policy.fixed ? m.policy.value * late : (i.amount * m.policy.value * late * 2n + 10_000n) / 20_000n;
    const ceiling = raw < m.policy.cap ? raw : m.policy.cap;
    expect(i.fee <= (ceiling > i.feePaid ? ceiling : i.feePaid)).toBe(true);
    // Statuses: what today and the money say.
    const status = m.cancelled ? (i.paid === 0n ? 'CANCELLED' : null) : settled(i) ? 'PAID' : !m.confirmed || i.due > now ? 'PENDING' : i.due === now ? 'DUE' : 'OVERDUE';
    if (status) expect(`${i.number}:${i.status}`).toBe(`${i.number}:${status}`);
  }

  // Notices, each once.
  const counts = await sql<{ type: string; n: number }>(`select type, count(*)::int as n from notifications where data->>'orderNumber' = ? and type in ('PAYMENT_SETTLED', 'PAYMENT_REFUNDED') group by type`, [m.number]);
  const count = (type: string) => counts.find((c) => c.type === type)?.n ?? 0;
  expect([count('PAYMENT_SETTLED'), count('PAYMENT_REFUNDED')]).toEqual([m.settlements, m.refunds]);
  const anomalies = (await sql(`select count(*)::int as n from payment_anomalies a join payments p on p.id = a.payment_id where p.order_id = ? and a.kind = 'OVERPAYMENT'`, [m.orderId]))[0].n;
  expect(anomalies).toBe(m.overpayments);
  // Overdue notices: at most one per order per pass, to the customer and to each staff recipient.
  const perRecipient = await sql(`select coalesce(max(n), 0)::int as n from (select count(*) as n from notifications where data->>'orderNumber' = ?
    and type in ('INSTALLMENT_OVERDUE', 'OVERDUE_ORDER_FOR_STAFF') group by recipient_id, type) x`, [m.number]);
  expect(perRecipient[0].n).toBeLessThanOrEqual(m.passes);
}

const commands = [
  fc.constant(new ConfirmSpk()),
  fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.boolean()).map(([p, d, c, o]) => new PayOnline(p, d, c, o)),
  fc.integer({ min: 1, max: 1000 }).map((p) => new MakeTransfer(p)),
  fc.nat().map((p) => new SettleTransfer(p)),
  fc.nat().map((p) => new Refund(p)),
  fc.constant(new Cancel()),
  fc.integer({ min: 1, max: 75 }).map((n) => new PassDays(n)),
  fc.integer({ min: -40, max: 400 }).map((n) => new BillingPass(n > 200 ? n - 200 : -Math.min(n, 40))),
];

describe('the money model', () => {
  it('holds after every step of random sequences', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PRODUCTS), fc.commands(commands, { maxCommands: Number(process.env.MODEL_STEPS ?? 6) }), async (product, cmds) => {
        clock.set(START);
        await Promise.all([login(customer), login(finance), login(support)]);
        const order = await checkoutOrder(t, customer, product.slug, product.tenor);
        const model: Model = { orderId: order.id, number: order.number, policy: product.policy, confirmed: false, cancelled: false, settled: [], transfers: [], settlements: 0, refunds: 0, overpayments: 0, passes: 0 };
        await fc.asyncModelRun(() => ({ model, real: { run: run++ } }), cmds);
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 200) },
    );
  }, 3_600_000);
});
