import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSandboxEvent } from '../../server/src/payments/gateways';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder, confirmSpkForTest, moneyInvariants } from '../support/orders';

const CREATE = `mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id reference amount status method redirectUrl proofUploadUrl } }`;
const ORDER = `query($id: ID!) { order(id: $id) { status summary { paidCount arrearsAmount outstandingAmount }
  installments { number amount paidAmount status } payments { id status amount allocations { installmentNumber principal lateFee } } } }`;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000'
  + '1f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082', 'hex');

let t: TestApp;
let finance: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  finance = await t.createUser('FINANCE');
});
afterAll(() => t?.close());

const count = async (table: string) => (await t.app.orm.em.fork().getConnection().execute(`select count(*)::int as n from ${table}`))[0].n as number;

async function webhook(event: { reference: string; status: 'SETTLED' | 'FAILED' | 'EXPIRED' | 'REFUNDED' | 'PENDING'; amount: bigint; eventId: string }, secret = t.app.services.sandboxPaymentSecret) {
  const { rawBody, headers } = signSandboxEvent(secret, { ...event, providerReference: null });
  const res = await fetch(`${t.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) });
  return { status: res.status, body: (await res.json()) as { outcome?: string } };
}

const uploadProof = (paymentId: string, bytes: Buffer, token: string) =>
  fetch(`${t.url}/files/payments/${paymentId}/proof`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });

describe('the SPK gate', () => {
  it('refuses payment before the SPK is confirmed: "SPK belum diconfirm admin"', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c);
    const res = await t.gql(CREATE, { i: { orderId: order.id, method: 'GATEWAY' } }, c.token);
    expect(res.errors?.[0]).toMatchObject({ message: 'SPK belum diconfirm admin', extensions: { code: 'SPK_NOT_CONFIRMED' } });
    expect(await count('payments')).toBe(0);
  });
});

describe('online payment through the sandbox gateway', () => {
  it('pays the down payment on the sandbox page; the same webhook path settles it and the order goes ACTIVE', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c);
    await confirmSpkForTest(t, order.id);
    const payment = (await t.ok(CREATE, { i: { orderId: order.id, method: 'GATEWAY' } }, c.token)).createPayment;
    expect(payment).toMatchObject({ status: 'PENDING', amount: order.installments[0]!.amount, method: 'GATEWAY' });
    expect(payment.redirectUrl).toBe(`${t.url}/payments/sandbox/${payment.reference}`);

    const page = await fetch(payment.redirectUrl);
    const html = await page.text();
    expect(html).toMatch(/SANDBOX/);
    expect(html).toContain('Rp 700.000');

    const paid = await fetch(`${payment.redirectUrl}/pay`, { method: 'POST', redirect: 'manual' });
    expect([302, 303]).toContain(paid.status);
    const after = (await t.ok(ORDER, { id: order.id }, c.token)).order;
    expect(after.status).toBe('ACTIVE');
    expect(after.installments[0]).toMatchObject({ number: 0, paidAmount: '700000', status: 'PAID' });
    expect(after.payments[0]).toMatchObject({ status: 'SETTLED', allocations: [{ installmentNumber: 0, principal: '700000', lateFee: '0' }] });
    expect(after.summary.paidCount).toBe(1);
  });

  it('settles exactly once when the same notification arrives twice, or 100 times at once', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c);
    await confirmSpkForTest(t, order.id);
    const payment = (await t.ok(CREATE, { i: { orderId: order.id, method: 'GATEWAY' } }, c.token)).createPayment;
    const event = { reference: payment.reference, status: 'SETTLED' as const, amount: BigInt(payment.amount), eventId: `evt-${payment.reference}` };
    expect((await webhook(event)).body.outcome).toBe('settled');
    expect((await webhook(event)).body.outcome).toBe('duplicate');

    const second = (await t.ok(CREATE, { i: { orderId: order.id, method: 'GATEWAY', amount: '300000' } }, c.token)).createPayment;
    const burst = await Promise.all(
      Array.from({ length: 100 }, () => webhook({ reference: second.reference, status: 'SETTLED', amount: 300_000n, eventId: `evt-${second.reference}` })),
    );
    expect(burst.every((r) => r.status === 200)).toBe(true);
    expect(burst.filter((r) => r.body.outcome === 'settled')).toHaveLength(1);
    const allocations = await t.app.orm.em.fork().getConnection().execute(`select count(*)::int as n from payment_allocations a join payments p on p.id = a.payment_id where p.reference = ?`, [second.reference]);
    expect(allocations[0].n).toBe(1);
    const { perOrder, brokenInstallments } = await moneyInvariants(t);
    expect(brokenInstallments).toBe(0);
    for (const row of perOrder) expect(row.settled).toBe(row.allocated);
  });

  it('a bad signature is HTTP 401 and writes nothing; a wrong amount is an anomaly applied to nothing', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c);
    await confirmSpkForTest(t, order.id);
    const payment = (await t.ok(CREATE, { i: { orderId: order.id, method: 'GATEWAY' } }, c.token)).createPayment;
    const events = await count('webhook_events');
    const forged = await webhook({ reference: payment.reference, status: 'SETTLED', amount: BigInt(payment.amount), eventId: 'forged' }, 'not-the-secret-at-all');
    expect(forged.status).toBe(401);
    expect(await count('webhook_events')).toBe(events);

    const short = await webhook({ reference: payment.reference, status: 'SETTLED', amount: 1_000n, eventId: `short-${payment.reference}` });
    expect(short.body.outcome).toBe('anomaly');
    const state = (await t.ok(ORDER, { id: order.id }, c.token)).order;
    expect(state.payments[0].status).toBe('PENDING');
    expect(state.installments[0].paidAmount).toBe('0');
    const anomalies = await t.ok(`{ paymentAnomalies { items { kind reference expected received } } }`, {}, finance.token);
    expect(anomalies.paymentAnomalies.items).toContainEqual({ kind: 'AMOUNT_MISMATCH', reference: payment.reference, expected: payment.amount, received: '1000' });

    // FINANCE records what was done with the money; once, by FINANCE only, with a reason.
    const LIST = `query($u: Boolean!) { paymentAnomalies(unresolved: $u, perPage: 200) { items { id reference resolution resolvedAt } } }`;
    const anomaly = (await t.ok(LIST, { u: true }, finance.token)).paymentAnomalies.items.find((a: { reference: string }) => a.reference === payment.reference);
    const RESOLVE = `mutation($id: ID!, $i: ResolutionInput!) { resolvePaymentAnomaly(id: $id, input: $i) { id resolution resolvedAt } }`;
    const support = await t.createUser('SUPPORT');
    expect((await t.gql(RESOLVE, { id: anomaly.id, i: { resolution: 'Dikembalikan' } }, support.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(RESOLVE, { id: anomaly.id, i: { resolution: '   ' } }, finance.token)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'resolution' });
    const resolved = (await t.ok(RESOLVE, { id: anomaly.id, i: { resolution: ' Rp 1.000 dikembalikan lewat gateway ' } }, finance.token)).resolvePaymentAnomaly;
    expect(resolved).toMatchObject({ id: anomaly.id, resolution: 'Rp 1.000 dikembalikan lewat gateway' });
    expect(resolved.resolvedAt).toBeTruthy();
    expect((await t.gql(RESOLVE, { id: anomaly.id, i: { resolution: 'lagi' } }, finance.token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await t.ok(LIST, { u: true }, finance.token)).paymentAnomalies.items.map((a: { id: string }) => a.id)).not.toContain(anomaly.id);
    expect((await t.ok(LIST, { u: false }, finance.token)).paymentAnomalies.items).toContainEqual({ ...anomaly, resolution: 'Rp 1.000 dikembalikan lewat gateway', resolvedAt: resolved.resolvedAt });
  });

  it('an expired notification expires the payment; a later settlement is an anomaly, not money applied', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c);
    await confirmSpkForTest(t, order.id);
    const payment = (await t.ok(CREATE, { i: { orderId: order.id, method: 'GATEWAY' } }, c.token)).createPayment;
    const amount = BigInt(payment.amount);
    expect((await webhook({ reference: payment.reference, status: 'EXPIRED', amount, eventId: `exp-${payment.reference}` })).body.outcome).toBe('expired');
    expect((await webhook({ reference: payment.reference, status: 'SETTLED', amount, eventId: `late-${payment.reference}` })).body.outcome).toBe('anomaly');
    expect((await t.ok(ORDER, { id: order.id }, c.token)).order.installments[0].paidAmount).toBe('0');
  });
});

describe('manual bank transfer', () => {
  it('customer uploads a proof, FINANCE settles it; the installment and history show it', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c);
    await confirmSpkForTest(t, order.id);
    const payment = (await t.ok(CREATE, { i: { orderId: order.id, method: 'BANK_TRANSFER', amount: '700000', idempotencyKey: `dp-${order.id}` } }, c.token)).createPayment;
    const again = (await t.ok(CREATE, { i: { orderId: order.id, method: 'BANK_TRANSFER', amount: '700000', idempotencyKey: `dp-${order.id}` } }, c.token)).createPayment;
    expect(again.id).toBe(payment.id);
    expect(payment.proofUploadUrl).toBe(`/files/payments/${payment.id}/proof`);

    // FINANCE cannot settle before a proof exists.
    expect((await t.gql(`mutation($id: ID!) { settlePayment(id: $id) { id } }`, { id: payment.id }, finance.token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const disguised = await uploadProof(payment.id, Buffer.from('%!PS not really a pdf, just text renamed .pdf'), c.token);
    expect(disguised.status).toBe(400);
    expect((await disguised.json()).error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'proof', reason: 'TYPE_NOT_ALLOWED' });
    const huge = await uploadProof(payment.id, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), c.token);
    expect(huge.status).toBe(413);
    expect(await count('stored_files')).toBe(0);

    const stranger = await t.createUser('CUSTOMER');
    expect((await uploadProof(payment.id, PNG, stranger.token)).status).toBe(404);
    const up = await uploadProof(payment.id, PNG, c.token);
    expect(up.status).toBe(201);
    expect(await up.json()).toMatchObject({ contentType: 'image/png', size: PNG.length });

    const queue = await t.ok(`{ payments(filter: { awaitingVerification: true }) { items { id proofUrl } } }`, {}, finance.token);
    expect(queue.payments.items).toContainEqual({ id: payment.id, proofUrl: `/files/payments/${payment.id}/proof` });
    const proof = await fetch(`${t.url}/files/payments/${payment.id}/proof`, { headers: { authorization: `Bearer ${finance.token}` } });
    expect(proof.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await proof.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(`${t.url}/files/payments/${payment.id}/proof`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);

    expect((await t.gql(`mutation($id: ID!) { settlePayment(id: $id) { id } }`, { id: payment.id }, c.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const settled = (await t.ok(`mutation($id: ID!) { settlePayment(id: $id) { status verifiedAt } }`, { id: payment.id }, finance.token)).settlePayment;
    expect(settled.status).toBe('SETTLED');
    expect((await t.gql(`mutation($id: ID!) { settlePayment(id: $id) { id } }`, { id: payment.id }, finance.token)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentState: 'SETTLED' });
    expect((await t.ok(ORDER, { id: order.id }, c.token)).order.status).toBe('ACTIVE');
  });

  it('a partial payment pays the oldest installment first; FINANCE can reject with a reason', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c, 'vps-nvme-4', 6);
    await confirmSpkForTest(t, order.id);
    const pay = async (amount: string) => {
      const p = (await t.ok(CREATE, { i: { orderId: order.id, method: 'BANK_TRANSFER', amount } }, c.token)).createPayment;
      expect((await uploadProof(p.id, PNG, c.token)).status).toBe(201);
      return p;
    };
    const first = await pay('1000000'); // installment 0 is 1.250.000 (20 % + fee)
    await t.ok(`mutation($id: ID!) { settlePayment(id: $id) { id } }`, { id: first.id }, finance.token);
    let state = (await t.ok(ORDER, { id: order.id }, c.token)).order;
    // Partly paid on its due date (the start date): DUE, as the billing pass would say.
    expect(state.installments[0]).toMatchObject({ paidAmount: '1000000', status: 'DUE' });
    expect(state.status).toBe('AWAITING_DOWN_PAYMENT');

    const rejected = await pay('250000');
    const r = await t.ok(`mutation($id: ID!, $i: ReasonInput!) { rejectPayment(id: $id, input: $i) { status rejectionReason } }`, { id: rejected.id, i: { reason: 'Nominal di mutasi bank tidak cocok' } }, finance.token);
    expect(r.rejectPayment).toEqual({ status: 'REJECTED', rejectionReason: 'Nominal di mutasi bank tidak cocok' });

    const rest = await pay('1100000');
    await t.ok(`mutation($id: ID!) { settlePayment(id: $id) { id } }`, { id: rest.id }, finance.token);
    state = (await t.ok(ORDER, { id: order.id }, c.token)).order;
    expect(state.status).toBe('ACTIVE');
    expect(state.installments[0]).toMatchObject({ paidAmount: '1250000', status: 'PAID' });
    // 850.000 left after installment 0: installment 1 (848.000) is paid, 2.000 goes to installment 2.
    expect(state.installments[1]).toMatchObject({ amount: '848000', paidAmount: '848000', status: 'PAID' });
    expect(state.installments[2]).toMatchObject({ paidAmount: '2000', status: 'PENDING' });
  });
});

describe('bad input changes nothing', () => {
  it('zero, negative and too-large amounts; another customer’s order; a closed order', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c);
    await confirmSpkForTest(t, order.id);
    const before = await count('payments');
    for (const amount of ['0', '-5000']) {
      const res = await t.gql(CREATE, { i: { orderId: order.id, method: 'BANK_TRANSFER', amount } }, c.token);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
    }
    const tooMuch = await t.gql(CREATE, { i: { orderId: order.id, method: 'BANK_TRANSFER', amount: '999999999999' } }, c.token);
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
    const other = await t.createUser('CUSTOMER');
    expect((await t.gql(CREATE, { i: { orderId: order.id, method: 'GATEWAY' } }, other.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await count('payments')).toBe(before);
  });
});

describe('early payoff and refunds', () => {
  it('pays everything remaining in one payment, completing the order; a refund reopens the installments', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c, 'colocation-1u', 6);
    await confirmSpkForTest(t, order.id);
    const quote = (await t.ok(`query($id: ID!) { payoffQuote(orderId: $id) }`, { id: order.id }, c.token)).payoffQuote;
    expect(quote).toBe(order.totalPrice);
    const payment = (await t.ok(CREATE, { i: { orderId: order.id, method: 'GATEWAY', payoff: true } }, c.token)).createPayment;
    expect(payment.amount).toBe(order.totalPrice);
    await webhook({ reference: payment.reference, status: 'SETTLED', amount: BigInt(payment.amount), eventId: `payoff-${payment.reference}` });
    let state = (await t.ok(ORDER, { id: order.id }, c.token)).order;
    expect(state.status).toBe('COMPLETED');
    expect(state.installments.every((i: { status: string }) => i.status === 'PAID')).toBe(true);
    expect(state.summary.outstandingAmount).toBe('0');
    expect((await t.gql(CREATE, { i: { orderId: order.id, method: 'GATEWAY' } }, c.token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const refunded = await t.ok(`mutation($id: ID!, $i: ReasonInput!) { refundPayment(id: $id, input: $i) { status } }`, { id: payment.id, i: { reason: 'Pembatalan layanan' } }, finance.token);
    expect(refunded.refundPayment.status).toBe('REFUNDED');
    state = (await t.ok(ORDER, { id: order.id }, c.token)).order;
    expect(state.installments.every((i: { paidAmount: string }) => i.paidAmount === '0')).toBe(true);
    // The refund took the down payment back too: the order awaits it again (and may not run services).
    expect(state.status).toBe('AWAITING_DOWN_PAYMENT');
    const { perOrder, brokenInstallments } = await moneyInvariants(t);
    expect(brokenInstallments).toBe(0);
    for (const row of perOrder) expect([row.settled, row.allocated]).toEqual([row.installments_paid, row.installments_paid]);
  });
});

describe('CSV exports', () => {
  it('staff download orders and payments as CSV; customers cannot', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c);
    const csv = await fetch(`${t.url}/exports/orders.csv`, { headers: { authorization: `Bearer ${finance.token}` } });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^number,status,customer_name/);
    const row = lines.find((l) => l.startsWith(order.number))!;
    expect(row.split(',')).toContain(order.totalPrice);
    const payments = await fetch(`${t.url}/exports/payments.csv`, { headers: { authorization: `Bearer ${finance.token}` } });
    expect((await payments.text()).split('\r\n').length).toBeGreaterThan(2);
    expect((await fetch(`${t.url}/exports/orders.csv`, { headers: { authorization: `Bearer ${c.token}` } })).status).toBe(403);
    expect((await fetch(`${t.url}/exports/orders.csv?from=yesterday`, { headers: { authorization: `Bearer ${finance.token}` } })).status).toBe(400);
  });
});
