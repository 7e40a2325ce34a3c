import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, type TestUser } from '../support/app';
import { checkPage, screenshot, startBrowserHarness, switchLanguage as switchTo, type BrowserHarness } from '../support/browser';
import { completeCustomer } from '../support/console-steps';
import { checkoutOrder, confirmSpkForTest, payOffThroughSandbox, payThroughSandbox } from '../support/orders';

/**
 * The customer portal as the hosting company's own (issue 16, items 5, 6, 9, 10, 11), in a real
 * browser on a laptop (1366×768) and a phone (390×844): the company on the login page and in the top
 * bar, the portal's own navigation, paying by transfer (the company's accounts, the exact amount, the
 * proof awaiting verification), the first payment itemised, the catalog's monthly amounts, "Layanan
 * saya" with the server's details and power, and the end of the contract. Every page is checked for
 * sideways overflow and for untranslated keys, in Indonesian and in English.
 *
 * With README_SCREENSHOTS=1 the README's screenshots are written to docs/screenshots/ as well
 * (scripts/readme-screenshots.sh).
 */

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const README_SHOTS = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');

let harness: BrowserHarness;
let app: TestApp;

beforeAll(async () => {
  harness = await startBrowserHarness();
  app = harness.app;
}, 120_000);
afterAll(async () => {
  await harness?.close();
});

/** The README's pictures: only the viewport (small files), only when asked for. */
async function readmeShot(page: Page, name: string) {
  if (process.env.README_SCREENSHOTS !== '1') return;
  await page.waitForTimeout(400);
  fs.mkdirSync(README_SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(README_SHOTS, `${name}.png`) });
}

async function logIn(page: Page, user: TestUser) {
  await harness.logIn(page, user.username, user.password);
  await page.waitForURL(/\/admin\/my-orders$/);
}

/** A customer whose VPS order is confirmed and paid down, with its service made (local driver). */
async function customerWithService() {
  const customer = await completeCustomer(app);
  const order = await checkoutOrder(app, customer, 'vps-nvme-4', 12);
  await confirmSpkForTest(app, order.id);
  await payThroughSandbox(app, customer, order.id);
  const itemId = (await app.ok(`query($id: ID!) { order(id: $id) { items { id } } }`, { id: order.id }, customer.token)).order.items[0].id;
  const label = `srv-${customer.username.replace(/[^a-z0-9]/g, '').slice(-12)}`;
  await app.ok(`mutation($i: CreateServiceInput!) { createService(input: $i) { id } }`, { i: { orderItemId: itemId, label, osTemplate: 'ubuntu-24.04' } }, customer.token);
  return { customer, order, label };
}

