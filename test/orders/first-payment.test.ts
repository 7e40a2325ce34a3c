import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { TravelClock } from '../support/clock';
import { checkoutOrder } from '../support/orders';

const clock = new TravelClock('2026-01-31T03:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t?.close());

const ORDER = `query($id: ID!) { order(id: $id) { firstPayment { downPayment setupFee adminFee total } installments { number amount } } }`;

describe('the money a customer sees before buying and before paying', () => {
  it('itemises the first payment from the stored installment: down payment, setup fee, admin fee', async () => {
    const customer = await t.createUser('CUSTOMER');
    // Cloud Server Pro 8 on 12 months: setup fee 250.000 per unit, admin fee 100.000 per unit, two units.
    const order = await checkoutOrder(t, customer, 'cloud-server-pro-8', 12, 2);
    const { firstPayment, installments } = (await t.ok(ORDER, { id: order.id }, customer.token)).order;
    expect(firstPayment).toMatchObject({ setupFee: '500000', adminFee: '200000' });
    expect(firstPayment.total).toBe(installments[0].amount);
    expect(BigInt(firstPayment.downPayment) + BigInt(firstPayment.setupFee) + BigInt(firstPayment.adminFee)).toBe(BigInt(firstPayment.total));
    expect(BigInt(firstPayment.downPayment)).toBeGreaterThan(0n);
  });

  it('answers another customer’s order with NOT_FOUND, breakdown included', async () => {
    const owner = await t.createUser('CUSTOMER');
    const other = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, owner);
    const res = await t.gql(ORDER, { id: order.id }, other.token);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('gives each plan its monthly installment, the same as the quote’s', async () => {
    const { products } = await t.ok(`{ products(perPage: 50, filter: { q: "VPS NVMe 4" }) { items { id plans { id tenorMonths monthlyInstallment } } } }`);
    const product = products.items[0];
    for (const plan of product.plans) {
      const quote = (await t.ok(`query($p: ID!, $l: ID!) { installmentQuote(productId: $p, planId: $l, quantity: 1) { monthlyInstallment } }`, { p: product.id, l: plan.id })).installmentQuote;
      expect(plan.monthlyInstallment).toBe(quote.monthlyInstallment);
    }
    expect(product.plans.find((p: { tenorMonths: number }) => p.tenorMonths === 12).monthlyInstallment).toBe('517500');
  });
});
