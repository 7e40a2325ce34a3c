import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSandboxEvent, signSandboxVaPayment } from '../../server/src/payments/gateways';
import { provisionVirtualAccounts } from '../../server/src/payments/virtual-accounts';
import { runBillingPass } from '../../server/src/billing/billing-pass';
import { todayJakarta } from '../../server/src/common/time';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder, confirmSpkForTest, moneyInvariants } from '../support/orders';

/**
 * The payment channels of issue 18 on a real database: the order's fixed virtual account (opened on
 * spk.confirmed, created at the gateway by the job, paid by callbacks) and QRIS within its limit.
 */

const ORDER = `query($id: ID!) { order(id: $id) { status virtualAccount { number bankCode status name lastError }
  installments { number amount paidAmount status } payments { id method status amount allocations { installmentNumber principal lateFee } } } }`;
const CREATE = `mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id reference amount status method redirectUrl qrString transferAmount uniqueCode } }`;

let t: TestApp;
let finance: TestUser;
beforeAll(async () => {
  t = await startTestApp({ env: { QRIS_MAX_AMOUNT: '1000000' } });
  finance = await t.createUser('FINANCE');
});
afterAll(() => t?.close());

const sql = async <T = Record<string, unknown>>(q: string, params: unknown[] = []) => (await t.app.orm.em.fork().getConnection().execute(q, params)) as T[];

async function ledgerHolds(orderId?: string) {
  const { perOrder, brokenInstallments } = await moneyInvariants(t, orderId);
  expect(brokenInstallments).toBe(0);
  for (const row of perOrder) {
    expect(row.settled).toBe(row.allocated);
    expect(row.allocated).toBe(row.installments_paid);
  }
}

/** An order whose SPK is confirmed, announced as the spk domain does, with its VA created by the job. */
async function confirmedOrderWithVa(customer: TestUser) {
  const order = await checkoutOrder(t, customer);
  await confirmSpkForTest(t, order.id);
  await t.app.orm.em.fork().transactional((tx) => t.app.services.events.emit(tx, 'spk.confirmed', { spkId: randomUUID(), orderId: order.id, customerId: customer.id }));
  await provisionVirtualAccounts(t.app.orm.em.fork(), { clock: t.app.services.clock, gateway: t.app.services.gateway });
  const va = (await t.ok(ORDER, { id: order.id }, customer.token)).order.virtualAccount;
  return { order, va: va as { number: string; bankCode: string; status: string } };
}

async function payVa(accountNumber: string, amount: bigint, paymentId = `vapay-${randomUUID()}`, secret = t.app.services.sandboxPaymentSecret) {
  const { rawBody, headers } = signSandboxVaPayment(secret, { paymentId, accountNumber, amount });
  const res = await fetch(`${t.url}/webhooks/payments/sandbox/virtual-account`, { method: 'POST', headers, body: new Uint8Array(rawBody) });
  return { status: res.status, outcome: ((await res.json()) as { outcome?: string }).outcome };
}

