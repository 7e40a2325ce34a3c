import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJakarta } from '../../server/src/common/time';
import { signSandboxEvent } from '../../server/src/payments/gateways';
import { renderDueReceipts } from '../../server/src/receipts/receipts';
import { vatOf, type VatTerms } from '../../server/src/tax/vat';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder, confirmSpkForTest, moneyInvariants, payOffThroughSandbox } from '../support/orders';
import { pageTexts } from '../support/pdf-reader';
import { adminSignedSpk } from '../support/spk';

let t: TestApp;
let finance: TestUser;
let adminToken: string;
beforeAll(async () => {
  // The customer bears the e-Meterai; 2 bought before purchases were recorded, warned at 1 left.
  t = await startTestApp({ env: { STAMP_DUTY_BORNE_BY: 'CUSTOMER', STAMP_QUOTA: '2', STAMP_QUOTA_LOW: '1' } });
  finance = await t.createUser('FINANCE');
  adminToken = await t.adminToken();
});
afterAll(() => t?.close());

const conn = () => t.app.orm.em.fork().getConnection();
const services = () => t.app.services;
const runJob = () => renderDueReceipts(services().orm.em.fork(), { clock: services().clock, config: services().config, events: services().events, stampDuty: services().spk.stampDuty, signingIdentity: services().spk.signingIdentity });

async function settle(customer: TestUser, orderId: string, amount: string) {
  const p = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id reference amount } }`, { i: { orderId, method: 'GATEWAY', amount } }, customer.token)).createPayment;
  const { rawBody, headers } = signSandboxEvent(services().sandboxPaymentSecret, { reference: p.reference, providerReference: null, status: 'SETTLED', amount: BigInt(p.amount), eventId: `e-${p.reference}` });
  expect((await (await fetch(`${t.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) })).json()).outcome).toBe('settled');
  return p as { id: string };
}

/** The `stampDuty.used` event as the SPK or receipt emits it, in a transaction of its own. */
async function stampUsed(payload: { documentKind: 'SPK' | 'RECEIPT'; documentId: string; serial: string; orderId: string; customerId: string }) {
  await services().orm.em.fork().transactional((tx) =>
    services().events.emit(tx, 'stampDuty.used', { ...payload, documentNumber: `DOC-${payload.documentId.slice(0, 8)}`, provider: 'sandbox', amount: 10_000n }),
  );
}

const lines = async (orderId: string) =>
  conn().execute<{ number: number; amount: string; stamp_duty: string; paid_amount: string; status: string; due_date: string }[]>(
    `select number, amount::text, stamp_duty::text, paid_amount::text, status, to_char(due_date, 'YYYY-MM-DD') as due_date from installments where order_id = ? order by number`, [orderId]);
const sumOf = (xs: string[]) => xs.reduce((s, x) => s + BigInt(x), 0n);
const total = async (orderId: string) => BigInt((await conn().execute(`select total_price::text as t from orders where id = ?`, [orderId]))[0].t);

async function orderFor(customer: TestUser) {
  const order = await checkoutOrder(t, customer, 'cloud-server-pro-8', 12);
  await confirmSpkForTest(t, order.id);
  return order;
}

