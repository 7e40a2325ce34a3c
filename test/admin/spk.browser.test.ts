import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../support/app';
import { screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { ShiftedClock } from '../support/clock';
import { completeCustomer, countersign, overdueCustomerWithService } from '../support/console-steps';
import { checkoutOrder, confirmSpkForTest, payThroughSandbox } from '../support/orders';

/**
 * The staff's SPK and overdue screens in a real browser against the real server: SUPPORT drafts the
 * SPK from the order page and takes it through review, e-Meterai + signature, the check of the
 * customer's signed upload (report and signature pages side by side) and confirmation; then handles
 * an overdue order: the notice with its WhatsApp link, suspension, and unsuspension with a deadline.
 */

const clock = new ShiftedClock();

let harness: BrowserHarness;
let app: TestApp;

beforeAll(async () => {
  harness = await startBrowserHarness({ clock });
  app = harness.app;
}, 120_000);
afterAll(async () => {
  await harness?.close();
});

/** The customer signs the admin-signed PDF digitally on top (an incremental update) and uploads it. */
async function uploadCountersigned(customer: TestUser, spk: { id: string; downloadUrl: string }) {
  const signed = new Uint8Array(await (await fetch(`${app.url}${spk.downloadUrl}`, { headers: { authorization: `Bearer ${customer.token}` } })).arrayBuffer());
  const countersigned = await countersign(signed);
  const res = await fetch(`${app.url}/files/spk/${spk.id}/signed`, { method: 'PUT', headers: { authorization: `Bearer ${customer.token}` }, body: new Uint8Array(countersigned) });
  expect(res.status).toBe(201);
}

const SPK_OF_ORDER = `query($id: ID!) { order(id: $id) { status spk { id status downloadUrl stampSerial } } }`;

describe('SPK and overdue handling in the browser', () => {
  it('takes an SPK from the order page through review, signing, the customer upload check and confirmation', async () => {
    clock.offsetDays = 0;
    const support = await app.createUser('SUPPORT');
    const customer = await completeCustomer(app);
    const order = await checkoutOrder(app, customer);

    await harness.inBrowser('spk-flow', async (page) => {
      await harness.logIn(page, support.username, support.password);
      await page.getByRole('menuitem', { name: 'Pesanan' }).waitFor({ timeout: 40_000 });
      await page.goto(`${app.url}/admin/orders/${order.id}/show/spk`);
      await page.getByText('Pesanan ini belum memiliki SPK.').waitFor();
      await page.getByRole('button', { name: 'Buat SPK' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('nama lengkap, NIK, alamat').waitFor();
      await dialog.getByRole('button', { name: 'Buat SPK' }).click();
      await page.getByText('Draf SPK dibuat.').waitFor();
      await page.getByTestId('order-spk-link').click();
      await page.waitForURL(/\/admin\/spks\/[^/]+\/show$/);
      await page.locator('[data-status="DRAFT"]').first().waitFor();
      await page.getByTestId('spk-pdf').waitFor();
      expect(await page.getByTestId('spk-pdf').getAttribute('data')).toMatch(/^blob:/);
      // Signing waits for the customer's approval: disabled, with the reason.
      expect(await page.getByRole('button', { name: 'Bubuhkan e-Meterai & tanda tangan' }).isDisabled()).toBe(true);
      await screenshot(page, 'spk-draft');

      await page.getByRole('button', { name: 'Kirim ke pelanggan' }).click();
      await dialog.getByRole('button', { name: 'Kirim ke pelanggan' }).click();
      await page.getByText('SPK dikirim ke pelanggan untuk ditinjau.').waitFor();
      await page.locator('[data-status="UNDER_REVIEW"]').first().waitFor();

      const spk = (await app.ok(SPK_OF_ORDER, { id: order.id }, support.token)).order.spk;
      await app.ok(`mutation($id: ID!) { approveSpk(id: $id) { id } }`, { id: spk.id }, customer.token);
      await page.reload();
      const sign = page.getByRole('button', { name: 'Bubuhkan e-Meterai & tanda tangan' });
      await page.locator('[data-status="APPROVED"]').first().waitFor();
      expect(await sign.isDisabled()).toBe(false);
      await sign.click();
      await dialog.getByRole('button', { name: 'Bubuhkan e-Meterai & tanda tangan' }).click();
      await page.getByText('e-Meterai dibubuhkan dan SPK ditandatangani.').waitFor();
      await page.locator('[data-status="ADMIN_SIGNED"]').first().waitFor();
      const serial = (await app.ok(SPK_OF_ORDER, { id: order.id }, support.token)).order.spk.stampSerial as string;
      expect(serial).toMatch(/^[A-Z0-9]{22}$/);
      await page.getByTestId('stamp-serial').filter({ hasText: serial }).waitFor();
      await screenshot(page, 'spk-admin-signed');

      await uploadCountersigned(customer, (await app.ok(SPK_OF_ORDER, { id: order.id }, support.token)).order.spk);
      await page.reload();
      await page.locator('[data-status="CUSTOMER_SIGNED"]').first().waitFor();
      await page.getByRole('tab', { name: 'Tanda tangan pelanggan' }).click();
      await page.locator('[data-testid="verdict"][data-verdict="DIGITALLY_SIGNED"]').waitFor();
      await page.getByTestId('customer-signature').filter({ hasText: 'Budi Pelanggan' }).waitFor();
      expect(await page.getByTestId('finding-admin-signature').getAttribute('data-ok')).toBe('true');
      expect(await page.getByTestId('finding-emeterai').getAttribute('data-ok')).toBe('true');
      await page.waitForFunction(() =>
        ['page-admin-signed', 'page-customer-signed'].every((id) => {
          const img = document.querySelector<HTMLImageElement>(`[data-testid="${id}"]`);
          return !!img && img.complete && img.naturalWidth > 800;
        }),
      );
      await screenshot(page, 'spk-verification');

      await page.getByRole('tab', { name: 'Versi dokumen' }).click();
      await page.locator('tbody tr', { hasText: 'Unggahan pelanggan' }).waitFor();
      await screenshot(page, 'spk-versions');

      await page.getByRole('button', { name: 'Konfirmasi SPK' }).click();
      await dialog.getByText('Tanda tangan digital pelanggan sah').waitFor();
      await dialog.getByRole('button', { name: 'Konfirmasi SPK' }).click();
      await page.getByText('SPK dikonfirmasi. Pesanan menunggu uang muka.').waitFor();
      await page.getByRole('tab', { name: 'Ringkasan' }).click();
      await page.locator('[data-status="CONFIRMED"]').first().waitFor();
      await page.getByRole('tab', { name: 'Riwayat' }).click();
      await page.locator('tbody tr', { hasText: 'Dikonfirmasi' }).first().waitFor();
      expect(await page.locator('tbody tr').count()).toBe(6); // created, sent, approved, signed, uploaded, confirmed
      await screenshot(page, 'spk-history');

      await page.goto(`${app.url}/admin/orders/${order.id}/show`);
      await page.locator('[data-status="AWAITING_DOWN_PAYMENT"]').first().waitFor();
      await page.getByRole('tab', { name: 'SPK' }).click();
      await page.getByTestId('order-spk-link').waitFor();
      await page.locator('[data-status="CONFIRMED"]').first().waitFor();
      await screenshot(page, 'spk-order-tab');

      // The SPK list exports what it shows: the confirmed SPK, in the "all" tab, as CSV.
      await page.goto(`${app.url}/admin/spks?filter=${encodeURIComponent('{}')}`);
      await page.locator('tbody tr', { hasText: order.number }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor' }).click()]);
      const csv = fs.readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
      expect(csv[0]).toBe('number,status,currentVersion,order,customer,phone,createdAt,updatedAt');
      expect(csv.find((line) => line.includes(order.number))).toMatch(/^SPK\/\d{4}\/\d{2}\/\d{6},CONFIRMED,3,/);
    });

    const after = (await app.ok(SPK_OF_ORDER, { id: order.id }, support.token)).order;
    expect(after).toMatchObject({ status: 'AWAITING_DOWN_PAYMENT', spk: { status: 'CONFIRMED' } });
  }, 180_000);

  it('sends the overdue notice with its WhatsApp link, suspends, and unsuspends with a deadline', async () => {
    // Bought 40 days ago with the down payment paid: installment 1 fell due about ten days ago.
    const { order, payUntil } = await overdueCustomerWithService(app, clock);
    const support = await app.createUser('SUPPORT');

    await harness.inBrowser('spk-overdue', async (page) => {
      await harness.logIn(page, support.username, support.password);
      await page.getByRole('menuitem', { name: 'Pesanan' }).waitFor({ timeout: 40_000 });
      await page.goto(`${app.url}/admin/orders?filter=${encodeURIComponent(JSON.stringify({ overdue: true }))}`);
      const row = page.locator('tbody tr', { hasText: order.number });
      await row.waitFor();
      // Installment 1 fell due a month after a purchase 40 days ago: 9 to 12 days, by the months' lengths.
      expect(await row.getByTestId('days-late').innerText()).toMatch(/^(9|1[0-2]) hari terlambat$/);
      expect(await row.locator('a[href^="https://wa.me/"]').count()).toBe(1);
      await screenshot(page, 'spk-overdue-list');

      await row.locator('td').first().click();
      await page.waitForURL(new RegExp(`/admin/orders/${order.id}/show$`));
      const dialog = page.getByRole('dialog');
      await page.getByRole('button', { name: 'Kirim pemberitahuan tunggakan' }).click();
      await dialog.getByRole('button', { name: 'Kirim pemberitahuan tunggakan' }).click();
      const result = page.getByTestId('overdue-notice-result');
      await result.waitFor();
      expect(await result.innerText()).toMatch(/: (9|1[0-2]) hari terlambat, tunggakan Rp [\d.]+\./);
      expect(await result.getByRole('link', { name: 'Buka WhatsApp' }).getAttribute('href')).toMatch(/^https:\/\/wa\.me\/62\d+\?text=/);
      await screenshot(page, 'spk-overdue-notice');

      // Not suspended yet: unsuspending says why it cannot.
      expect(await page.getByRole('button', { name: 'Aktifkan kembali' }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: 'Tangguhkan' }).click();
      await dialog.locator('textarea[name="reason"]').fill('Tunggakan lebih dari seminggu');
      await dialog.getByRole('button', { name: 'Tangguhkan' }).click();
      await page.getByText('Layanan pesanan ditangguhkan.').waitFor();
      await page.locator('[data-status="SUSPENDED"]').first().waitFor();

      await page.getByRole('button', { name: 'Aktifkan kembali' }).click();
      await dialog.locator('input[name="payUntil"]').fill(payUntil);
      await dialog.locator('textarea[name="reason"]').fill('Pelanggan berjanji membayar minggu ini');
      await screenshot(page, 'spk-unsuspend-dialog');
      await dialog.getByRole('button', { name: 'Aktifkan kembali' }).click();
      await page.getByText('Layanan pesanan aktif kembali.').waitFor();
      await page.locator('[data-status="ACTIVE"]').first().waitFor();

      await page.getByRole('tab', { name: 'Layanan' }).click();
      const history = page.getByTestId('suspension-history');
      await history.locator('tbody tr', { hasText: 'Tunggakan lebih dari seminggu' }).filter({ hasText: 'Ditangguhkan' }).waitFor();
      const unsuspended = history.locator('tbody tr', { hasText: 'Pelanggan berjanji membayar minggu ini' });
      expect(await unsuspended.innerText()).toContain('Diaktifkan kembali');
      await screenshot(page, 'spk-suspension-history');
    });

    const after = (await app.ok(`query($id: ID!) { order(id: $id) { status graceUntil lastOverdueNoticeAt services { suspensionHistory { action cause actorRole payUntil } } } }`, { id: order.id }, support.token)).order;
    expect(after).toMatchObject({ status: 'ACTIVE', graceUntil: payUntil });
    expect(after.lastOverdueNoticeAt).toBeTruthy();
    expect(after.services[0].suspensionHistory).toEqual([
      { action: 'SUSPEND', cause: 'NON_PAYMENT', actorRole: 'SUPPORT', payUntil: null },
      { action: 'UNSUSPEND', cause: null, actorRole: 'SUPPORT', payUntil },
    ]);
  }, 180_000);
});
