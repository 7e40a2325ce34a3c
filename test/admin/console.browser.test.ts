import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

/**
 * The back office in a real browser against the real server: a staff login, the product list, a
 * product created through the form, and a customer turned away. Needs Chromium (CHROMIUM_PATH,
 * default /usr/bin/chromium) and the built admin (built here if admin/dist is missing).
 * Screenshots land in test/artifacts/ (git-ignored), with a `-failure` one when a step fails.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const ADMIN_DIST = path.join(ROOT, 'admin', 'dist');
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const UI_TIMEOUT = 20_000;
/** The first visit parses ~1.5 MB of JavaScript, which takes a while on a busy two-core CI machine. */
const FIRST_RENDER_TIMEOUT = 40_000;

let app: TestApp;
let browser: Browser;

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `admin-${name}.png`), fullPage: true });

/**
 * Runs `fn` in a fresh browser context (no stored session, Indonesian browser in Jakarta), takes a
 * screenshot if it fails, and fails the test if the page threw any uncaught error.
 */
async function inBrowser(name: string, fn: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  context.setDefaultTimeout(UI_TIMEOUT);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  try {
    await fn(page);
  } catch (error) {
    await screenshot(page, `${name}-failure`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
}

async function logIn(page: Page, username: string, password: string) {
  await page.goto(`${app.url}/admin/`);
  // Inputs are found by name; the texts checked are the Indonesian ones the staff sees.
  await page.locator('input[name="username"]').waitFor({ timeout: FIRST_RENDER_TIMEOUT });
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ADMIN_DIST, 'index.html'))) {
    execFileSync('npm', ['run', 'build:admin'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  [app, browser] = await Promise.all([
    startTestApp({ adminDist: ADMIN_DIST }),
    chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    }),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
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

  it('turns a CUSTOMER away with an Indonesian message', async () => {
    const customer = await app.createUser('CUSTOMER');
    await inBrowser('customer-refused', async (page) => {
      await logIn(page, customer.username, customer.password);
      await page.getByText('Akun pelanggan tidak dapat masuk ke back office').waitFor();
      await screenshot(page, 'customer-refused');
      expect(page.url()).toMatch(/\/admin\/login$/);
      expect(await page.evaluate(() => localStorage.getItem('angsur.session'))).toBeNull();
    });
  }, 60_000);
});