describe('customer-borne e-Meterai (STAMP_DUTY_BORNE_BY=CUSTOMER)', () => {
  it('an SPK stamp becomes a stamp-duty line on the down payment, once however often the event fires', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await orderFor(c);
    const before = await lines(order.id);
    const totalBefore = await total(order.id);
    const event = { documentKind: 'SPK' as const, documentId: randomUUID(), serial: `SPK${Date.now()}`, orderId: order.id, customerId: c.id };
    await stampUsed(event);
    await stampUsed(event);
    await Promise.all([stampUsed(event), stampUsed(event)]).catch(() => undefined); // at once: one wins, the other finds it or rolls back

    const after = await lines(order.id);
    expect(after[0]).toMatchObject({ number: 0, stamp_duty: '10000', amount: (BigInt(before[0]!.amount) + 10_000n).toString() });
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(await total(order.id)).toBe(totalBefore + 10_000n);
    const ledger = await conn().execute(`select borne_by, charged_installment_number, charged_order_id from stamp_duty_ledger where document_id = ?`, [event.documentId]);
    expect(ledger).toEqual([{ borne_by: 'CUSTOMER', charged_installment_number: 0, charged_order_id: order.id }]);

    // The schedule and the first payment show it on its own; the down payment itself is unchanged.
    const shown = (await t.ok(`query($id: ID!) { order(id: $id) { installments { number stampDuty amount } firstPayment { downPayment setupFee adminFee stampDuty total } } }`, { id: order.id }, c.token)).order;
    expect(shown.installments[0]).toMatchObject({ number: 0, stampDuty: '10000' });
    const fp = shown.firstPayment;
    expect(fp.stampDuty).toBe('10000');
    expect(BigInt(fp.downPayment) + BigInt(fp.setupFee) + BigInt(fp.adminFee) + BigInt(fp.stampDuty)).toBe(BigInt(fp.total));
    expect(BigInt(fp.downPayment)).toBe(BigInt(before[0]!.amount) - BigInt(fp.setupFee) - BigInt(fp.adminFee));
  }, 60_000);

  it('a receipt’s stamp goes on the next open installment; the last payment’s goes to the company; receipt, statement and invariants agree', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await orderFor(c);
    const first = await settle(c, order.id, '6000000');
    const paidLines = await lines(order.id);
    const today = todayJakarta(services().clock);
    const next = paidLines.find((l) => BigInt(l.paid_amount) < BigInt(l.amount) && l.due_date >= today)!;
    const totalBefore = await total(order.id);

    await runJob();
    const [receipt] = await conn().execute(`select r.id, r.stamp_serial from receipts r where r.payment_id = ?`, [first.id]);
    expect(receipt.stamp_serial).toBeTruthy();
    const charged = await lines(order.id);
    const line = charged.find((l) => l.number === next.number)!;
    expect(line).toMatchObject({ stamp_duty: '10000', amount: (BigInt(next.amount) + 10_000n).toString() });
    expect(charged.filter((l) => l.number !== next.number)).toEqual(paidLines.filter((l) => l.number !== next.number));
    expect(await total(order.id)).toBe(totalBefore + 10_000n);

    // The same event again (a retried job or handler) charges nothing more.
    await stampUsed({ documentKind: 'RECEIPT', documentId: receipt.id, serial: receipt.stamp_serial, orderId: order.id, customerId: c.id });
    expect((await lines(order.id)).find((l) => l.number === next.number)!.stamp_duty).toBe('10000');
    expect(await total(order.id)).toBe(totalBefore + 10_000n);

    // Paying everything off pays the stamp duty too: its receipt itemises it. That receipt is above the
    // threshold and stamped as well, but no open installment is left: the company bears that one.
    await payOffThroughSandbox(t, c, order.id);
    await runJob();
    const [last] = await conn().execute(`select r.id, r.stamp_serial, p.id as payment_id from receipts r join payments p on p.id = r.payment_id where p.order_id = ? and p.id <> ?`, [order.id, first.id]);
    expect(last.stamp_serial).toBeTruthy();
    const ledger = await conn().execute(`select document_id, borne_by, charged_installment_number from stamp_duty_ledger where document_id in (?, ?) order by ordinal`, [receipt.id, last.id]);
    expect(ledger).toEqual([
      { document_id: receipt.id, borne_by: 'CUSTOMER', charged_installment_number: next.number },
      { document_id: last.id, borne_by: 'COMPANY', charged_installment_number: null },
    ]);
    expect((await conn().execute(`select status from orders where id = ?`, [order.id]))[0].status).toBe('COMPLETED');
    expect(await total(order.id)).toBe(totalBefore + 10_000n);

    const pdf = new Uint8Array(await (await fetch(`${t.url}/receipts/${last.payment_id}.pdf`, { headers: { authorization: `Bearer ${c.token}` } })).arrayBuffer());
    const text = (await pageTexts(pdf)).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(`Bea meterai angsuran ke-${next.number} / installment ${next.number} / stamp duty Rp 10.000`);

    // Payments = allocations = what the installments record as paid, with the stamp duty inside.
    const inv = await moneyInvariants(t, order.id);
    expect(inv.brokenInstallments).toBe(0);
    for (const r of inv.perOrder) expect([r.allocated, r.installments_paid]).toEqual([r.settled, r.settled]);

    // The statement shows the stamp duty on its own line, on the installment's due date.
    const csv = await (await fetch(`${t.url}/statements/me?from=${paidLines[0]!.due_date}&to=${paidLines.at(-1)!.due_date}&format=csv&lang=en`, { headers: { authorization: `Bearer ${c.token}` } })).text();
    const row = csv.split('\r\n').find((l) => l.includes('STAMP_DUTY'));
    expect(row).toContain(`Stamp duty (e-Meterai) on installment ${next.number}`);
    expect(row).toContain(',10000,');
  }, 180_000);
});

