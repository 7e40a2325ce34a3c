import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBillingPass } from '../../server/src/billing/billing-pass';
import { retryPendingServices } from '../../server/src/jobs/jobs';
import { signSandboxEvent } from '../../server/src/payments/gateways';
import { LocalDriver } from '../../server/src/hosting/drivers/local';
import type { ServiceSpec } from '../../server/src/hosting/drivers/driver';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { testDatabaseUrl } from '../support/databases';
import { TravelClock } from '../support/clock';
import { checkoutOrder, confirmSpkForTest, moneyInvariants } from '../support/orders';

/**
 * One test per money defect of issue 12, each written to fail on the code before the fix: the
 * regression net for the edges the model-based test (model.test.ts) also walks at random.
 */
const clock = new TravelClock('2026-01-15T02:00:00Z');
let t: TestApp;
let finance: TestUser;
let support: TestUser;
beforeAll(async () => {
  t = await startTestApp({ clock, env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
  finance = await t.createUser('FINANCE');
  support = await t.createUser('SUPPORT');
});
afterAll(() => t?.close());

/** Moves the clock and signs the users in again: tokens are signed with the travelling clock. */
async function travel(iso: string, ...users: TestUser[]) {
  clock.set(iso);
  for (const u of [finance, support, ...users]) {
    u.token = (await t.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: u.username, password: u.password } })).login.accessToken;
  }
}

/** On 15 Jan 2026, a new customer's 12-month VPS order with its SPK confirmed. */
async function confirmedOrder() {
  await travel('2026-01-15T02:00:00Z');
  const c = await t.createUser('CUSTOMER');
  const order = await checkoutOrder(t, c, 'vps-nvme-4', 12);
  await confirmSpkForTest(t, order.id);
  return { c, order };
}

const sql = <T = any>(text: string, params: unknown[] = []) => t.app.orm.em.fork().getConnection().execute<T[]>(text, params);
const pass = (date?: string) => runBillingPass(t.app.orm.em.fork(), { clock, bus: t.app.services.notifications.bus, billing: t.app.services.billing, events: t.app.services.events }, date);
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082', 'hex');

async function payGateway(c: TestUser, orderId: string, amount?: string) {
  const p = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id reference amount } }`, { i: { orderId, method: 'GATEWAY', ...(amount ? { amount } : {}) } }, c.token)).createPayment;
  const { rawBody, headers } = signSandboxEvent(t.app.services.sandboxPaymentSecret, { reference: p.reference, providerReference: null, status: 'SETTLED', amount: BigInt(p.amount), eventId: `e-${p.reference}` });
  const res = await fetch(`${t.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) });
  expect((await res.json()).outcome).toBe('settled');
  return p as { id: string; reference: string; amount: string };
}

