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
