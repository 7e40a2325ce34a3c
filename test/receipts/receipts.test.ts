import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSandboxEvent } from '../../server/src/payments/gateways';
import { renderDueReceipts } from '../../server/src/receipts/receipts';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder, confirmSpkForTest } from '../support/orders';
import { checkSignatures, pageTexts } from '../support/pdf-reader';

let t: TestApp;
let finance: TestUser;
beforeAll(async () => {
  // A quota of 3 warned at 2 left: the first stamped receipt crosses it.
  t = await startTestApp({ env: { STAMP_QUOTA: '3', STAMP_QUOTA_LOW: '2', STAMP_DUTY_BORNE_BY: 'COMPANY' } });
  finance = await t.createUser('FINANCE');
});
afterAll(() => t?.close());

const conn = () => t.app.orm.em.fork().getConnection();
const services = () => t.app.services;
const runJob = () => renderDueReceipts(services().orm.em.fork(), { clock: services().clock, config: services().config, events: services().events, stampDuty: services().spk.stampDuty, signingIdentity: services().spk.signingIdentity });

/** Creates a GATEWAY payment of `amount` and settles it through the sandbox's signed webhook (`times` deliveries). */
async function settle(customer: TestUser, orderId: string, amount: string, times = 1) {
  const p = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id reference amount } }`, { i: { orderId, method: 'GATEWAY', amount } }, customer.token)).createPayment;
  const event = { reference: p.reference, providerReference: null, status: 'SETTLED' as const, amount: BigInt(p.amount), eventId: `e-${p.reference}` };
  const outcomes: string[] = [];
  for (let i = 0; i < times; i++) {
    const { rawBody, headers } = signSandboxEvent(t.app.services.sandboxPaymentSecret, event);
    outcomes.push((await (await fetch(`${t.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) })).json()).outcome);
  }
  return { payment: p as { id: string; reference: string; amount: string }, outcomes };
}

async function orderFor(customer: TestUser) {
  const order = await checkoutOrder(t, customer, 'cloud-server-pro-8', 12);
  await confirmSpkForTest(t, order.id);
  return order;
}