async function transfer(c: TestUser, orderId: string, amount: string) {
  const p = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id amount } }`, { i: { orderId, method: 'BANK_TRANSFER', amount } }, c.token)).createPayment;
  const up = await fetch(`${t.url}/files/payments/${p.id}/proof`, { method: 'PUT', headers: { authorization: `Bearer ${c.token}` }, body: new Uint8Array(PNG) });
  expect(up.status).toBe(201);
  return p as { id: string; amount: string };
}

const installments = (orderId: string) =>
  sql<{ number: number; status: string; fee: string; paid: string }>(`select number, status, late_fee::text as fee, paid_amount::text as paid from installments where order_id = ? order by number`, [orderId]);

describe('1. a billing pass for a future date', () => {
  it('is refused, a preview for any date writes and sends nothing, and a pass cuts fees back to what today justifies', async () => {
    const { c, order } = await confirmedOrder();
    await payGateway(c, order.id);
    const admin = await t.adminToken();
    const notificationsBefore = (await sql(`select count(*)::int as n from notifications`))[0].n;

    const refused = await t.gql(`mutation { runBillingPass(date: "2027-01-15") { date } }`, {}, admin);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    expect((await installments(order.id)).every((i) => i.fee === '0' && (i.number === 0 || i.status === 'PENDING'))).toBe(true);

    // The preview for next year says what that pass would do, and leaves everything as it was.
    const preview = (await t.ok(`query { previewBillingPass(date: "2027-01-15") { date statusChanges feesChanged reminders staffNotices } }`, {}, admin)).previewBillingPass;
    expect(preview.date).toBe('2027-01-15');
    expect(preview.statusChanges).toBeGreaterThan(0);
    expect(preview.feesChanged).toBeGreaterThan(0);
    expect((await installments(order.id)).every((i) => i.fee === '0' && (i.number === 0 || i.status === 'PENDING'))).toBe(true);
    expect((await sql(`select count(*)::int as n from notifications`))[0].n).toBe(notificationsBefore);
    expect((await sql(`select count(*)::int as n from installment_reminders r join installments i on i.id = r.installment_id where i.order_id = ?`, [order.id]))[0].n).toBe(0);

    // A fee no date up to today justifies (left by the old future-dated pass) is cut back by the next pass.
    await sql(`update installments set status = 'OVERDUE', late_fee = 1305000 where order_id = ? and number = 3`, [order.id]);
    await pass();
    const third = (await installments(order.id)).find((i) => i.number === 3)!;
    expect(third).toMatchObject({ status: 'PENDING', fee: '0' });
  });
});

describe('2 and 4. refunds', () => {
  it('refunding the down payment takes the order and its services back to where the money says, with history and a notice', async () => {
    const { c, order } = await confirmedOrder();
    const dp = await payGateway(c, order.id);
    const items = (await t.ok(`query($id: ID!) { order(id: $id) { items { id } } }`, { id: order.id }, c.token)).order.items;
    const service = (await t.ok(`mutation($i: CreateServiceInput!) { createService(input: $i) { id status } }`, { i: { orderItemId: items[0].id, label: `dp-${order.number.slice(-6)}`, osTemplate: 'ubuntu-24.04' } }, c.token)).createService;
    expect(service.status).toBe('ACTIVE');

    await t.ok(`mutation($id: ID!) { refundPayment(id: $id, input: { reason: "salah transfer" }) { id } }`, { id: dp.id }, finance.token);
    const after = (await t.ok(`query($id: ID!) { order(id: $id) { status services { status suspensionCause } } }`, { id: order.id }, c.token)).order;
    expect(after.status).toBe('AWAITING_DOWN_PAYMENT');
    expect(after.services).toEqual([{ status: 'SUSPENDED', suspensionCause: 'NON_PAYMENT' }]);
    const second = await t.gql(`mutation($i: CreateServiceInput!) { createService(input: $i) { id } }`, { i: { orderItemId: items[0].id, label: `dq-${order.number.slice(-6)}`, osTemplate: 'ubuntu-24.04' } }, c.token);
    expect(second.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const history = await sql(`select action, data from audit_log where entity_type = 'Order' and entity_id = ?`, [order.id]);
    expect(history.map((h: { action: string }) => h.action)).toContain('order.money_status');
    const notices = await sql(`select type from notifications n where n.recipient_id = ? order by created_at`, [c.id]);
    expect(notices.map((n: { type: string }) => n.type)).toContain('PAYMENT_REFUNDED');

    // Paying the down payment again brings the order and the service back.
    await payGateway(c, order.id);
    const back = (await t.ok(`query($id: ID!) { order(id: $id) { status services { status } } }`, { id: order.id }, c.token)).order;
    expect(back).toEqual({ status: 'ACTIVE', services: [{ status: 'ACTIVE' }] });
    const inv = await moneyInvariants(t, order.id);
    expect(inv.brokenInstallments).toBe(0);
  });

  it('a refund sets each installment to what the date says at once (OVERDUE stays OVERDUE), by the pass rule', async () => {
    const { c, order } = await confirmedOrder();
    await payGateway(c, order.id);
    await travel('2026-03-20T02:00:00Z', c);
    await pass();
    const arrears = await payGateway(c, order.id); // installments 1 and 2 (15 Feb, 15 Mar), both late, with fees
    expect((await installments(order.id)).slice(1, 3).map((i) => i.status)).toEqual(['PAID', 'PAID']);
    await t.ok(`mutation($id: ID!) { refundPayment(id: $id, input: { reason: "uji" }) { id } }`, { id: arrears.id }, finance.token);
    const now = await installments(order.id);
    expect(now.slice(0, 4).map((i) => i.status)).toEqual(['PAID', 'OVERDUE', 'OVERDUE', 'PENDING']);
    const before = now.map((i) => i.status);
    await pass();
    expect((await installments(order.id)).map((i) => i.status)).toEqual(before);
  });
});

describe('3. the quote is the order', () => {
  it('over random prices, plans and quantities, the quote and the order agree line by line', async () => {
    await travel('2026-01-31T02:00:00Z');
    const admin = await t.adminToken();
    // Its own product and plan, so the random prices touch nothing the other tests buy.
    const product = (await t.ok(`mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`, { i: { category: 'VPS', name: 'VPS Kuota', slug: 'vps-kuota', specs: { cpu: '2 vCPU', ramGb: 2, storageGb: 40 }, cashPrice: '1000000' } }, admin)).createProduct;
    const planId = (await t.ok(`mutation($i: CreatePlanInput!) { createInstallmentPlan(input: $i) { id } }`, { i: { productId: product.id, name: 'Acak', tenorMonths: 6, downPaymentType: 'PERCENT', downPaymentValue: '1000' } }, admin)).createInstallmentPlan.id;
    const c = await t.createUser('CUSTOMER');
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          cashPrice: fc.integer({ min: 100_000, max: 90_000_000 }),
          setupFee: fc.integer({ min: 0, max: 2_000_000 }),
          tenorMonths: fc.integer({ min: 1, max: 36 }),
          percent: fc.boolean(),
          dpBps: fc.integer({ min: 0, max: 5_000 }),
          dpFixed: fc.integer({ min: 0, max: 99_999 }),
          marginBpsPerMonth: fc.integer({ min: 0, max: 300 }),
          adminFee: fc.integer({ min: 0, max: 500_000 }),
          quantity: fc.integer({ min: 1, max: 20 }),
        }),
        async (r) => {
          // A plan whose installments would be under Rp 1 is refused by the schedule's rule
          // (installmentTooSmall: financed amount below the tenor), so it can never become a quote or an
          // order; a fixed down payment within tenor rupiah of the price is such a plan.
          fc.pre(r.percent || r.cashPrice - r.dpFixed >= r.tenorMonths);
          await t.ok(`mutation($id: ID!, $i: UpdateProductInput!) { updateProduct(id: $id, input: $i) { id } }`, { id: product.id, i: { cashPrice: String(r.cashPrice), setupFee: String(r.setupFee) } }, admin);
          await t.ok(`mutation($id: ID!, $i: PlanTermsInput!) { updateInstallmentPlan(id: $id, input: $i) { id } }`, {
            id: planId,
            i: { tenorMonths: r.tenorMonths, downPaymentType: r.percent ? 'PERCENT' : 'FIXED', downPaymentValue: String(r.percent ? r.dpBps : r.dpFixed), marginBpsPerMonth: r.marginBpsPerMonth, adminFee: String(r.adminFee) },
          }, admin);
          const quote = (await t.ok(`query($p: ID!, $pl: ID!, $q: Int!) { installmentQuote(productId: $p, planId: $pl, quantity: $q) { totalPrice lines { number dueDate amount principal margin fees } } }`, { p: product.id, pl: planId, q: r.quantity }, c.token)).installmentQuote;
          await t.ok(`mutation($i: AddToCartInput!) { addToCart(input: $i) { id } }`, { i: { productId: product.id, planId, quantity: r.quantity } }, c.token);
          const [order] = (await t.ok(`mutation { checkout { id totalPrice installments { number dueDate amount principal margin fees } } }`, {}, c.token)).checkout;
          expect(order.totalPrice).toBe(quote.totalPrice);
          expect(order.installments).toEqual(quote.lines);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 15) },
    );
  }, 120_000);
});

describe('5. a transfer larger than what is open', () => {
  it('answers with the open amount filled in and records the OVERPAYMENT anomaly for FINANCE', async () => {
    const { c, order } = await confirmedOrder();
    const open = (await t.ok(`query($id: ID!) { payoffQuote(orderId: $id) }`, { id: order.id }, c.token)).payoffQuote as string;
    const first = await transfer(c, order.id, open);
    const second = await transfer(c, order.id, '1000000');
    await t.ok(`mutation($id: ID!) { settlePayment(id: $id) { id } }`, { id: second.id }, finance.token);
    const res = await t.gql(`mutation($id: ID!) { settlePayment(id: $id) { id status } }`, { id: first.id }, finance.token);
    const left = BigInt(open) - 1_000_000n;
    const formatted = `Rp ${left.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
    expect(res.errors?.[0]?.message).toContain(formatted);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OVERPAYMENT' });
    const anomalies = await sql(`select kind, expected::text, received::text from payment_anomalies where reference = (select reference from payments where id = ?)`, [first.id]);
    expect(anomalies).toEqual([{ kind: 'OVERPAYMENT', expected: left.toString(), received: open }]);
    // Clicking again records nothing twice.
    await t.gql(`mutation($id: ID!) { settlePayment(id: $id) { id } }`, { id: first.id }, finance.token);
    expect((await sql(`select count(*)::int as n from payment_anomalies where reference = (select reference from payments where id = ?)`, [first.id]))[0].n).toBe(1);
    const inv = await moneyInvariants(t, order.id);
    expect(inv.perOrder[0]!.settled).toBe(inv.perOrder[0]!.allocated);
  });
});