async function proofPdf() {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Bukti transfer BCA 872 012 3456', { x: 50, y: 700, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

describe.each([
  ['laptop', LAPTOP],
  ['phone', PHONE],
] as const)('the customer portal on a %s', (device, viewport) => {
  it('belongs to the hosting company: login page, top bar, its own navigation, in both languages', async () => {
    const customer = await completeCustomer(app);
    await harness.inBrowser(
      `portal-frame-${device}`,
      async (page) => {
        // Before any script: the shell already names the company.
        const shell = await (await fetch(`${app.url}/admin/`)).text();
        expect(shell).toContain('PT Angsur Hosting Nusantara');
        expect(shell).not.toContain('__COMPANY_NAME__');

        await page.goto(`${app.url}/admin/login`);
        const brand = page.getByTestId('brand');
        await brand.getByText('PT Angsur Hosting Nusantara').waitFor({ timeout: 40_000 });
        expect(await brand.locator('img').getAttribute('src')).toBe('/branding/logo');
        await checkPage(page);
        await screenshot(page, `portal-login-${device}`);
        if (device === 'phone') await readmeShot(page, 'portal-login-phone');

        await logIn(page, customer);
        // The top bar names the company, readable on a phone (not squeezed to a sliver).
        const company = page.getByTestId('company-name');
        await company.waitFor();
        expect((await company.boundingBox())!.width).toBeGreaterThan(100);
        const nav = page.getByRole('navigation');
        for (const name of ['Katalog', 'Pesanan saya', 'Layanan saya', 'Profil']) await nav.getByRole('link', { name }).waitFor();
        // Not the staff console's frame: no side menu.
        expect(await page.locator('.RaSidebar-fixed, .RaLayout-appFrame').count()).toBe(0);
        const title = page.getByTestId('page-title');
        await title.getByText('Pesanan saya').waitFor();
        expect((await title.boundingBox())!.width).toBeGreaterThan(200);
        await checkPage(page);

        await switchTo(page, 'English');
        for (const name of ['Catalog', 'My orders', 'My services', 'Profile']) await nav.getByRole('link', { name }).waitFor();
        await checkPage(page);
        await switchTo(page, 'Bahasa Indonesia');
        await nav.getByRole('link', { name: 'Katalog' }).waitFor();
      },
      { viewport },
    );
  }, 120_000);

  it('makes paying clear: monthly amounts in the catalog, the first payment itemised, the company’s accounts and the exact amount, then the proof awaiting verification', async () => {
    const customer = await completeCustomer(app);
    const order = await checkoutOrder(app, customer, 'cloud-server-pro-8', 12);
    await confirmSpkForTest(app, order.id);
    const first = order.installments.find((i) => i.number === 0)!.amount;
    const rupiah = (amount: string) => `Rp ${BigInt(amount).toLocaleString('id-ID')}`;
    await harness.inBrowser(
      `portal-paying-${device}`,
      async (page) => {
        await logIn(page, customer);
        await page.getByRole('navigation').getByRole('link', { name: 'Katalog' }).click();
        const card = page.getByTestId('catalog-product').filter({ hasText: 'VPS NVMe 4' });
        await card.getByTestId('catalog-monthly').getByText('Rp 517.500/bulan').waitFor();
        await checkPage(page);
        await screenshot(page, `portal-catalog-${device}`);
        if (device === 'laptop') await readmeShot(page, 'portal-catalog');

        await page.goto(`${app.url}/admin/my-orders/${order.id}/show`);
        const breakdown = page.getByTestId('first-payment');
        await breakdown.getByText('Biaya setup').waitFor();
        expect(await breakdown.innerText()).toMatch(/Uang muka[\s\S]*Biaya setup\s*Rp 250\.000[\s\S]*Biaya admin\s*Rp 100\.000/);
        expect(await breakdown.getByTestId('first-payment-total').innerText()).toBe(rupiah(first));
        // The schedule reads as stacked rows on the page's own width.
        const rows = page.getByTestId('schedule-row');
        expect(await rows.count()).toBe(13);
        expect((await rows.first().boundingBox())!.width).toBeLessThanOrEqual(viewport.width);
        await checkPage(page);
        await screenshot(page, `portal-order-${device}`);
        if (device === 'laptop') await readmeShot(page, 'portal-order');
        if (device === 'phone') {
          // The schedule's heading just under the sticky top bar.
          await page.getByTestId('my-schedule').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 130));
          await readmeShot(page, 'portal-schedule-phone');
        }

        await page.getByRole('button', { name: 'Bayar', exact: true }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('radio', { name: /Transfer bank/ }).check();
        await dialog.getByRole('button', { name: `Bayar ${rupiah(first)}` }).click();
        const details = dialog.getByTestId('transfer-details');
        // The exact amount to send is the installment plus the payment's unique code (1-999 rupiah), which
        // lets the statement import match the transfer by itself.
        const exact = await details.getByTestId('transfer-amount').innerText();
        const sent = BigInt(exact.replace(/\D/g, ''));
        expect(sent >= BigInt(first) && sent < BigInt(first) + 1000n).toBe(true);
        // Said once: the unique code is explained under the amount, not in a second line repeating it.
        expect(await dialog.getByText(exact, { exact: true }).count()).toBe(1);
        expect(await dialog.getByTestId('transfer-exact').count()).toBe(0);
        await details.getByTestId('transfer-unique-code').getByText(`kode unik ${sent - BigInt(first)}`, { exact: false }).waitFor();
        const accounts = await details.getByTestId('bank-account').allInnerTexts();
        expect(accounts).toHaveLength(2);
        expect(accounts[0]).toMatch(/BCA[\s\S]*872 012 3456[\s\S]*PT Angsur Hosting Nusantara/);
        expect(accounts[1]).toMatch(/Bank Mandiri[\s\S]*124 00 0987654 3/);
        await details.getByText(/Tulis referensi \S+ di berita transfer/).waitFor();
        await checkPage(page);
        await screenshot(page, `portal-transfer-${device}`);

        await dialog.locator('input[type="file"]').setInputFiles({ name: 'bukti.pdf', mimeType: 'application/pdf', buffer: await proofPdf() });
        await dialog.waitFor({ state: 'hidden' });
        await page.getByTestId('proof-awaiting').getByText('sedang diperiksa Keuangan').waitFor();
        // No invitation to pay a second time while Finance checks the proof.
        expect(await page.getByRole('button', { name: 'Bayar', exact: true }).count()).toBe(0);
        await checkPage(page);

        await switchTo(page, 'English');
        await page.getByTestId('proof-awaiting').getByText('Finance is checking it').waitFor();
        await page.getByTestId('first-payment').getByText('Setup fee').waitFor();
        await checkPage(page);
      },
      { viewport },
    );
  }, 150_000);

  it('shows my services with the server, its power and the installments behind it; power actions ask first', async () => {
    const { customer, label } = await customerWithService();
    await harness.inBrowser(
      `portal-services-${device}`,
      async (page) => {
        await logIn(page, customer);
        await page.getByRole('navigation').getByRole('link', { name: 'Layanan saya' }).click();
        const card = page.getByTestId('my-service').filter({ hasText: label });
        const server = card.getByTestId('server-panel');
        await server.locator('[data-power="running"]').waitFor();
        expect(await server.getByTestId('server-ip').innerText()).toMatch(/^203\.0\.113\.\d+$/);
        await server.getByText(/^ssh root@203\.0\.113\.\d+$/).waitFor();
        expect(await server.getByRole('link', { name: 'Buka konsol' }).getAttribute('href')).toContain(`/hosting/${label}`);
        await card.getByTestId('service-installments').getByText(/Cicilan lancar\. Angsuran berikutnya Rp 517\.500/).waitFor();
        // Starting a running server is offered but explained as not possible now.
        expect(await server.getByRole('button', { name: 'Nyalakan' }).isDisabled()).toBe(true);
        await checkPage(page);
        await screenshot(page, `portal-services-${device}`);
        if (device === 'laptop') await readmeShot(page, 'portal-services');

        await server.getByRole('button', { name: 'Matikan' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByText('dimatikan paksa').waitFor();
        await dialog.getByRole('button', { name: 'Matikan' }).click();
        await page.getByText('Server dimatikan.').waitFor();
        await server.locator('[data-power="stopped"]').waitFor();
        await server.getByRole('button', { name: 'Nyalakan' }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Nyalakan' }).click();
        await server.locator('[data-power="running"]').waitFor();

        await switchTo(page, 'English');
        await server.getByText('Server power').waitFor();
        await card.getByTestId('service-installments').getByText(/Installments on time/).waitFor();
        await checkPage(page);
      },
      { viewport },
    );
  }, 150_000);

  it('at the end of the contract says what happens next and sends a renewal request', async () => {
    const { customer, order } = await customerWithService();
    await payOffThroughSandbox(app, customer, order.id);
    await harness.inBrowser(
      `portal-contract-end-${device}`,
      async (page) => {
        await logIn(page, customer);
        await page.goto(`${app.url}/admin/my-orders/${order.id}/show`);
        const panel = page.getByTestId('contract-end');
        await panel.getByText('Semua angsuran lunas').waitFor();
        await panel.getByText(/biaya perpanjangan bulanan/).waitFor();
        // Nothing owed: no "pay by" deadline and no pay button.
        expect(await page.getByText('Bayar paling lambat').count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Bayar', exact: true }).count()).toBe(0);
        await checkPage(page);
        await panel.getByRole('button', { name: 'Perpanjang layanan' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.locator('textarea').first().fill('Perpanjang 12 bulan lagi');
        await dialog.getByRole('button', { name: 'Perpanjang layanan' }).click();
        await page.getByText('Permintaan terkirim').waitFor();
        await panel.getByTestId('contract-requests').getByText('Perpanjangan').waitFor();
        expect(await panel.getByRole('button', { name: 'Perpanjang layanan' }).isDisabled()).toBe(true);
        await checkPage(page);
        await screenshot(page, `portal-contract-end-${device}`);
        await switchTo(page, 'English');
        await panel.getByText('Every installment is paid').waitFor();
        await checkPage(page);
      },
      { viewport },
    );
    const support = await app.createUser('SUPPORT');
    const tasks = (await app.ok(`{ staffTasks(status: OPEN, perPage: 100) { items { action instructions order { id } } } }`, {}, support.token)).staffTasks.items;
    expect(tasks.find((x: { order: { id: string } | null }) => x.order?.id === order.id)).toMatchObject({ action: 'contract', instructions: expect.stringContaining('Perpanjang 12 bulan lagi') });
  }, 150_000);
});

describe('the sandbox pay page', () => {
  it('carries the company, says the status in words and leads back to the order', async () => {
    const customer = await completeCustomer(app);
    const order = await checkoutOrder(app, customer, 'vps-nvme-4', 12);
    await confirmSpkForTest(app, order.id);
    const payment = (await app.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { redirectUrl } }`, { i: { orderId: order.id, method: 'GATEWAY' } }, customer.token)).createPayment;
    await harness.inBrowser(
      'portal-sandbox-page',
      async (page) => {
        await page.goto(payment.redirectUrl);
        await page.getByText('PT Angsur Hosting Nusantara').waitFor();
        await page.getByText('Menunggu pembayaran').waitFor();
        await checkPage(page);
        await page.getByRole('button', { name: 'Bayar (simulasi)' }).click();
        await page.getByText('Simulasi pembayaran berhasil').waitFor();
        await page.getByText(/^Lunas/).waitFor();
        expect(await page.getByRole('button', { name: 'Bayar (simulasi)' }).count()).toBe(0);
        await page.getByRole('link', { name: /Kembali ke pesanan/ }).click();
        await page.waitForURL(new RegExp(`/admin/(my-orders/${order.id}/show|login)$`));
      },
      { viewport: PHONE },
    );
  }, 90_000);
});
