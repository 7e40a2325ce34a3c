import fs from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { type TestApp, type TestUser } from '../support/app';
import { expectNoHorizontalOverflow, screenshot, withBrowserAndSupport, type BrowserHarness } from '../support/browser';
import { TravelClock } from '../support/clock';
import { completeCustomer, countersign } from '../support/console-steps';
import { checkoutOrder, confirmSpkForTest, payThroughSandbox } from '../support/orders';

/**
 * The customer area in a real browser against the real server: a customer buys a VPS from the
 * catalog, goes through the SPK (approve, download, upload the signed copy) while staff act through
 * the API, pays the down payment on the sandbox pay page and creates the VPS; a new customer signs up
 * and fills in the profile; then, on a phone, a customer in arrears follows the hosting page's link to
 * the order, chooses to suspend, and the hosting page goes dark. The server's clock is a
 * TravelClock starting now, so the second test can move a month and a half ahead.
 */

const clock = new TravelClock(new Date().toISOString());
let harness: BrowserHarness;
let app: TestApp;
let support: TestUser;
withBrowserAndSupport({ clock }, (f) => ({ harness, app, support } = f));
const inBrowser: BrowserHarness['inBrowser'] = (...args) => harness.inBrowser(...args);
const logIn: BrowserHarness['logIn'] = (...args) => harness.logIn(...args);

const PHONE = { width: 390, height: 844 };
const SPK = `id status downloadUrl`;
const staffAct = (mutation: string, id: string) => app.ok(`mutation($id: ID!) { ${mutation}(id: $id) { ${SPK} } }`, { id }, support.token);

const orderPage = (id: string) => `${app.url}/admin/my-orders/${id}/show`;

