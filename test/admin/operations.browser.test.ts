import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../server/src/common/time';
import { signSandboxEvent } from '../../server/src/payments/gateways';
import { type TestApp } from '../support/app';
import { expectNoHorizontalOverflow, FIRST_RENDER_TIMEOUT, screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { checkoutOrder, confirmSpkForTest, payThroughSandbox } from '../support/orders';

/**
 * The operations that had no screen, in a real browser against the real server: an ADMIN runs the
 * daily billing pass from the installments list and reads what it did; FINANCE finds gateway money
 * that was not applied (an amount mismatch reported by the sandbox webhook) with its amounts in
 * rupiah, on the dashboard and in the anomalies list; a staff member logs out of every device and
 * the old refresh token is dead. Setup in test/support/browser.ts.
 */

const DAY = 86_400_000;
/** Real time shifted by `offset`: the billing data is made in the past, then the clock comes back to now. */
const clock = { offset: 0, now() { return new Date(Date.now() + this.offset); } } satisfies Clock & { offset: number };

let harness: BrowserHarness;
let app: TestApp;

const rupiah = (digits: string) => `Rp ${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
const PASS_COUNTS = ['statusChanges', 'feesChanged', 'reminders', 'staffNotices', 'graceExpired'] as const;

beforeAll(async () => {
  // An order bought 40 days ago whose down payment was paid then: its first monthly installment is
  // now about ten days late, and no billing pass has run since.
  clock.offset = -40 * DAY;
  harness = await startBrowserHarness({ clock });
  app = harness.app;
  const customer = await app.createUser('CUSTOMER');
  const order = await checkoutOrder(app, customer, 'vps-nvme-4', 12);
  await confirmSpkForTest(app, order.id);
  await payThroughSandbox(app, customer, order.id);
  clock.offset = 0;
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

describe('operations in the browser', () => {
  it('lets an ADMIN run the billing pass from the installments list and read its summary', async () => {
    await harness.inBrowser('ops-billing-pass', async (page) => {
      await harness.logIn(page, 'admin', app.adminPassword);
      await page.getByRole('menuitem', { name: 'Angsuran' }).waitFor({ timeout: FIRST_RENDER_TIMEOUT });
      await page.getByRole('menuitem', { name: 'Angsuran' }).click();
      await page.waitForURL(/\/admin\/installments/);
      await page.getByTestId('installment-owed').first().waitFor();

      // The dialog says what the pass does before anything happens.
      await page.getByRole('button', { name: 'Jalankan penagihan sekarang' }).click();
      const dialog = page.getByRole('dialog', { name: 'Jalankan penagihan harian sekarang?' });
      await dialog.getByText('Aman dijalankan dua kali').waitFor();
      await dialog.getByText('tepat satu kali', { exact: false }).waitFor();
      // A dry run on the server shows what the pass would do; nothing is written or sent before confirming.
      await dialog.getByText('Pratinjau untuk hari ini', { exact: false }).waitFor();
      const previewed: Record<string, string | null> = {};
      for (const key of PASS_COUNTS) previewed[key] = await dialog.getByTestId(`billing-pass-preview-${key}`).locator('td').textContent();
      await screenshot(page, 'ops-billing-pass-confirm');
      await dialog.getByRole('button', { name: 'Jalankan penagihan sekarang' }).click();

      // The summary is what the API did, as the audit log recorded it.
      const summary = page.getByTestId('billing-pass-summary');
      await summary.waitFor();
      // The toast hides after a few seconds: looked for first, before the slower checks below.
      await page.getByText('Penagihan harian selesai.').waitFor();
      const recorded = (
        await app.ok(`{ auditLog(filter: { action: "billing.pass" }, perPage: 1) { items { data } } }`, {}, await app.adminToken())
      ).auditLog.items[0].data as Record<(typeof PASS_COUNTS)[number], number> & { date: string; suspendedOrders: string[] };
      expect(previewed).toEqual(Object.fromEntries(PASS_COUNTS.map((key) => [key, String(recorded[key])]))); // the preview was exact
      expect(recorded.statusChanges).toBeGreaterThanOrEqual(1); // the late installment became OVERDUE
      expect(recorded.reminders).toBeGreaterThanOrEqual(1); // and its customer was reminded
      const [year, month, day] = recorded.date.split('-').map(Number);
      const title = new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(Date.UTC(year!, month! - 1, day!));
      await page.getByRole('dialog', { name: `Hasil penagihan ${title}` }).waitFor();
      for (const key of PASS_COUNTS) {
        await expect.poll(() => page.getByTestId(`billing-pass-${key}`).locator('td').textContent()).toBe(String(recorded[key]));
      }
      expect(recorded.suspendedOrders).toEqual([]);
      await expect.poll(() => page.getByTestId('billing-pass-suspendedOrders').locator('td').textContent()).toBe('Tidak ada');
      await screenshot(page, 'ops-billing-pass-summary');
      await page.getByRole('button', { name: 'Tutup' }).click();
      await summary.waitFor({ state: 'detached' });

      // The refreshed list shows the late installment; a second pass changes nothing.
      await page.getByTestId('quick-overdue').click();
      await expect.poll(() => page.getByTestId('installment-owed').count()).toBe(1);
      const again = (await app.ok(`mutation { runBillingPass { statusChanges feesChanged reminders staffNotices } }`, {}, await app.adminToken())).runBillingPass;
      expect(again).toEqual({ statusChanges: 0, feesChanged: 0, reminders: 0, staffNotices: 0 });
    });
  }, 120_000);

  it('shows FINANCE a gateway amount mismatch with its amounts in rupiah', async () => {
    const finance = await app.createUser('FINANCE');
    const customer = await app.createUser('CUSTOMER');
    const order = await checkoutOrder(app, customer);
    await confirmSpkForTest(app, order.id);
    const payment = (
      await app.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { reference amount } }`, { i: { orderId: order.id, method: 'GATEWAY' } }, customer.token)
    ).createPayment as { reference: string; amount: string };
    // The gateway says Rp 1.000 arrived for it: not applied, recorded as an anomaly.
    const { rawBody, headers } = signSandboxEvent(app.app.services.sandboxPaymentSecret, {
      reference: payment.reference,
      providerReference: null,
      status: 'SETTLED',
      amount: 1_000n,
      eventId: `short-${payment.reference}`,
    });
    const res = await fetch(`${app.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) });
    expect(((await res.json()) as { outcome: string }).outcome).toBe('anomaly');

    await harness.inBrowser('ops-anomalies', async (page) => {
      await harness.logIn(page, finance.username, finance.password);
      // The dashboard's money section counts it and links to the list.
      await page.getByTestId('count-unresolved-anomalies').filter({ hasText: '1' }).waitFor({ timeout: FIRST_RENDER_TIMEOUT });
      await screenshot(page, 'ops-anomalies-dashboard');
      await page.getByText('Anomali pembayaran belum diselesaikan').click();
      await page.waitForURL(/\/admin\/paymentAnomalies/);
      await page.getByRole('tab', { name: /Belum diselesaikan/, selected: true }).waitFor();

      const row = page.locator('tr').filter({ has: page.getByTestId('anomaly-reference').filter({ hasText: payment.reference }) });
      await row.waitFor();
      await row.getByText('Jumlah tidak sesuai').waitFor();
      await row.getByText('Sandbox').waitFor();
      expect(await row.getByTestId('anomaly-expected').textContent()).toBe(rupiah(payment.amount));
      expect(await row.getByTestId('anomaly-received').textContent()).toBe('Rp 1.000');
      await row.getByText(`kurang ${rupiah(String(BigInt(payment.amount) - 1_000n))}`).waitFor();
      // The gateway's notification, readable: its fields as they arrived.
      const details = row.getByTestId('anomaly-details');
      await details.getByText(`short-${payment.reference}`).waitFor();
      await details.getByText('eventId').waitFor();
      await screenshot(page, 'ops-anomalies-list');

      // "Semua" lists it too, with how it was resolved (not yet); the menu entry sits under payments.
      await page.getByRole('tab', { name: /Semua/ }).click();
      await page.waitForURL(/unresolved%22%3Afalse|unresolved":false/);
      await row.getByText('Belum diselesaikan').waitFor();
      await screenshot(page, 'ops-anomalies-all');
      await page.getByRole('menuitem', { name: 'Anomali pembayaran' }).waitFor();

      // FINANCE records what was done with the money: the row shows it as resolved, with the note.
      await row.getByRole('button', { name: 'Selesaikan' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('textarea[name="reason"]').fill('Rp 1.000 dikembalikan lewat dasbor gateway');
      await dialog.getByRole('button', { name: 'Selesaikan' }).click();
      await page.getByText('Anomali diselesaikan.').waitFor();
      await row.getByText('Catatan: Rp 1.000 dikembalikan lewat dasbor gateway').waitFor();
      expect(await row.getByRole('button', { name: 'Selesaikan' }).count()).toBe(0);
      await expectNoHorizontalOverflow(page);
      await screenshot(page, 'ops-anomalies-resolved');

      // FINANCE does not run the billing pass.
      await page.getByRole('menuitem', { name: 'Angsuran' }).click();
      await page.waitForURL(/\/admin\/installments/);
      await page.getByRole('button', { name: 'Ekspor' }).waitFor();
      expect(await page.getByRole('button', { name: 'Jalankan penagihan sekarang' }).count()).toBe(0);
    });
    const anomalies = (await app.ok(`{ paymentAnomalies(unresolved: false) { items { reference resolution resolvedAt } } }`, {}, await app.adminToken())).paymentAnomalies.items;
    expect(anomalies.find((a: { reference: string }) => a.reference === payment.reference)).toMatchObject({ resolution: 'Rp 1.000 dikembalikan lewat dasbor gateway' });
  }, 120_000);

  it('logs a staff member out of every device and kills the old refresh token', async () => {
    const support = await app.createUser('SUPPORT');
    // Another device's session of the same account, through the API.
    expect((await app.gql(`{ me { id } }`, {}, support.token)).errors).toBeUndefined();

    await harness.inBrowser('ops-logout-everywhere', async (page) => {
      await harness.logIn(page, support.username, support.password);
      await page.getByRole('menuitem', { name: 'Pesanan' }).waitFor({ timeout: FIRST_RENDER_TIMEOUT });
      // SUPPORT sees neither the anomalies nor the billing pass.
      expect(await page.getByRole('menuitem', { name: 'Anomali pembayaran' }).count()).toBe(0);
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('angsur.session') ?? 'null') as { refreshToken: string } | null);
      expect(stored?.refreshToken).toBeTruthy();

      await page.getByRole('button', { name: 'Profil' }).click();
      await page.getByRole('menuitem', { name: 'Keluar dari semua perangkat' }).click();
      const dialog = page.getByRole('dialog', { name: 'Keluar dari semua perangkat?' });
      await dialog.getByText('di semua perangkat lain', { exact: false }).waitFor();
      await screenshot(page, 'ops-logout-everywhere-confirm');
      await dialog.getByRole('button', { name: 'Keluar dari semua' }).click();

      await page.waitForURL(/\/admin\/login/);
      await page.locator('input[name="username"]').waitFor();
      expect(await page.evaluate(() => localStorage.getItem('angsur.session'))).toBeNull();
      await screenshot(page, 'ops-logout-everywhere-login');

      // The browser's refresh token and the other device's access token no longer work.
      const refreshed = await app.gql(`mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }`, { t: stored!.refreshToken });
      expect(refreshed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const other = await app.gql(`{ me { id } }`, {}, support.token);
      expect(other.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const otherRefresh = await app.gql(`mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }`, { t: support.refreshToken });
      expect(otherRefresh.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  }, 120_000);
});