describe('the SPK flow under STAMP_DUTY_BORNE_BY=CUSTOMER', () => {
  it('signing the SPK stamps it, records the stamp once and charges it on the down payment', async () => {
    const support = await t.createUser('SUPPORT');
    const { c, spk, order } = await adminSignedSpk(t, support, 'id status stampSerial');
    expect(spk.stampSerial).toBeTruthy();
    const ledger = await conn().execute(`select borne_by, charged_installment_number, customer_id from stamp_duty_ledger where document_id = ?`, [spk.id]);
    expect(ledger).toEqual([{ borne_by: 'CUSTOMER', charged_installment_number: 0, customer_id: c.id }]);
    expect((await lines(order.id))[0]).toMatchObject({ stamp_duty: '10000', amount: (BigInt(order.installments[0]!.amount) + 10_000n).toString() });
    expect(await total(order.id)).toBe(BigInt(order.totalPrice) + 10_000n);
  }, 120_000);
});

describe('stamp duty across a restructuring', () => {
  it('the unpaid duty moves onto the first new line as stamp duty (no PPN), and the totals hold', async () => {
    const c = await t.createUser('CUSTOMER');
    const support = await t.createUser('SUPPORT');
    await t.ok(`mutation($i: ProfileInput!) { updateMyProfile(input: $i) { id } }`, { i: { nik: '3174051507900003', address: 'Jl. Kenanga 3, Bogor' } }, c.token);
    const order = await orderFor(c);
    await settle(c, order.id, (await lines(order.id))[0]!.amount);
    // Time passes (fixture): installment 1 fell due 20 days ago.
    await conn().execute(`update installments set due_date = current_date - 20 where order_id = ? and number = 1`, [order.id]);
    await stampUsed({ documentKind: 'SPK', documentId: randomUUID(), serial: `ADD${Date.now()}`, orderId: order.id, customerId: c.id });
    const charged = (await lines(order.id)).filter((l) => l.stamp_duty !== '0');
    expect(charged.map((l) => l.number)).toEqual([2]);

    const before = await total(order.id);
    await t.ok(`mutation($i: RestructureInput!) { restructureOrder(input: $i) { id } }`, { i: { orderId: order.id, tenorMonths: 3, includeLateFees: false, reason: 'uji bea meterai' } }, support.token);
    const after = await lines(order.id);
    const fresh = after.filter((l) => l.number > 12);
    expect(after.find((l) => l.number === 2)).toMatchObject({ status: 'RESTRUCTURED', stamp_duty: '0', amount: '0' });
    expect(fresh.map((l) => l.stamp_duty)).toEqual(['10000', '0', '0']);
    expect(await total(order.id)).toBe(before);
    expect(sumOf(after.map((l) => l.amount))).toBe(before);
    // The duty carries no PPN: the first new line's PPN is the rule's on its amount without the duty.
    const [{ vat, terms }] = await conn().execute<{ vat: string; terms: VatTerms }[]>(`select i.vat::text as vat, o.vat_terms as terms from installments i join orders o on o.id = i.order_id where i.order_id = ? and i.number = 13`, [order.id]);
    expect(terms.rateBps).toBeGreaterThan(0);
    expect(BigInt(vat)).toBe(vatOf(BigInt(fresh[0]!.amount) - 10_000n, { ...terms, pricesIncludeVat: true }).vat);
    expect(BigInt(vat)).not.toBe(vatOf(BigInt(fresh[0]!.amount), { ...terms, pricesIncludeVat: true }).vat);
    expect((await moneyInvariants(t, order.id)).brokenInstallments).toBe(0);
  }, 60_000);
});