describe('the customer area in the browser', () => {
  it('buys a VPS: catalog, quote, cart, checkout, SPK approval and signed upload, online down payment, the VPS and its hosting page', async () => {
    const customer = await completeCustomer(app);
    let orderId = '';
    await inBrowser('customer-purchase', async (page) => {
      await logIn(page, customer.username, customer.password);
      await page.waitForURL(/\/admin\/my-orders$/);

      // Katalog: the VPS tab, the product, the 12-month plan and its full schedule.
      await page.getByRole('navigation').getByRole('link', { name: 'Katalog' }).click();
      await page.getByRole('tab', { name: 'VPS' }).click();
      const card = page.getByTestId('catalog-product').filter({ hasText: 'VPS NVMe 4' });
      await card.waitFor();
      expect(await card.innerText()).toContain('Rp 6.000.000');
      await screenshot(page, 'customer-catalog');
      await card.click();
      await page.getByTestId('product-price').filter({ hasText: 'Rp 6.000.000' }).waitFor();
      await page.getByRole('radio', { name: /12 bulan/ }).check();
      const quote = page.getByTestId('installment-quote');
      await quote.getByTestId('quote-lines').waitFor();
      await quote.getByText('Rp 700.000').first().waitFor();
      expect(await quote.locator('tbody tr').count()).toBe(13); // the down payment and 12 monthly installments
      await screenshot(page, 'customer-quote');
      await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
      await page.getByText('Ditambahkan ke keranjang.').waitFor();

      // Keranjang -> checkout -> the new order, not payable until the SPK is confirmed.
      await page.getByRole('link', { name: 'Lihat keranjang' }).click();
      await page.waitForURL(/\/admin\/cart$/);
      const line = page.getByTestId('cart-line').filter({ hasText: 'VPS NVMe 4' });
      await line.getByTestId('cart-line-quote').getByText('Rp 700.000').waitFor();
      await screenshot(page, 'customer-cart');
      await page.getByRole('button', { name: 'Checkout' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Checkout' }).click();
      await page.waitForURL(/\/admin\/my-orders\/[^/]+\/show$/);
      orderId = /my-orders\/([^/]+)\/show/.exec(page.url())![1]!;
      await page.getByTestId('spk-notice').filter({ hasText: 'SPK belum diconfirm admin' }).waitFor();
      expect(await page.getByRole('button', { name: 'Bayar', exact: true }).isDisabled()).toBe(true);
      await screenshot(page, 'customer-order-new');

      // Staff draft the SPK and send it for review; the customer approves it here.
      const drafted = (await app.ok(`mutation($o: ID!) { createSpk(orderId: $o) { ${SPK} } }`, { o: orderId }, support.token)).createSpk;
      await staffAct('submitSpkForReview', drafted.id);
      await page.reload();
      await page.getByTestId('spk-explanation').filter({ hasText: 'Periksa draf SPK' }).waitFor();
      await page.getByRole('button', { name: 'Setujui' }).click();
      await screenshot(page, 'customer-spk-approve-dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'Setujui' }).click();
      await page.getByText('SPK disetujui.').waitFor();

      // Staff stamp and sign; the customer downloads the PDF, signs it and uploads it.
      const signed = (await staffAct('signSpk', drafted.id)).signSpk;
      expect(signed.status).toBe('ADMIN_SIGNED');
      await page.reload();
      await page.getByTestId('spk-explanation').filter({ hasText: 'Unduh, tanda tangani' }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh SPK (PDF)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const downloaded = fs.readFileSync((await download.path())!);
      expect(downloaded.subarray(0, 5).toString()).toBe('%PDF-');

      // Someone else's document first: the server's own words show under the button, nothing is stored.
      const foreign = await PDFDocument.create();
      foreign.addPage().drawText('Perjanjian PT Lain, kode dokumen SPK-ZZZZZZZZZZ', { x: 50, y: 700, size: 12, font: await foreign.embedFont(StandardFonts.Helvetica) });
      const fileInput = page.getByTestId('spk-upload').locator('input[type="file"]');
      await fileInput.setInputFiles({ name: 'spk-lain.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await foreign.save()) });
      await page.getByTestId('upload-error').filter({ hasText: 'bukan SPK yang kami kirim' }).waitFor();
      // A picture is refused before it is sent.
      await fileInput.setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
      await page.getByTestId('upload-error').filter({ hasText: 'Jenis berkas tidak diterima' }).waitFor();
      await screenshot(page, 'customer-spk-upload-refused');

      const countersigned = await countersign(new Uint8Array(downloaded), 'Budi Pelanggan', 'Perorangan');
      await fileInput.setInputFiles({ name: 'spk-ditandatangani.pdf', mimeType: 'application/pdf', buffer: Buffer.from(countersigned) });
      await page.getByTestId('spk-explanation').filter({ hasText: 'menunggu verifikasi admin' }).waitFor();
      await page.locator('[data-status="CUSTOMER_SIGNED"]').waitFor();
      await screenshot(page, 'customer-spk-uploaded');

      // Staff confirm: the notice is gone and the down payment is paid online on the sandbox page.
      await staffAct('confirmSpk', drafted.id);
      await page.reload();
      await page.locator('[data-status="CONFIRMED"]').waitFor();
      expect(await page.getByTestId('spk-notice').count()).toBe(0);
      await page.getByRole('button', { name: 'Bayar', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Tagihan saat ini: Rp 700.000').waitFor();
      await screenshot(page, 'customer-pay-dialog');
      await dialog.getByRole('button', { name: 'Bayar Rp 700.000' }).click();
      await page.waitForURL(/\/payments\/sandbox\//);
      await page.getByText('SANDBOX').first().waitFor();
      await page.getByRole('button', { name: 'Bayar (simulasi)' }).click();
      await page.getByText('Simulasi pembayaran berhasil').waitFor();
      await page.goto(orderPage(orderId));
      await page.locator('[data-status="ACTIVE"]').first().waitFor();
      await page.getByTestId('my-payments').locator('[data-status="SETTLED"]').waitFor();
      expect(await page.getByTestId('summary-paid-count').innerText()).toContain('1 dari 13');
      await screenshot(page, 'customer-order-paid');

      // Layanan saya: the VPS from the order item, then its hosting page.
      await page.getByRole('navigation').getByRole('link', { name: 'Layanan saya' }).click();
      const item = page.getByTestId('serviceable-item').filter({ hasText: 'VPS NVMe 4' });
      await item.getByRole('button', { name: 'Buat layanan' }).click();
      const create = page.getByRole('dialog');
      const label = `web-${customer.username.replace(/[^a-z0-9]/g, '').slice(-12)}`;
      await create.locator('input[name="label"]').fill(label);
      await create.getByRole('combobox').click();
      await page.getByRole('option', { name: 'Ubuntu 24.04 LTS' }).click();
      await screenshot(page, 'customer-service-create');
      await create.getByRole('button', { name: 'Buat layanan' }).click();
      await page.getByText('Layanan dibuat.').waitFor();
      const service = page.getByTestId('my-service').filter({ hasText: label });
      await service.locator('[data-status="ACTIVE"]').waitFor();
      await screenshot(page, 'customer-services');
      const hosting = await service.getByRole('link', { name: 'Buka halaman hosting' }).getAttribute('href');
      expect(hosting).toMatch(new RegExp(`/hosting/${label}$`));
      await page.goto(hosting!);
      await page.getByText('Layanan hosting aktif').waitFor();
    });

    const after = (await app.ok(`query($id: ID!) { order(id: $id) { status spk { status } services { status } } }`, { id: orderId }, customer.token)).order;
    expect(after).toEqual({ status: 'ACTIVE', spk: { status: 'CONFIRMED' }, services: [{ status: 'ACTIVE' }] });
  }, 180_000);

  it('signs a new customer up, with the API refusing a taken email on its field, then completes the profile', async () => {
    const existing = await app.createUser('CUSTOMER');
    const username = `baru${Date.now().toString(36)}`;
    const password = 'kata-sandi-baru-123';
    await inBrowser('customer-register', async (page) => {
      await page.goto(`${app.url}/admin/login`);
      await page.getByRole('link', { name: 'Daftar' }).click();
      await page.waitForURL(/\/admin\/register$/);
      await page.locator('input[name="fullName"]').fill('Siti Rahayu');
      await page.locator('input[name="email"]').fill(`${existing.username}@example.co.id`);
      await page.locator('input[name="phone"]').fill('0813 1111 2222');
      await page.locator('input[name="username"]').fill(username);
      await page.locator('input[name="password"]').fill(password);
      await page.getByRole('button', { name: 'Daftar' }).click();
      await page.getByText('Email sudah terdaftar.').waitFor();
      await screenshot(page, 'customer-register-refused');
      await page.locator('input[name="email"]').fill(`${username}@example.co.id`);
      await page.getByRole('button', { name: 'Daftar' }).click();
      await page.waitForURL(/\/admin\/my-orders$/);
      await page.getByText('Belum ada pesanan').waitFor();

      // Profil: the phone as people read it; a NIK the API refuses is explained under its input.
      await page.getByRole('navigation').getByRole('link', { name: 'Profil' }).click();
      expect(await page.locator('input[name="phone"]').inputValue()).toBe('+62 813-1111-2222');
      await page.locator('input[name="nik"]').fill('1234567890123456');
      await page.locator('textarea[name="address"]').fill('Jl. Merdeka No. 1, Bandung');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('NIK harus 16 digit angka').waitFor();
      await screenshot(page, 'customer-profile-refused');
      await page.locator('input[name="nik"]').fill('3171014501900001');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Profil disimpan.').waitFor();
      await screenshot(page, 'customer-profile');
    });
    const token = (await app.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: username, password } })).login.accessToken;
    const me = (await app.ok(`{ me { role fullName phone nik address } }`, {}, token)).me;
    expect(me).toEqual({ role: 'CUSTOMER', fullName: 'Siti Rahayu', phone: '+6281311112222', nik: '3171014501900001', address: 'Jl. Merdeka No. 1, Bandung' });
  }, 90_000);

  it('on a phone, a customer in arrears sees the choice and suspends; the hosting page then says so', async () => {
    const customer = await completeCustomer(app);
    const order = await checkoutOrder(app, customer, 'vps-nvme-4', 12);
    await confirmSpkForTest(app, order.id);
    // The down payment, settled through the sandbox webhook as the pay page would.
    await payThroughSandbox(app, customer, order.id);
    const itemId = (await app.ok(`query($id: ID!) { order(id: $id) { items { id } } }`, { id: order.id }, customer.token)).order.items[0].id;
    const label = `late-${customer.username.replace(/[^a-z0-9]/g, '').slice(-12)}`;
    const service = (
      await app.ok(`mutation($i: CreateServiceInput!) { createService(input: $i) { hostingUrl } }`, { i: { orderItemId: itemId, label, osTemplate: 'ubuntu-24.04' } }, customer.token)
    ).createService;

    // Six weeks later installment 1 is past due and unpaid.
    clock.advanceDays(45);
    await inBrowser(
      'customer-phone-arrears',
      async (page) => {
        await logIn(page, customer.username, customer.password);
        await page.waitForURL(/\/admin\/my-orders$/);
        await page.getByText(order.number).waitFor();
        await page.getByText(/Tunggakan: Rp /).first().waitFor();
        await expectNoHorizontalOverflow(page);
        await screenshot(page, 'customer-phone-orders');

        // The hosting page of the late order offers the same choice; its link opens the order page.
        await page.goto(service.hostingUrl);
        await page.getByText('Tagihan lewat jatuh tempo').waitFor();
        await page.getByRole('link', { name: 'Tangguhkan' }).click();
        await page.waitForURL(new RegExp(`/admin/my-orders/${order.id}/show$`));
        const panel = page.getByTestId('arrears-panel');
        await panel.waitFor();
        expect(await panel.innerText()).toMatch(/Tunggakan Rp [\d.]+ pada pesanan/);
        await panel.getByRole('button', { name: 'Bayar tunggakan' }).waitFor();
        await expectNoHorizontalOverflow(page);
        await screenshot(page, 'customer-phone-arrears');

        await panel.getByRole('button', { name: 'Tangguhkan layanan' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByText('Semua layanan hosting pesanan ini akan dimatikan').waitFor();
        await screenshot(page, 'customer-phone-suspend-dialog');
        await dialog.getByRole('button', { name: 'Tangguhkan layanan' }).click();
        await page.getByText('Layanan ditangguhkan.').waitFor();
        await page.locator('[data-status="SUSPENDED"]').first().waitFor();
        await page.getByTestId('arrears-panel').getByText('sedang ditangguhkan').waitFor();
        await screenshot(page, 'customer-phone-suspended');

        // The other screens fit the phone too; the service shows as suspended.
        await page.goto(`${app.url}/admin/my-services`);
        await page.getByTestId('my-service').filter({ hasText: label }).locator('[data-status="SUSPENDED"]').waitFor();
        await expectNoHorizontalOverflow(page);
        await screenshot(page, 'customer-phone-services');
        for (const [path, text] of [
          ['catalog', 'VPS NVMe 4'],
          ['profile', 'Data diri'],
          ['cart', 'Keranjang Anda masih kosong'],
        ] as const) {
          await page.goto(`${app.url}/admin/${path}`);
          await page.getByText(text).first().waitFor();
          await expectNoHorizontalOverflow(page);
          await screenshot(page, `customer-phone-${path}`);
        }

        await page.goto(service.hostingUrl);
        await page.getByText('Layanan ditangguhkan').first().waitFor();
      },
      { viewport: PHONE },
    );
    const off = await fetch(service.hostingUrl);
    expect(off.status).toBe(403);
    expect(await off.text()).toContain('Layanan ditangguhkan');
    // The customer's token is from before the time travel; the admin's is renewed.
    const after = (await app.ok(`query($id: ID!) { order(id: $id) { status services { status suspensionCause } } }`, { id: order.id }, await app.adminToken())).order;
    expect(after).toEqual({ status: 'SUSPENDED', services: [{ status: 'SUSPENDED', suspensionCause: 'CUSTOMER_CHOICE' }] });
  }, 180_000);
});
