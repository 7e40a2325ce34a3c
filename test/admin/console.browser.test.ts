import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../support/app';
import { screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser';

/**
 * The back office in a real browser against the real server: a staff login, the product list, a
 * product created through the form, and a customer taken to the customer area instead. Needs Chromium (CHROMIUM_PATH,
 * default /usr/bin/chromium) and the built admin (built here if admin/dist is missing).
 * Screenshots land in test/artifacts/ (git-ignored), with a `-failure` one when a step fails.
 */

let harness: BrowserHarness;
let app: TestApp;
const inBrowser: BrowserHarness['inBrowser'] = (...args) => harness.inBrowser(...args);
const logIn: BrowserHarness['logIn'] = (...args) => harness.logIn(...args);

beforeAll(async () => {
  harness = await startBrowserHarness();
  app = harness.app;
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('back office in the browser', () => {
  it('lets an ADMIN log in, see the products and create a VPS priced in rupiah', async () => {
    const admin = await app.createUser('ADMIN');
    await inBrowser('admin-product', async (page) => {
      await logIn(page, admin.username, admin.password);
      await page.getByText('Selamat datang').waitFor();
      await screenshot(page, 'dashboard');

      await page.getByRole('menuitem', { name: 'Produk' }).click();
      await page.waitForURL(/\/admin\/products$/);
      await page.locator('tbody tr').first().waitFor();
      await screenshot(page, 'products');

      await page.getByRole('link', { name: 'Buat' }).click();
      await page.waitForURL(/\/admin\/products\/create$/);
      // VPS is the default category; the slug follows the name; the price is grouped as it is typed.
      await page.locator('input[name="name"]').fill('VPS Uji Browser');
      await page.locator('input[name="specs.cpu"]').fill('2 vCPU');
      await page.locator('input[name="specs.ramGb"]').fill('4');
      await page.locator('input[name="specs.storageGb"]').fill('80');
      await page.locator('input[name="specs.storageType"]').fill('NVMe SSD');
      await page.locator('input[name="cashPrice"]').fill('1500000');
      expect(await page.locator('input[name="cashPrice"]').inputValue()).toBe('1.500.000');
      expect(await page.locator('input[name="slug"]').inputValue()).toBe('vps-uji-browser');
      await screenshot(page, 'product-create');
      await page.getByRole('button', { name: 'Simpan' }).click();

      await page.waitForURL(/\/admin\/products\/[^/]+\/show$/);
      await page.getByText('Rp 1.500.000').first().waitFor();

      await page.getByRole('menuitem', { name: 'Produk' }).click();
      const row = page.locator('tbody tr', { hasText: 'VPS Uji Browser' });
      await row.waitFor();
      const rowText = (await row.innerText()).replace(/\s+/g, ' ');
      expect(rowText).toContain('Rp 1.500.000');
      expect(rowText).toContain('2 vCPU · 4 GB RAM · 80 GB NVMe SSD');
      await screenshot(page, 'products-after-create');
    });

    const saved = await app.gql<{ products: { items: { name: string; cashPrice: string; category: string }[] } }>(
      `query { products(filter: { q: "VPS Uji Browser" }) { items { name cashPrice category } } }`,
      {},
      admin.token,
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data?.products.items).toEqual([{ name: 'VPS Uji Browser', cashPrice: '1500000', category: 'VPS' }]);
  }, 90_000);

  it('takes a CUSTOMER to the customer area, with no staff menu entries and no staff page', async () => {
    const customer = await app.createUser('CUSTOMER');
    await inBrowser('customer-area', async (page) => {
      await logIn(page, customer.username, customer.password);
      await page.waitForURL(/\/admin\/my-orders$/);
      await page.getByText('Belum ada pesanan').waitFor();
      // The customer's own layout: the portal's navigation, not the staff console's menu.
      for (const entry of ['Katalog', 'Pesanan saya', 'Layanan saya', 'Profil']) {
        await page.getByRole('navigation').getByRole('link', { name: entry }).waitFor();
      }
      const menu = (await page.getByRole('menuitem').allInnerTexts()).map((text) => text.trim());
      for (const staffEntry of ['Dasbor', 'Pesanan', 'Pembayaran', 'Produk', 'Paket cicilan', 'Pelanggan', 'Staf', 'Log audit']) {
        expect(menu).not.toContain(staffEntry);
      }
      await screenshot(page, 'customer-landing');

      // A staff address typed by hand leads nowhere, and the staff queries were never sent.
      const staffQueries: string[] = [];
      page.on('request', (request) => {
        const body = request.postData() ?? '';
        if (request.url().endsWith('/graphql') && /\b(orders|payments|users)\(/.test(body)) staffQueries.push(body);
      });
      await page.goto(`${app.url}/admin/payments`);
      await page.getByText('Tidak ditemukan').first().waitFor();
      expect(staffQueries).toEqual([]);
      expect(await page.evaluate(() => JSON.parse(localStorage.getItem('angsur.session') ?? 'null')?.user.role)).toBe('CUSTOMER');
    });
  }, 60_000);
});
