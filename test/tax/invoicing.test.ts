import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../../server/src/jobs/jobs';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { TravelClock } from '../support/clock';
import { checkoutOrder, confirmSpkForTest, moneyInvariants } from '../support/orders';

/**
 * TAX_POINT=INVOICED end to end: the invoicing job claims each installment once, INVOICE_LEAD_DAYS
 * before its due date, and the tax domain makes its Faktur Pajak from the `installment.invoiced` event.
 */
const clock = new TravelClock('2026-12-04T03:00:00Z');
let t: TestApp;
let finance: TestUser;
const invoiced: string[] = [];
beforeAll(async () => {
  t = await startTestApp({ clock, env: { COMPANY_NPWP: '0123456789012345', TAX_POINT: 'INVOICED', INVOICE_LEAD_DAYS: '5' } });
  finance = await t.createUser('FINANCE');
  t.app.services.events.on('installment.invoiced', 'test: count', (_tx, p) => void invoiced.push(p.installmentId));
});
afterAll(() => t?.close());

const INVOICES = `query($f: TaxInvoiceFilter) { taxInvoices(filter: $f, perPage: 200) { total items { description invoiceDate vat } } }`;

/** Which installment an invoice is for, from its description ("Uang muka ..." or "Cicilan k/n ..."). */
const numbers = (items: { description: string }[]) => items.map((i) => (i.description.startsWith('Uang muka') ? 0 : Number(/^Cicilan (\d+)\//.exec(i.description)![1]))).sort();

const runJob = () => {
  const job = jobDefinitions(t.app.services).find((j) => j.name === 'installment-invoicing');
  if (!job) throw new Error('no installment-invoicing job');
  return job.run(new AbortController().signal);
};

const invoicedAt = async (orderId: string) =>
  Object.fromEntries((await t.app.orm.em.fork().getConnection().execute<{ number: number; at: string | null }[]>(
    `select number, invoiced_at::text as at from installments where order_id = ? order by number`, [orderId])).map((r) => [r.number, r.at]));

describe('the invoicing moment (TAX_POINT=INVOICED)', () => {
  it('invoices each installment once, INVOICE_LEAD_DAYS before it falls due, and the tax invoice follows', async () => {
    const c = await t.createUser('CUSTOMER');
    await t.ok(`mutation($i: ProfileInput!) { updateMyProfile(input: $i) { npwp } }`, { i: { npwp: '3174051507900011', address: 'Jl. Melati 2, Bandung' } }, c.token);
    const order = await checkoutOrder(t, c, 'vps-nvme-4', 6);
    // Not payable yet (SPK not confirmed): nothing is invoiced.
    await runJob();
    expect(Object.values(await invoicedAt(order.id)).every((v) => v === null)).toBe(true);

    await confirmSpkForTest(t, order.id);
    await runJob();
    const first = await invoicedAt(order.id);
    expect(first[0]).not.toBeNull();
    expect(first[1]).toBeNull();
    let list = (await t.ok(INVOICES, { f: { orderId: order.id } }, finance.token)).taxInvoices;
    expect(numbers(list.items)).toEqual([0]);

    // Six days before installment 1 falls due: not yet. Five days before: invoiced.
    const due1 = order.installments.find((i) => i.number === 1)!.dueDate;
    clock.set(`${due1}T03:00:00Z`);
    clock.advanceDays(-6);
    await runJob();
    expect((await invoicedAt(order.id))[1]).toBeNull();
    clock.advanceDays(1);
    // Two processes at once: each installment is claimed by one of them only.
    await Promise.all([runJob(), runJob()]);
    const second = await invoicedAt(order.id);
    expect(second[1]).not.toBeNull();
    expect(second[0]).toBe(first[0]);
    expect(second[2]).toBeNull();
    await runJob();
    expect(await invoicedAt(order.id)).toEqual(second);

    // The clock travelled past the first token's life: FINANCE signs in again.
    finance = await t.createUser('FINANCE');
    list = (await t.ok(INVOICES, { f: { orderId: order.id } }, finance.token)).taxInvoices;
    expect(numbers(list.items)).toEqual([0, 1]);
    const mine = new Set(order.installments.map((i) => i.id));
    expect(invoiced.filter((id) => mine.has(id))).toHaveLength(2);
    expect(new Set(invoiced).size).toBe(invoiced.length);
    expect((await moneyInvariants(t, order.id)).brokenInstallments).toBe(0);
  });
});
