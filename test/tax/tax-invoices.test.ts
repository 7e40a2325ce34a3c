import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSandboxEvent } from '../../server/src/payments/gateways';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder, confirmSpkForTest, moneyInvariants } from '../support/orders';
import { validateCoretax } from './coretax/validate';

let t: TestApp;
let finance: TestUser;
beforeAll(async () => {
  t = await startTestApp({ env: { COMPANY_NPWP: '0123456789012345', TAX_POINT: 'PAID' } });
  finance = await t.createUser('FINANCE');
});
afterAll(() => t?.close());

const PROFILE = `mutation($i: ProfileInput!) { updateMyProfile(input: $i) { npwp nitku } }`;
const INVOICES = `query($f: TaxInvoiceFilter) { taxInvoices(filter: $f, perPage: 200) { total items { id reference kind status period buyerTin buyerIdtku buyerName taxBase otherTaxBase vat vatRateBps trxCode coretaxNumber } } }`;
const EXPORT = `mutation($p: String!) { exportCoretaxXml(period: $p) { fileName count xml } }`;
const IMPORT = `mutation($csv: String!) { importCoretaxNumbers(csv: $csv) { line reference outcome field message } }`;
const conn = () => t.app.orm.em.fork().getConnection();

async function pay(customer: TestUser, orderId: string) {
  const p = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id reference amount } }`, { i: { orderId, method: 'GATEWAY' } }, customer.token)).createPayment;
  const event = { reference: p.reference, providerReference: null, status: 'SETTLED' as const, amount: BigInt(p.amount), eventId: `e-${p.reference}` };
  const deliver = async () => {
    const { rawBody, headers } = signSandboxEvent(t.app.services.sandboxPaymentSecret, event);
    return (await (await fetch(`${t.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) })).json()).outcome;
  };
  expect(await deliver()).toBe('settled');
  // The gateway repeats itself: the second delivery changes nothing.
  expect(await deliver()).toBe('duplicate');
  // Until every source emits (and to prove the handler is idempotent on its own), the event is sent
  // again here exactly as payments sends it, inside a transaction.
  await t.app.orm.em.fork().transactional((tx) =>
    t.app.services.events.emit(tx, 'payment.settled', { paymentId: p.id, orderId, customerId: '', amount: BigInt(p.amount), method: 'GATEWAY' }));
  return p as { id: string; reference: string; amount: string };
}

async function customerWithNpwp(npwp: string | null, nitku: string | null = null) {
  const c = await t.createUser('CUSTOMER');
  if (npwp) await t.ok(PROFILE, { i: { npwp, nitku, company: nitku ? 'PT Pelanggan Setia' : null, companyAddress: nitku ? 'Jl. Gatot Subroto 1, Jakarta' : null, address: 'Jl. Melati 2, Bandung' } }, c.token);
  return c;
}

describe('buyer tax identity on the profile', () => {
  it('refuses an NPWP that is not 16 digits and a NITKU that is not 22, naming the field, changing nothing', async () => {
    const c = await t.createUser('CUSTOMER');
    const bad = await t.gql(PROFILE, { i: { npwp: '12.345.678.9-012.000' } }, c.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'npwp' });
    const badNitku = await t.gql(PROFILE, { i: { npwp: '0123456789012345', nitku: '012345678901234500000' } }, c.token);
    expect(badNitku.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nitku' });
    expect((await t.ok(`{ me { npwp nitku } }`, {}, c.token)).me).toEqual({ npwp: null, nitku: null });
    expect((await t.ok(PROFILE, { i: { npwp: '3174051507900001' } }, c.token)).updateMyProfile).toEqual({ npwp: '3174051507900001', nitku: null });
  });
});