const RECORD = `mutation($i: StampQuotaPurchaseInput!) { recordStampQuotaPurchase(input: $i) { id quantity pricePerStamp reference status purchasedOn } }`;
const VOID = `mutation($id: ID!, $r: String!) { voidStampQuotaPurchase(id: $id, reason: $r) { id status voidReason } }`;
const QUOTA = `{ stampQuota { opening bought used remaining low tracked } }`;

describe('e-Meterai quota purchases and the monthly report', () => {
  it('ADMIN records and voids purchases; the quota is STAMP_QUOTA + purchases − used; others are refused', async () => {
    const today = todayJakarta(services().clock);
    const before = (await t.ok(QUOTA, {}, finance.token)).stampQuota;
    expect(before).toMatchObject({ opening: 2, bought: 2, tracked: true, low: 1 });
    expect(before.remaining).toBe(2 - before.used);

    // FINANCE reads but may not record; a customer may do neither.
    const input = { purchasedOn: today, quantity: 100, pricePerStamp: '10500', reference: 'INV/PERURI/2026/001' };
    expect((await t.gql(RECORD, { i: input }, finance.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const customer = await t.createUser('CUSTOMER');
    expect((await t.gql(QUOTA, {}, customer.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Hostile input: a clear error naming the field, nothing recorded.
    const future = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    for (const [bad, field] of [[{ ...input, purchasedOn: future }, 'purchasedOn'], [{ ...input, quantity: 0 }, 'quantity'], [{ ...input, pricePerStamp: '-1' }, 'pricePerStamp'], [{ ...input, reference: '  ' }, 'reference']] as const) {
      const res = await t.gql(RECORD, { i: bad }, adminToken);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await t.ok(`{ stampQuotaPurchases { id } }`, {}, finance.token)).stampQuotaPurchases).toEqual([]);

    const bought = (await t.ok(RECORD, { i: input }, adminToken)).recordStampQuotaPurchase;
    expect(bought).toMatchObject({ quantity: 100, pricePerStamp: '10500', status: 'RECORDED', purchasedOn: today });
    const mistake = (await t.ok(RECORD, { i: { ...input, quantity: 7, reference: 'typo' } }, adminToken)).recordStampQuotaPurchase;
    expect((await t.ok(QUOTA, {}, finance.token)).stampQuota).toMatchObject({ bought: 109, remaining: 109 - before.used });

    expect((await t.ok(VOID, { id: mistake.id, r: 'entered twice' }, adminToken)).voidStampQuotaPurchase).toMatchObject({ status: 'VOIDED', voidReason: 'entered twice' });
    expect((await t.gql(VOID, { id: mistake.id, r: 'again' }, adminToken)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await t.gql(VOID, { id: randomUUID(), r: 'x' }, adminToken)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.ok(QUOTA, {}, finance.token)).stampQuota).toMatchObject({ bought: 102, remaining: 102 - before.used });

    // Each transition is in the audit log as a sentence.
    const rows = await conn().execute<{ action: string }[]>(`select action, entity_id from audit_log where entity_type = 'StampQuotaPurchase' order by at, action`);
    expect(rows.map((r) => r.action)).toEqual(['stampDuty.quota.purchase', 'stampDuty.quota.purchase', 'stampDuty.quota.void']);
  }, 60_000);

  it('the monthly report counts stamps by document and bearer and the quota opening/purchased/used/closing, as GraphQL and CSV', async () => {
    const month = todayJakarta(services().clock).slice(0, 7);
    const [{ before, n }] = await conn().execute(`select count(*) filter (where used_at < date_trunc('month', now() at time zone 'Asia/Jakarta') at time zone 'Asia/Jakarta')::int as before, count(*)::int as n from stamp_duty_ledger`);
    const report = (await t.ok(`query($m: String!) { stampDutyReport(month: $m) { month stamps amount quotaTracked quotaOpening quotaPurchased purchaseCost quotaUsed quotaClosing lines { documentKind borneBy stamps amount } } }`, { m: month }, finance.token)).stampDutyReport;
    const byLine = await conn().execute<{ documentKind: string; borneBy: string; stamps: number; amount: string }[]>(`select document_kind as "documentKind", borne_by as "borneBy", count(*)::int as stamps, sum(amount)::text as amount from stamp_duty_ledger group by 1, 2 order by 1, 2`);
    expect(report.lines).toEqual(byLine);
    expect(report.lines.some((l: { borneBy: string }) => l.borneBy === 'CUSTOMER')).toBe(true);
    expect(report.lines.some((l: { borneBy: string }) => l.borneBy === 'COMPANY')).toBe(true);
    expect(report).toMatchObject({ month, stamps: n - before, amount: String((n - before) * 10_000), quotaTracked: true, quotaOpening: 2 - before, quotaPurchased: 100, purchaseCost: '1050000', quotaUsed: n - before });
    expect(report.quotaClosing).toBe(report.quotaOpening + report.quotaPurchased - report.quotaUsed);
    expect(report.quotaClosing).toBe((await t.ok(QUOTA, {}, finance.token)).stampQuota.remaining);

    const res = await fetch(`${t.url}/exports/stamp-duty.csv?period=${month}`, { headers: { authorization: `Bearer ${finance.token}` } });
    expect(res.status).toBe(200);
    const csv = (await res.text()).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(csv[0]).toBe('month,item,document_kind,borne_by,stamps,amount');
    expect(csv).toContain(`${month},quota_purchased,,,100,1050000`);
    expect(csv).toContain(`${month},quota_closing,,,${report.quotaClosing},`);
    expect(csv).toContain(`${month},used_total,,,${report.stamps},${report.amount}`);
    // The ledger page's query filters by month, document and bearer.
    const customerBorne = (await t.ok(`query($m: String) { stampDutyLedger(filter: { month: $m, borneBy: CUSTOMER }) { total items { borneBy chargedInstallmentNumber } } }`, { m: month }, finance.token)).stampDutyLedger;
    expect(customerBorne.total).toBe(byLine.filter((l) => l.borneBy === 'CUSTOMER').reduce((s, l) => s + l.stamps, 0));
    expect(customerBorne.items.every((i: { borneBy: string; chargedInstallmentNumber: number | null }) => i.borneBy === 'CUSTOMER' && i.chargedInstallmentNumber !== null)).toBe(true);

    expect((await fetch(`${t.url}/exports/stamp-duty.csv?period=2026-13`, { headers: { authorization: `Bearer ${finance.token}` } })).status).toBe(400);
    const customer = await t.createUser('CUSTOMER');
    expect((await fetch(`${t.url}/exports/stamp-duty.csv?period=${month}`, { headers: { authorization: `Bearer ${customer.token}` } })).status).toBe(403);
  }, 60_000);

  it('ADMIN is warned from the remaining quota including purchases', async () => {
    const warned = await conn().execute(`select n.data from notifications n join users u on u.id = n.recipient_id where n.type = 'STAMP_QUOTA_LOW' and u.role = 'ADMIN' order by n.created_at`);
    // Quota 2 warned at 1 left: the first stamp of this database (before any purchase) crossed it.
    expect(warned[0]?.data).toMatchObject({ remaining: 1, quota: 2 });
  });
});
