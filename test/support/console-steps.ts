import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { generateDevIdentity, signPdf } from '../../server/src/spk/document/sign';
import type { TestApp, TestUser } from './app';
import type { ShiftedClock } from './clock';
import { checkoutOrder, confirmSpkForTest, payThroughSandbox } from './orders';

/**
 * Steps people take in the web app, shared by the browser tests so that a flow reads as the story it
 * is (staff draft, the customer approves, ...) and a changed label is fixed in one place. Texts are
 * the Indonesian ones people see. Each step waits for the outcome the person would see.
 */

/** A customer whose profile has everything an SPK needs (NIK and address besides the sign-up data). */
export async function completeCustomer(app: TestApp): Promise<TestUser> {
  const customer = await app.createUser('CUSTOMER');
  await app.ok(
    `mutation($i: ProfileInput!) { updateMyProfile(input: $i) { id } }`,
    { i: { nik: '3171014501900001', address: 'Jl. Kebon Sirih No. 10, Jakarta Pusat' } },
    customer.token,
  );
  return customer;
}

/** What a customer with a certificate does to the admin-signed PDF: a digital signature on top (an incremental update). */
export async function countersign(pdf: Uint8Array, commonName = 'Budi Pelanggan', organization = 'PT Maju Bersama'): Promise<Uint8Array> {
  const identity = await generateDevIdentity({ commonName, organization });
  return signPdf(pdf, identity, {
    reason: 'Setuju',
    location: 'Jakarta',
    name: commonName,
    signingTime: new Date(),
    visible: { box: { page: 0, x: 40, y: 40, width: 160, height: 50 }, lines: [commonName] },
  });
}

/** Confirms the open dialog with its button of the same name as the one that opened it. */
async function clickAndConfirm(page: Page, name: string) {
  await page.getByRole('button', { name }).click();
  await page.getByRole('dialog').getByRole('button', { name }).click();
}

/** Staff, on the SPK page (admin/src/spk). */
export const staffSpk = {
  /** From the order's SPK tab: "Buat SPK", then on to the new SPK's page. */
  async createFromOrder(page: Page, app: TestApp, orderId: string) {
    await page.goto(`${app.url}/admin/orders/${orderId}/show/spk`);
    await page.getByText('Pesanan ini belum memiliki SPK.').waitFor();
    await clickAndConfirm(page, 'Buat SPK');
    await page.getByText('Draf SPK dibuat.').waitFor();
    await page.getByTestId('order-spk-link').click();
    await page.waitForURL(/\/admin\/spks\/[^/]+\/show$/);
    await page.locator('[data-status="DRAFT"]').first().waitFor();
  },
  async sendForReview(page: Page) {
    await clickAndConfirm(page, 'Kirim ke pelanggan');
    await page.getByText('SPK dikirim ke pelanggan untuk ditinjau.').waitFor();
    await page.locator('[data-status="UNDER_REVIEW"]').first().waitFor();
  },
  /** e-Meterai then the company's signature; the button only works once the customer approved. */
  async sign(page: Page) {
    const sign = page.getByRole('button', { name: 'Bubuhkan e-Meterai & tanda tangan' });
    expect(await sign.isDisabled()).toBe(false);
    await clickAndConfirm(page, 'Bubuhkan e-Meterai & tanda tangan');
    await page.getByText('e-Meterai dibubuhkan dan SPK ditandatangani.').waitFor();
    await page.locator('[data-status="ADMIN_SIGNED"]').first().waitFor();
  },
  async confirm(page: Page) {
    await clickAndConfirm(page, 'Konfirmasi SPK');
    await page.getByText('SPK dikonfirmasi. Pesanan menunggu uang muka.').waitFor();
  },
};

/** The customer, on the order page of the customer area (admin/src/customer/orders). */
export const customerSpk = {
  orderPage: (app: TestApp, orderId: string) => `${app.url}/admin/my-orders/${orderId}/show`,
  async approve(page: Page) {
    await page.getByTestId('spk-explanation').filter({ hasText: 'Periksa draf SPK' }).waitFor();
    await clickAndConfirm(page, 'Setujui');
    await page.getByText('SPK disetujui.').waitFor();
    // Now it is the staff's move: the page says so and offers nothing to approve again.
    await page.getByTestId('spk-explanation').filter({ hasText: 'Anda sudah menyetujui draf SPK' }).waitFor();
    expect(await page.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Minta perubahan' }).count()).toBe(0);
  },
  /** "Unduh SPK (PDF)": the bytes the browser saved. */
  async download(page: Page): Promise<Uint8Array> {
    await page.getByTestId('spk-explanation').filter({ hasText: 'Unduh, tanda tangani' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh SPK (PDF)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    return new Uint8Array(bytes);
  },
  /** Chooses the file in "Unggah SPK bertanda tangan"; waits for the server's verdict (accepted: waiting for the admin). */
  async upload(page: Page, pdf: Uint8Array) {
    await page.getByTestId('spk-upload').locator('input[type="file"]').setInputFiles({ name: 'spk-ditandatangani.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await page.getByTestId('spk-explanation').filter({ hasText: 'menunggu verifikasi admin' }).waitFor();
    await page.locator('[data-status="CUSTOMER_SIGNED"]').waitFor();
  },
};

/**
 * A customer who bought a VPS `daysAgo` days ago (the clock is moved back for the purchase), had the
 * SPK confirmed, paid the down payment and created the service: installment 1 is overdue today.
 * The customer's token is renewed in the present. Also returns a deadline a week ahead, as staff
 * would give for a second chance.
 */
export async function overdueCustomerWithService(app: TestApp, clock: ShiftedClock, daysAgo = 40) {
  clock.offsetDays = -daysAgo;
  const customer = await completeCustomer(app);
  const order = await checkoutOrder(app, customer);
  await confirmSpkForTest(app, order.id);
  await payThroughSandbox(app, customer, order.id);
  const itemId = (await app.ok(`query($id: ID!) { order(id: $id) { items { id } } }`, { id: order.id }, customer.token)).order.items[0].id;
  const label = `web-${order.number.slice(-6).toLowerCase()}`;
  const { hostingUrl } = (
    await app.ok(`mutation($i: CreateServiceInput!) { createService(input: $i) { hostingUrl } }`, { i: { orderItemId: itemId, label, osTemplate: 'ubuntu-24.04' } }, customer.token)
  ).createService as { hostingUrl: string };
  clock.offsetDays = 0;
  customer.token = (await app.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: customer.username, password: customer.password } })).login.accessToken;
  const payUntil = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() + 7 * 86_400_000));
  return { customer, order, label, hostingUrl, payUntil };
}