describe('6. overdue notices', () => {
  it('one notice per order per pass, saying the true days late of the oldest and the arrears', async () => {
    const { c, order } = await confirmedOrder();
    await payGateway(c, order.id);
    // 25 Apr: installments of 15 Feb (69 days late), 15 Mar and 15 Apr are overdue; no pass ran meanwhile.
    await travel('2026-04-25T02:00:00Z', c);
    const staffBefore = (await sql(`select count(*)::int as n from notifications where type = 'OVERDUE_ORDER_FOR_STAFF' and data->>'orderNumber' = ?`, [order.number]))[0].n;
    const r = await pass();
    const staff = await sql<{ recipient_id: string; data: { daysLate: number; arrearsAmount: string } }>(`select recipient_id, data from notifications where type = 'OVERDUE_ORDER_FOR_STAFF' and data->>'orderNumber' = ?`, [order.number]);
    const recipients = new Set(staff.map((s) => s.recipient_id));
    expect(staff.length - staffBefore).toBe(recipients.size); // one per recipient, not one per installment
    expect(staff.every((s) => Number(s.data.daysLate) === 69)).toBe(true);
    const customer = await sql<{ data: { daysLate: number; arrearsAmount: string } }>(`select data from notifications where type = 'INSTALLMENT_OVERDUE' and recipient_id = ?`, [c.id]);
    expect(customer).toHaveLength(1);
    expect(Number(customer[0]!.data.daysLate)).toBe(69);
    const summary = (await t.ok(`query($id: ID!) { order(id: $id) { summary { arrearsAmount overdueCount } } }`, { id: order.id }, support.token)).order.summary;
    expect(summary.overdueCount).toBe(3);
    expect(String(customer[0]!.data.arrearsAmount)).toBe(summary.arrearsAmount);
    // The same day again: nothing new.
    const again = await pass();
    expect([again.reminders, again.staffNotices]).toEqual([0, 0]);
  });
});