const download = (paymentId: string, token?: string) => fetch(`${t.url}/receipts/${paymentId}.pdf`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('kwitansi for every settled payment', () => {
  it('Rp 6.000.000: a numbered receipt with the e-Meterai, a ledger row, the amount in words, and ADMIN warned of the quota', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await orderFor(c);
    const { payment, outcomes } = await settle(c, order.id, '6000000', 2);
    // The same webhook twice: settled once, one receipt.
    expect(outcomes).toEqual(['settled', 'duplicate']);
    const rows = await conn().execute(`select number, status, stamp_required, amount::text from receipts where payment_id = ?`, [payment.id]);
    expect(rows).toEqual([{ number: expect.stringMatching(/^KW\/\d{4}\/\d+$/), status: 'PENDING', stamp_required: true, amount: '6000000' }]);
    // Before the job has made it, the download says so.
    expect((await download(payment.id, c.token)).status).toBe(409);

    expect(await runJob()).toBeGreaterThanOrEqual(1);
    const [receipt] = await conn().execute(`select id, number, status, stamp_serial from receipts where payment_id = ?`, [payment.id]);
    expect(receipt.status).toBe('READY');
    expect(receipt.stamp_serial).toMatch(/^[A-Z0-9]{22}$/);

    const res = await download(payment.id, c.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    // Signed by the company with the SPK's certificate, over the whole (stamped) document.
    expect(await checkSignatures(bytes)).toMatchObject([{ valid: true, wholeDocument: true }]);
    const text = (await pageTexts(bytes)).join('\f');
    expect(text).toContain(receipt.stamp_serial);
    expect(text).toContain(receipt.number);
    expect(text).toContain('Rp 6.000.000');
    expect(text).toMatch(/Enam juta rupiah/i);
    expect(text).toContain(order.number);
    expect(text).toContain('PPN');
    expect(text).toContain(services().config.COMPANY_REPRESENTATIVE_NAME);

    const ledger = await conn().execute(`select serial, document_kind, document_number, amount::text, borne_by, ordinal from stamp_duty_ledger where document_id = ?`, [receipt.id]);
    expect(ledger).toEqual([{ serial: receipt.stamp_serial, document_kind: 'RECEIPT', document_number: receipt.number, amount: '10000', borne_by: 'COMPANY', ordinal: expect.any(Number) }]);
    // Quota 3, warned at 2 left: the first stamp of this database leaves 2.
    expect(ledger[0].ordinal).toBe(1);
    const warned = await conn().execute(`select n.data from notifications n join users u on u.id = n.recipient_id where n.type = 'STAMP_QUOTA_LOW' and u.role = 'ADMIN'`);
    expect(warned.length).toBeGreaterThanOrEqual(1);
    expect(warned[0].data).toMatchObject({ remaining: 2, quota: 3 });

    // Staff download any receipt (the payment says where); running the job again makes nothing new.
    const { receiptUrl } = (await t.ok(`query($id: ID!) { payment(id: $id) { receiptUrl } }`, { id: payment.id }, finance.token)).payment;
    expect(receiptUrl).toBe(`/receipts/${payment.id}.pdf`);
    expect((await fetch(`${t.url}${receiptUrl}`, { headers: { authorization: `Bearer ${finance.token}` } })).status).toBe(200);
    await runJob();
    expect((await conn().execute(`select count(*)::int as n from stamp_duty_ledger where document_id = ?`, [receipt.id]))[0].n).toBe(1);
  }, 120_000);

  it('Rp 1.000.000: a receipt without an e-Meterai and no ledger row', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await orderFor(c);
    const { payment } = await settle(c, order.id, '1000000');
    await runJob();
    const [receipt] = await conn().execute(`select id, status, stamp_required, stamp_serial from receipts where payment_id = ?`, [payment.id]);
    expect(receipt).toMatchObject({ status: 'READY', stamp_required: false, stamp_serial: null });
    expect((await conn().execute(`select count(*)::int as n from stamp_duty_ledger where document_id = ?`, [receipt.id]))[0].n).toBe(0);
    const text = (await pageTexts(new Uint8Array(await (await download(payment.id, c.token)).arrayBuffer()))).join('\f');
    expect(text).toContain('Rp 1.000.000');
    expect(text).toMatch(/Satu juta rupiah/i);
    expect(text).not.toContain('e-Meterai');
  }, 120_000);

  it('the threshold is "above Rp 5.000.000": exactly Rp 5.000.000 has no e-Meterai, one rupiah more has', async () => {
    const required = async (amount: string) => {
      const c = await t.createUser('CUSTOMER');
      const { payment } = await settle(c, (await orderFor(c)).id, amount);
      return (await conn().execute(`select stamp_required from receipts where payment_id = ?`, [payment.id]))[0].stamp_required;
    };
    expect(await required('5000000')).toBe(false);
    expect(await required('5000001')).toBe(true);
  }, 120_000);

  it('a customer cannot fetch another customer’s receipt (NOT_FOUND), nor anyone without signing in', async () => {
    const owner = await t.createUser('CUSTOMER');
    const other = await t.createUser('CUSTOMER');
    const order = await orderFor(owner);
    const { payment } = await settle(owner, order.id, '1000000');
    await runJob();
    expect((await download(payment.id, owner.token)).status).toBe(200);
    const theirs = await download(payment.id, other.token);
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    // Not a receipt at all answers the same.
    expect((await download('00000000-0000-4000-8000-000000000000', other.token)).status).toBe(404);
    expect((await download(payment.id)).status).toBe(401);
  }, 120_000);

  it('numbers stay gap-free when payments settle at the same time', async () => {
    const customers = await Promise.all(Array.from({ length: 6 }, () => t.createUser('CUSTOMER')));
    const orders: { id: string }[] = [];
    for (const c of customers) orders.push(await orderFor(c));
    await Promise.all(customers.map((c, i) => settle(c, orders[i]!.id, '1000000')));
    const numbers = (await conn().execute<{ number: string }[]>(`select number from receipts`)).map((r) => Number(r.number.split('/')[2]));
    numbers.sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    const settled = (await conn().execute(`select count(*)::int as n from payments where status = 'SETTLED'`))[0].n;
    expect(numbers.length).toBe(settled);
  }, 180_000);
});