describe('tax invoices at the tax point (TAX_POINT=PAID)', () => {
  it('makes exactly one invoice per paid installment, with the buyer’s identity and the installment’s VAT', async () => {
    const c = await customerWithNpwp('0987654321098765', '0987654321098765000001');
    const order = await checkoutOrder(t, c);
    await confirmSpkForTest(t, order.id);
    await pay(c, order.id);
    const list = (await t.ok(INVOICES, { f: { orderId: order.id } }, finance.token)).taxInvoices;
    expect(list.total).toBe(1);
    const [inst] = await conn().execute(`select vat::text, tax_base::text, other_tax_base::text from installments where order_id = ? and number = 0`, [order.id]);
    expect(list.items[0]).toMatchObject({
      kind: 'NORMAL', status: 'DRAFT', buyerTin: '0987654321098765', buyerIdtku: '0987654321098765000001', buyerName: 'PT Pelanggan Setia',
      vat: inst.vat, taxBase: inst.tax_base, otherTaxBase: inst.other_tax_base, vatRateBps: 1200, trxCode: '04',
    });
    expect(BigInt(inst.vat)).toBeGreaterThan(0n);
    expect((await moneyInvariants(t, order.id)).brokenInstallments).toBe(0);
  });

  it('gives a customer without an NPWP receipts only: no tax invoice', async () => {
    const c = await customerWithNpwp(null);
    const order = await checkoutOrder(t, c);
    await confirmSpkForTest(t, order.id);
    await pay(c, order.id);
    expect((await t.ok(INVOICES, { f: { orderId: order.id } }, finance.token)).taxInvoices.total).toBe(0);
  });

  it('is FINANCE’s: a customer cannot list, export or import', async () => {
    const c = await t.createUser('CUSTOMER');
    for (const [q, v] of [[INVOICES, {}], [EXPORT, { p: '2026-12' }], [IMPORT, { csv: 'x' }]] as const) {
      expect((await t.gql(q, v, c.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('Coretax export and import of numbers', () => {
  it('round-trips: export validates, numbers come back per row, a second import changes nothing', async () => {
    const c = await customerWithNpwp('3174051507900002');
    const order = await checkoutOrder(t, c);
    await confirmSpkForTest(t, order.id);
    await pay(c, order.id);
    const mine = (await t.ok(INVOICES, { f: { orderId: order.id } }, finance.token)).taxInvoices.items[0];
    const period = mine.period;

    const files = (await t.ok(EXPORT, { p: period }, finance.token)).exportCoretaxXml;
    expect(files.length).toBe(1);
    const result = await validateCoretax(files[0].xml);
    expect(result.errors).toEqual([]);
    expect(files[0].xml).toContain(`<RefDesc>${mine.reference}</RefDesc>`);
    expect(files[0].xml).toContain('<TIN>0123456789012345</TIN>');

    const exported = (await t.ok(INVOICES, { f: { period, status: ['EXPORTED'] } }, finance.token)).taxInvoices;
    expect(exported.items.map((i: { reference: string }) => i.reference)).toContain(mine.reference);
    const others = exported.items.filter((i: { reference: string }) => i.reference !== mine.reference);

    const number = '04002600000012345';
    const csv = [
      'Referensi,Nomor Faktur Pajak',
      `${mine.reference},${number}`,
      'FP-209912-999999,04002600000099999',
      ...(others.length ? [`${others[0].reference},${number}`] : []),
      `${mine.reference.replace(/\d$/, (d: string) => String((Number(d) + 5) % 10))},1234`,
    ].join('\n');
    const rows = (await t.ok(IMPORT, { csv }, finance.token)).importCoretaxNumbers;
    expect(rows[0]).toMatchObject({ line: 2, reference: mine.reference, outcome: 'NUMBERED' });
    expect(rows[1]).toMatchObject({ line: 3, outcome: 'ERROR', field: 'reference' });
    if (others.length) expect(rows[2]).toMatchObject({ outcome: 'ERROR', field: 'number' });
    expect(rows.at(-1)).toMatchObject({ outcome: 'ERROR', field: 'number' });

    const again = (await t.ok(IMPORT, { csv: `${mine.reference};${number}` }, finance.token)).importCoretaxNumbers;
    expect(again).toEqual([{ line: 1, reference: mine.reference, outcome: 'UNCHANGED', field: null, message: null }]);
    const differs = (await t.ok(IMPORT, { csv: `${mine.reference};04002600000054321` }, finance.token)).importCoretaxNumbers;
    expect(differs[0]).toMatchObject({ outcome: 'ERROR', field: 'number' });
    const after = (await t.ok(INVOICES, { f: { orderId: order.id } }, finance.token)).taxInvoices.items[0];
    expect(after).toMatchObject({ status: 'NUMBERED', coretaxNumber: number });
  });

  it('refuses a bad period with the field named', async () => {
    expect((await t.gql(EXPORT, { p: '2026-13' }, finance.token)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });
});

describe('refunds', () => {
  const REFUND = `mutation($id: ID!) { refundPayment(id: $id, input: { reason: "Dibatalkan" }) { status } }`;
  const refund = async (paymentId: string, orderId: string) => {
    await t.ok(REFUND, { id: paymentId }, finance.token);
    await t.app.orm.em.fork().transactional((tx) => t.app.services.events.emit(tx, 'payment.refunded', { paymentId, orderId, customerId: '', amount: 0n }));
  };

  it('cancels a draft invoice that never reached Coretax', async () => {
    const c = await customerWithNpwp('3174051507900003');
    const order = await checkoutOrder(t, c);
    await confirmSpkForTest(t, order.id);
    const p = await pay(c, order.id);
    await refund(p.id, order.id);
    const items = (await t.ok(INVOICES, { f: { orderId: order.id } }, finance.token)).taxInvoices.items;
    expect(items.map((i: { kind: string; status: string }) => [i.kind, i.status])).toEqual([['NORMAL', 'CANCELLED']]);
  });

  it('makes one RETURN record (nota pembatalan) for a numbered invoice', async () => {
    const c = await customerWithNpwp('3174051507900004');
    const order = await checkoutOrder(t, c);
    await confirmSpkForTest(t, order.id);
    const p = await pay(c, order.id);
    const inv = (await t.ok(INVOICES, { f: { orderId: order.id } }, finance.token)).taxInvoices.items[0];
    await t.ok(EXPORT, { p: inv.period }, finance.token);
    await t.ok(IMPORT, { csv: `${inv.reference},04002600000077777` }, finance.token);
    await refund(p.id, order.id);
    // The same refund event again: still one return.
    await t.app.orm.em.fork().transactional((tx) => t.app.services.events.emit(tx, 'payment.refunded', { paymentId: p.id, orderId: order.id, customerId: '', amount: 0n }));
    const items = (await t.ok(INVOICES, { f: { orderId: order.id } }, finance.token)).taxInvoices.items;
    const ret = items.filter((i: { kind: string }) => i.kind === 'RETURN');
    expect(ret).toHaveLength(1);
    expect(ret[0]).toMatchObject({ vat: inv.vat, taxBase: inv.taxBase, buyerTin: inv.buyerTin });
    expect(items.find((i: { kind: string }) => i.kind === 'NORMAL').status).toBe('NUMBERED');

    // Coretax has no seller-side return import: FINANCE downloads the month's returns as CSV to enter them.
    const csv = await fetch(`${t.url}/exports/tax-returns.csv?period=${inv.period}`, { headers: { authorization: `Bearer ${finance.token}` } });
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(','));
    const mine = rows.find((r) => r[2] === inv.reference)!;
    expect(mine).toBeDefined();
    expect(mine.slice(3, 4).concat(mine.slice(6, 7), mine.slice(9, 10), mine.slice(12, 13))).toEqual(['04002600000077777', inv.buyerTin, ret[0].taxBase, ret[0].vat]);
    expect((await fetch(`${t.url}/exports/tax-returns.csv?period=${inv.period}`, { headers: { authorization: `Bearer ${c.token}` } })).status).toBe(403);
    expect((await (await fetch(`${t.url}/exports/tax-returns.csv?period=2026-13`, { headers: { authorization: `Bearer ${finance.token}` } })).json()).error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });
});
