import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'angsur-embedded-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// Always on the embedded default, whatever TEST_DATABASE_URL says: this is what `npm start` runs.
describe('embedded PGlite default', () => {
  it('starts, migrates, seeds, serves, and keeps data across a restart', async () => {
    const first = await startTestApp({ embedded: true, dataDir });
    let productId: string;
    try {
      expect(first.app.embedded).not.toBeNull();
      expect(first.app.migrationsApplied.length).toBeGreaterThan(0);
      expect(first.app.seeded?.productsCreated).toBe(4);
      const admin = await first.adminToken();
      const created = await first.ok(
        `mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`,
        { i: { category: 'VPS', name: 'VPS Persist', slug: 'vps-persist', specs: { cpu: '1 vCPU', ramGb: 1, storageGb: 20 }, cashPrice: '1200000' } },
        admin,
      );
      productId = created.createProduct.id;
      const customer = await first.createUser('CUSTOMER');
      expect((await first.ok(`{ me { username } }`, {}, customer.token)).me.username).toBe(customer.username);

      // The read paths' own ways of talking to the database (db/plain-rows.ts: named prepared statements
      // for pages and summaries, one multi-statement query for an order page's child lists) on the
      // embedded server's one connection, as `npm start` serves them.
      const product = (await first.ok(`{ product(slug: "vps-nvme-4") { id plans { id tenorMonths } } }`)).product;
      await first.ok(`mutation($i: AddToCartInput!) { addToCart(input: $i) { id } }`, { i: { productId: product.id, planId: product.plans[0].id, quantity: 1 } }, customer.token);
      const [order] = (await first.ok(`mutation { checkout { id number } }`, {}, customer.token)).checkout;
      const mine = (await first.ok(
        `{ myOrders(perPage: 10) { total items { id number summary { installmentsCount remainingCount nextDue { number } }
          items { id } installments { number } payments { id allocations { id } } spk { id } services { id } } } }`,
        {},
        customer.token,
      )).myOrders;
      expect(mine.total).toBe(1);
      const [row] = mine.items;
      expect(row).toMatchObject({ id: order.id, number: order.number, spk: null, payments: [] });
      expect(row.items).toHaveLength(1);
      expect(row.installments.length).toBeGreaterThan(1);
      expect(row.summary).toEqual({ installmentsCount: row.installments.length, remainingCount: row.installments.length, nextDue: { number: row.installments[0].number } });
      const list = (await first.ok(`{ orders(perPage: 50) { total items { id lastOverdueNoticeAt summary { installmentsCount } } } }`, {}, admin)).orders;
      expect(list.items).toEqual([{ id: order.id, lastOverdueNoticeAt: null, summary: { installmentsCount: row.installments.length } }]);
    } finally {
      await first.close();
    }

    const second = await startTestApp({ embedded: true, dataDir });
    try {
      expect(second.app.migrationsApplied).toEqual([]);
      expect(second.app.seeded?.productsCreated).toBe(0);
      const res = await second.ok(`query($id: ID!) { product(id: $id) { slug cashPrice } }`, { id: productId });
      expect(res.product).toEqual({ slug: 'vps-persist', cashPrice: '1200000' });
    } finally {
      await second.close();
    }
  }, 120_000);
});