describe('7. cancelOrder', () => {
  // Row locks between two connections need a real PostgreSQL (the embedded one serves one connection).
  it.skipIf(!testDatabaseUrl)('waits for a payment settling on the same order and then refuses, so money never lands on a cancelled order', async () => {
    const { c, order } = await confirmedOrder();
    const locker = new pg.Client({ connectionString: t.databaseUrl! });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query(`select id from orders where id = $1 for update`, [order.id]);
      const cancel = t.gql(`mutation($id: ID!) { cancelOrder(id: $id, reason: "batal") { status } }`, { id: order.id }, support.token);
      // Wait until the cancel is blocked on the order's row lock (a condition, not a timer).
      for (;;) {
        const waiting = await sql(`select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation where not l.granted and c.relname = 'orders'`);
        const tuple = await sql(`select count(*)::int as n from pg_locks where not granted and locktype in ('transactionid', 'tuple')`);
        if (waiting[0].n + tuple[0].n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      // Meanwhile the down payment settles in the locking transaction.
      await locker.query(`update installments set paid_amount = amount, status = 'PAID' where order_id = $1 and number = 0`, [order.id]);
      await locker.query(`update orders set status = 'ACTIVE' where id = $1`, [order.id]);
      await locker.query('commit');
      const res = await cancel;
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentState: 'ACTIVE' });
      expect((await sql(`select status from orders where id = ?`, [order.id]))[0].status).toBe('ACTIVE');
      expect((await sql(`select count(*)::int as n from installments where order_id = ? and status = 'CANCELLED'`, [order.id]))[0].n).toBe(0);
    } finally {
      await locker.end();
    }
  });

  it('refuses to cancel an order that holds settled money (refund it first)', async () => {
    const { c, order } = await confirmedOrder();
    await payGateway(c, order.id, '100000');
    const res = await t.gql(`mutation($id: ID!) { cancelOrder(id: $id, reason: "batal") { status } }`, { id: order.id }, support.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_HAS_PAYMENTS' });
    expect((await sql(`select status from orders where id = ?`, [order.id]))[0].status).toBe('AWAITING_DOWN_PAYMENT');
  });
});

