import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCounter } from '../../server/src/db/orm';
import { startTestApp, type TestApp } from '../support/app';

const CREATE_PRODUCT = `mutation($i: CreateProductInput!) { createProduct(input: $i) { id slug cashPrice specs { cpu ramGb } } }`;
const vps = (slug: string, extra: Record<string, unknown> = {}) => ({
  category: 'VPS',
  name: `VPS ${slug}`,
  slug,
  specs: { cpu: '2 vCPU', ramGb: 4, storageGb: 80 },
  cashPrice: '3000000',
  ...extra,
});

const counter = new QueryCounter();
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp({ queryCounter: counter });
  admin = await t.adminToken();
});
afterAll(() => t?.close());

const countRows = async (table: string) =>
  (await t.app.orm.em.fork().getConnection().execute(`select count(*)::int as n from ${table}`))[0].n as number;

describe('catalog', () => {
  it('the seed has all four categories, each with plans', async () => {
    const res = await t.ok(`{ products(perPage: 50) { total items { category plans { tenorMonths } } } }`);
    const categories = new Set(res.products.items.map((p: { category: string }) => p.category));
    expect(categories).toEqual(new Set(['CLOUD_SERVER', 'DEDICATED_SERVER', 'COLOCATION', 'VPS']));
    expect(res.products.items.every((p: { plans: unknown[] }) => p.plans.length > 0)).toBe(true);
  });

  it('filters by category and finds by slug', async () => {
    const res = await t.ok(`{ products(filter: { category: COLOCATION }) { items { slug specs { rackUnits powerWatts } } } }`);
    expect(res.products.items).toEqual([{ slug: 'colocation-1u', specs: { rackUnits: 1, powerWatts: 300 } }]);
    const one = await t.ok(`{ product(slug: "vps-nvme-4") { name cashPrice } }`);
    expect(one.product).toEqual({ name: 'VPS NVMe 4', cashPrice: '6000000' });
  });

  it('ADMIN creates, updates and deactivates a product; the public stops seeing it; the audit log has it', async () => {
    const created = (await t.ok(CREATE_PRODUCT, { i: vps('vps-test-1') }, admin)).createProduct;
    expect(created).toMatchObject({ slug: 'vps-test-1', cashPrice: '3000000', specs: { cpu: '2 vCPU', ramGb: 4 } });
    await t.ok(`mutation($id: ID!) { updateProduct(id: $id, input: { cashPrice: 3500000, active: false }) { cashPrice active } }`, { id: created.id }, admin);
    expect((await t.gql(`{ product(slug: "vps-test-1") { id } }`)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.ok(`{ product(slug: "vps-test-1") { cashPrice active } }`, {}, admin)).product).toEqual({ cashPrice: '3500000', active: false });
    const log = await t.ok(`query($id: ID!) { auditLog(filter: { entityId: $id }) { items { action } } }`, { id: created.id }, admin);
    expect(log.auditLog.items.map((i: { action: string }) => i.action).sort()).toEqual(['product.create', 'product.update']);
  });

  it('a customer or SUPPORT cannot touch the catalog, and nothing changes', async () => {
    const customer = await t.createUser('CUSTOMER');
    const support = await t.createUser('SUPPORT');
    const before = await countRows('products');
    for (const token of [customer.token, support.token]) {
      const res = await t.gql(CREATE_PRODUCT, { i: vps('vps-sneaky') }, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await countRows('products')).toBe(before);
  });

  it.each([
    ['negative price', { cashPrice: '-5' }, 'cashPrice'],
    ['zero price', { cashPrice: 0 }, 'cashPrice'],
    ['fractional price', { cashPrice: 1.5 }, 'cashPrice'],
    ['unknown category', { category: 'WEB_HOSTING' }, 'category'],
    ['bad slug', { slug: 'Not A Slug' }, 'slug'],
    ['missing machine specs', { specs: { cpu: '2 vCPU' } }, 'specs.ramGb'],
    ['colocation without rack units', { category: 'COLOCATION', specs: { powerWatts: 300 } }, 'specs.rackUnits'],
    ['negative RAM', { specs: { cpu: '1', ramGb: -1, storageGb: 10 } }, 'specs.ramGb'],
  ])('%s is BAD_USER_INPUT naming the field, and nothing is stored', async (_, bad, field) => {
    const before = await countRows('products');
    const res = await t.gql(CREATE_PRODUCT, { i: vps('vps-bad', bad) }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await countRows('products')).toBe(before);
  });

  it('a duplicate slug is CONFLICT', async () => {
    const res = await t.gql(CREATE_PRODUCT, { i: vps('vps-nvme-4') }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'slug' });
  });

  it('plans: create, refuse impossible terms, delete only what nothing uses', async () => {
    const product = (await t.ok(CREATE_PRODUCT, { i: vps('vps-plan-test') }, admin)).createProduct;
    const create = (input: Record<string, unknown>) =>
      t.gql(`mutation($i: CreatePlanInput!) { createInstallmentPlan(input: $i) { id name tenorMonths productId } }`, {
        i: { productId: product.id, name: 'Cicilan 3 bulan', tenorMonths: 3, downPaymentType: 'PERCENT', downPaymentValue: 2000, ...input },
      }, admin);
    const ok = await create({});
    expect(ok.data.createInstallmentPlan).toMatchObject({ tenorMonths: 3, productId: product.id });
    expect((await create({ downPaymentType: 'FIXED', downPaymentValue: '3000000' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'downPaymentValue' });
    expect((await create({ tenorMonths: 0 })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tenorMonths' });
    expect((await create({ downPaymentValue: 9500 })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'downPaymentValue' });
    // A product with plans cannot be deleted, only deactivated.
    const del = await t.gql(`mutation($id: ID!) { deleteProduct(id: $id) }`, { id: product.id }, admin);
    expect(del.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await t.ok(`mutation($id: ID!) { deleteInstallmentPlan(id: $id) }`, { id: ok.data.createInstallmentPlan.id }, admin)).toEqual({ deleteInstallmentPlan: true });
    expect(await t.ok(`mutation($id: ID!) { deleteProduct(id: $id) }`, { id: product.id }, admin)).toEqual({ deleteProduct: true });
  });
});

describe('installment quote', () => {
  it('every seeded plan quotes a schedule that adds up exactly to the total', async () => {
    const res = await t.ok(`{ products(perPage: 50) { items { id plans { id } } } }`);
    let checked = 0;
    for (const product of res.products.items) {
      for (const plan of product.plans) {
        for (const quantity of [1, 3]) {
          const q = (
            await t.ok(
              `query($p: ID!, $pl: ID!, $q: Int!) { installmentQuote(productId: $p, planId: $pl, quantity: $q, startDate: "2026-01-31") {
                 totalPrice downPayment financedAmount marginAmount cashPrice setupFee adminFee plan { tenorMonths } lines { number dueDate amount } } }`,
              { p: product.id, pl: plan.id, q: quantity },
            )
          ).installmentQuote;
          const sum = q.lines.reduce((a: bigint, l: { amount: string }) => a + BigInt(l.amount), 0n);
          expect(sum).toBe(BigInt(q.totalPrice));
          expect(BigInt(q.totalPrice)).toBe(BigInt(q.cashPrice) + BigInt(q.setupFee) + BigInt(q.adminFee) + BigInt(q.marginAmount));
          expect(q.lines.filter((l: { number: number }) => l.number > 0)).toHaveLength(q.plan.tenorMonths);
          expect(q.lines.find((l: { number: number }) => l.number === 1).dueDate).toBe('2026-02-28');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(18);
  });

  it('defaults the start date to today in Jakarta and refuses a plan of another product', async () => {
    const res = await t.ok(`{ a: product(slug: "vps-nvme-4") { id plans { id } } b: product(slug: "colocation-1u") { id plans { id } } }`);
    const q = await t.ok(`query($p: ID!, $pl: ID!) { installmentQuote(productId: $p, planId: $pl) { startDate } }`, { p: res.a.id, pl: res.a.plans[0].id });
    expect(q.installmentQuote.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const wrong = await t.gql(`query($p: ID!, $pl: ID!) { installmentQuote(productId: $p, planId: $pl) { startDate } }`, { p: res.a.id, pl: res.b.plans[0].id });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'planId' });
    const qty = await t.gql(`query($p: ID!, $pl: ID!) { installmentQuote(productId: $p, planId: $pl, quantity: 0) { startDate } }`, { p: res.a.id, pl: res.a.plans[0].id });
    expect(qty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity' });
  });
});

describe('batching', () => {
  it('products { plans { product } } runs the same number of SQL statements for 4 products as for 24', async () => {
    const query = `{ products(perPage: 100) { total items { name plans { name product { slug } } } } }`;
    counter.reset();
    const small = await t.ok(query);
    const fewStatements = counter.count;
    for (let i = 0; i < 20; i++) {
      const p = (await t.ok(CREATE_PRODUCT, { i: vps(`vps-batch-${i}`) }, admin)).createProduct;
      await t.ok(`mutation($i: CreatePlanInput!) { createInstallmentPlan(input: $i) { id } }`, {
        i: { productId: p.id, name: 'Cicilan 6 bulan', tenorMonths: 6, downPaymentType: 'PERCENT', downPaymentValue: 1000 },
      }, admin);
    }
    counter.reset();
    const large = await t.ok(query);
    expect(large.products.items.length).toBeGreaterThan(small.products.items.length + 19);
    expect(counter.count).toBe(fewStatements);
    expect(fewStatements).toBeGreaterThanOrEqual(3); // the counter sees statements at all
    expect(counter.count).toBeLessThanOrEqual(4); // auth-free: page, count, plans of all products (+ products of plans, if not cached)
  });
});