describe('a fixed virtual account per contract', () => {
  it('is asked for on spk.confirmed, created once by the job outside the transaction, and shown on the order', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c);
    expect((await t.ok(ORDER, { id: order.id }, c.token)).order.virtualAccount).toBeNull();
    await confirmSpkForTest(t, order.id);
    const emit = () => t.app.orm.em.fork().transactional((tx) => t.app.services.events.emit(tx, 'spk.confirmed', { spkId: randomUUID(), orderId: order.id, customerId: c.id }));
    await emit();
    expect((await t.ok(ORDER, { id: order.id }, c.token)).order.virtualAccount).toMatchObject({ status: 'PENDING', number: null, bankCode: 'BNI' });
    await emit();
    expect(await provisionVirtualAccounts(t.app.orm.em.fork(), { clock: t.app.services.clock, gateway: t.app.services.gateway })).toBeGreaterThanOrEqual(1);
    const va = (await t.ok(ORDER, { id: order.id }, c.token)).order.virtualAccount;
    expect(va).toMatchObject({ status: 'ACTIVE', bankCode: 'BNI', lastError: null });
    expect(va.number).toMatch(/^8808\d{12}$/);
    expect((await sql<{ n: number }>(`select count(*)::int as n from virtual_accounts where order_id = ?`, [order.id]))[0]!.n).toBe(1);
    // Another customer learns nothing of it.
    const other = await t.createUser('CUSTOMER');
    expect((await t.gql(ORDER, { id: order.id }, other.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('applies any amount by the allocation rule: partial, then the rest of the down payment and into the next installment', async () => {
    const c = await t.createUser('CUSTOMER');
    const { order, va } = await confirmedOrderWithVa(c);
    const dp = BigInt(order.installments[0]!.amount);
    expect((await payVa(va.number, 200_000n)).outcome).toBe('settled');
    let state = (await t.ok(ORDER, { id: order.id }, c.token)).order;
    expect(state.installments[0]).toMatchObject({ paidAmount: '200000', status: expect.not.stringMatching(/^PAID$/) });
    expect(state.payments).toEqual([expect.objectContaining({ method: 'VIRTUAL_ACCOUNT', status: 'SETTLED', amount: '200000' })]);
    await ledgerHolds(order.id);

    expect((await payVa(va.number, dp - 200_000n + 50_000n)).outcome).toBe('settled');
    state = (await t.ok(ORDER, { id: order.id }, c.token)).order;
    expect(state.status).toBe('ACTIVE');
    expect(state.installments[0]).toMatchObject({ paidAmount: dp.toString(), status: 'PAID' });
    expect(state.installments[1].paidAmount).toBe('50000');
    await ledgerHolds(order.id);
  });

  it('a duplicate callback, or the same one 20 times at once, applies the money once; different payments at once all apply', async () => {
    const c = await t.createUser('CUSTOMER');
    const { order, va } = await confirmedOrderWithVa(c);
    const id = `dup-${randomUUID()}`;
    expect((await payVa(va.number, 100_000n, id)).outcome).toBe('settled');
    expect((await payVa(va.number, 100_000n, id)).outcome).toBe('duplicate');
    const burstId = `burst-${randomUUID()}`;
    const burst = await Promise.all(Array.from({ length: 20 }, () => payVa(va.number, 50_000n, burstId)));
    expect(burst.every((r) => r.status === 200)).toBe(true);
    expect(burst.filter((r) => r.outcome === 'settled')).toHaveLength(1);
    const distinct = await Promise.all(Array.from({ length: 5 }, () => payVa(va.number, 10_000n)));
    expect(distinct.map((r) => r.outcome)).toEqual(Array(5).fill('settled'));
    const paid = (await t.ok(ORDER, { id: order.id }, c.token)).order.installments[0].paidAmount;
    expect(paid).toBe('200000');
    await ledgerHolds(order.id);
  });

  it('more than is open is an OVERPAYMENT anomaly applied to nothing; an unknown VA is an UNKNOWN_REFERENCE anomaly', async () => {
    const c = await t.createUser('CUSTOMER');
    const { order, va } = await confirmedOrderWithVa(c);
    const open = order.installments.reduce((s: bigint, i: { amount: string }) => s + BigInt(i.amount), 0n);
    expect((await payVa(va.number, open + 1n)).outcome).toBe('anomaly');
    const state = (await t.ok(ORDER, { id: order.id }, c.token)).order;
    expect(state.installments.every((i: { paidAmount: string }) => i.paidAmount === '0')).toBe(true);
    expect((await payVa('8808000000000000', 75_000n)).outcome).toBe('unknown');
    const anomalies = (await t.ok(`{ paymentAnomalies(perPage: 200) { items { kind reference received } } }`, {}, finance.token)).paymentAnomalies.items;
    expect(anomalies).toContainEqual({ kind: 'OVERPAYMENT', reference: expect.stringMatching(/^PAY-/), received: (open + 1n).toString() });
    expect(anomalies).toContainEqual({ kind: 'UNKNOWN_REFERENCE', reference: '8808000000000000', received: '75000' });
    await ledgerHolds();
  });

  it('a forged callback is 401, a zero or malformed amount 400, and neither writes anything', async () => {
    const c = await t.createUser('CUSTOMER');
    const { va } = await confirmedOrderWithVa(c);
    const before = (await sql<{ n: number }>(`select count(*)::int as n from webhook_events`))[0]!.n;
    expect((await payVa(va.number, 10_000n, 'forged', 'not-the-sandbox-secret-at-all')).status).toBe(401);
    expect((await payVa(va.number, 0n)).status).toBe(400);
    const { headers } = signSandboxVaPayment(t.app.services.sandboxPaymentSecret, { paymentId: 'x', accountNumber: va.number, amount: 1n });
    const bad = Buffer.from(JSON.stringify({ paymentId: 'x', accountNumber: va.number, amount: '12.5' }));
    const { createHmac } = await import('node:crypto');
    headers['x-sandbox-signature'] = createHmac('sha256', t.app.services.sandboxPaymentSecret).update(bad).digest('hex');
    expect((await fetch(`${t.url}/webhooks/payments/sandbox/virtual-account`, { method: 'POST', headers, body: new Uint8Array(bad) })).status).toBe(400);
    expect((await sql<{ n: number }>(`select count(*)::int as n from webhook_events`))[0]!.n).toBe(before);
  });

  it('the sandbox bank page pays into the VA like a real transfer', async () => {
    const c = await t.createUser('CUSTOMER');
    const { order, va } = await confirmedOrderWithVa(c);
    const page = await fetch(`${t.url}/payments/sandbox/va/${va.number}`);
    expect(await page.text()).toContain(va.number);
    const paid = await fetch(`${t.url}/payments/sandbox/va/${va.number}/pay`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'amount=123000' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toContain('hasil=dibayar');
    expect((await t.ok(ORDER, { id: order.id }, c.token)).order.installments[0].paidAmount).toBe('123000');
    await ledgerHolds(order.id);
  });
});

describe('the VA where the customer reads about money', () => {
  it('reminders and the payment receipt name the order\'s virtual account', async () => {
    const c = await t.createUser('CUSTOMER');
    const { order, va } = await confirmedOrderWithVa(c);
    expect((await payVa(va.number, BigInt(order.installments[0]!.amount))).outcome).toBe('settled');
    // Installment 1 falls due in a week (a reminder day), so today's billing pass reminds.
    const today = todayJakarta(t.app.services.clock);
    const inAWeek = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    await sql(`update installments set due_date = ? where order_id = ? and number = 1`, [inAWeek, order.id]);
    await runBillingPass(t.app.orm.em.fork(), { clock: t.app.services.clock, bus: t.app.services.notifications.bus, billing: t.app.services.billing, events: t.app.services.events });
    const bodies = async (type: string) => (await sql<{ body: string }>(`select body from notifications where recipient_id = ? and type = ?`, [c.id, type])).map((r) => r.body);
    expect((await bodies('INSTALLMENT_REMINDER')).some((b) => b.includes(`BNI ${va.number}`))).toBe(true);
    expect((await bodies('PAYMENT_SETTLED')).some((b) => b.includes(`BNI ${va.number}`))).toBe(true);
  });
});

describe('QRIS', () => {
  it('under the limit: a QR code through the gateway, paid and settled by the same webhook path', async () => {
    const c = await t.createUser('CUSTOMER');
    const { order } = await confirmedOrderWithVa(c);
    const p = (await t.ok(CREATE, { i: { orderId: order.id, method: 'QRIS' } }, c.token)).createPayment;
    expect(p).toMatchObject({ method: 'QRIS', status: 'PENDING', amount: order.installments[0]!.amount, uniqueCode: '0' });
    expect(p.qrString).toContain(p.reference);
    expect(p.redirectUrl).toBe(`${t.url}/payments/sandbox/${p.reference}`);
    const { rawBody, headers } = signSandboxEvent(t.app.services.sandboxPaymentSecret, { reference: p.reference, providerReference: null, status: 'SETTLED', amount: BigInt(p.amount), eventId: `qr-${p.reference}` });
    const res = await fetch(`${t.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) });
    expect(((await res.json()) as { outcome: string }).outcome).toBe('settled');
    expect((await t.ok(ORDER, { id: order.id }, c.token)).order.installments[0].status).toBe('PAID');
    await ledgerHolds(order.id);
  });

  it('over the limit: refused with the reason and the order\'s virtual account offered instead; nothing is created', async () => {
    const c = await t.createUser('CUSTOMER');
    const { order, va } = await confirmedOrderWithVa(c);
    const before = (await sql<{ n: number }>(`select count(*)::int as n from payments where order_id = ?`, [order.id]))[0]!.n;
    const res = await t.gql(CREATE, { i: { orderId: order.id, method: 'QRIS', payoff: true } }, c.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QRIS_LIMIT_EXCEEDED', field: 'method', max: '1000000', virtualAccount: va.number, bankCode: 'BNI' });
    expect(res.errors?.[0]?.message).toContain('Rp 1.000.000');
    expect(res.errors?.[0]?.message).toContain(va.number);
    expect((await sql<{ n: number }>(`select count(*)::int as n from payments where order_id = ?`, [order.id]))[0]!.n).toBe(before);
    // Exactly at the limit is still QRIS.
    expect((await t.ok(CREATE, { i: { orderId: order.id, method: 'QRIS', amount: '1000000' } }, c.token)).createPayment.method).toBe('QRIS');
  });

  it('a VIRTUAL_ACCOUNT payment cannot be created by hand', async () => {
    const c = await t.createUser('CUSTOMER');
    const { order } = await confirmedOrderWithVa(c);
    expect((await t.gql(CREATE, { i: { orderId: order.id, method: 'VIRTUAL_ACCOUNT' } }, c.token)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'method' });
  });
});