describe('8. driver retries', () => {
  it('two concurrent claimers call the driver once for a pending action', async () => {
    const { c, order } = await confirmedOrder();
    await payGateway(c, order.id);
    const items = (await t.ok(`query($id: ID!) { order(id: $id) { items { id } } }`, { id: order.id }, c.token)).order.items;
    const service = (await t.ok(`mutation($i: CreateServiceInput!) { createService(input: $i) { id } }`, { i: { orderItemId: items[0].id, label: `rt-${order.number.slice(-6)}`, osTemplate: 'ubuntu-24.04' } }, c.token)).createService;
    // A suspend is pending (as after a crash between the request and the driver call).
    await sql(`update services set pending_action = 'suspend', provisioning = 'PENDING', next_attempt_at = null where id = ?`, [service.id]);
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const local = new LocalDriver();
    const counting = Object.assign(Object.create(local) as LocalDriver, {
      async suspend(ref: string, spec: ServiceSpec) {
        // Other tests' services may be pending too: only this one is counted and held.
        if (spec.serviceId !== service.id) return local.suspend(ref);
        calls++;
        await gate;
        return local.suspend(ref);
      },
      async unsuspend(ref: string) {
        return local.unsuspend(ref);
      },
    });
    const app = { ...t.app.services, hosting: { ...t.app.services.hosting, driverByName: () => counting } };
    const first = retryPendingServices(app);
    for (;;) {
      if (calls > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await retryPendingServices(app); // the first holds the claim while the driver works
    release();
    await first;
    expect(calls).toBe(1);
    expect((await sql(`select provisioning, pending_action from services where id = ?`, [service.id]))[0]).toEqual({ provisioning: 'IN_SYNC', pending_action: null });
  });
});
