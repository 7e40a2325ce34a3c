import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, type TestUser } from '../support/app';
import { screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { checkoutOrder, confirmSpkForTest } from '../support/orders';

/**
 * The order and payment screens in a real browser against the real server: FINANCE verifies a bank
 * transfer from the queue (proof shown inline, settled through the confirmation dialog) and sees the
 * order turn active with its down payment paid; SUPPORT hands the order to a colleague; an ADMIN
 * reads the same pages in English, and sees an order in arrears highlighted. Setup in
 * test/support/browser.ts.
 */

/** A 1×1 PNG, as in test/payments/payments.test.ts. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082',
  'hex',
);

let harness: BrowserHarness;
let app: TestApp;
const inBrowser: BrowserHarness['inBrowser'] = (...args) => harness.inBrowser(...args);
const logIn: BrowserHarness['logIn'] = (...args) => harness.logIn(...args);

const ORDER = `query($id: ID!) { order(id: $id) { status assignedTo { id fullName } installments { number status paidAmount } } }`;

interface Fixture {
  customer: TestUser;
  order: Awaited<ReturnType<typeof checkoutOrder>>;
  payment: { id: string; reference: string; amount: string };
}

/** A customer's order with a confirmed SPK and a bank transfer for installment 0 whose proof is uploaded. */
async function orderWithTransfer(): Promise<Fixture> {
  const customer = await app.createUser('CUSTOMER');
  const order = await checkoutOrder(app, customer);
  await confirmSpkForTest(app, order.id);
  const payment = (
    await app.ok<{ createPayment: Fixture['payment'] }>(
      `mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id reference amount } }`,
      { i: { orderId: order.id, method: 'BANK_TRANSFER', amount: order.installments[0]!.amount } },
      customer.token,
    )
  ).createPayment;
  const upload = await fetch(`${app.url}/files/payments/${payment.id}/proof`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${customer.token}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(PNG),
  });
  expect(upload.status).toBe(201);
  return { customer, order, payment };
}

let fixture: Fixture;

beforeAll(async () => {
  harness = await startBrowserHarness();
  app = harness.app;
  fixture = await orderWithTransfer();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('orders and payments in the browser', () => {
  it('lets FINANCE verify a bank transfer from the queue and see the order become active', async () => {
    const finance = await app.createUser('FINANCE');
    const { order, payment } = fixture;
    await inBrowser('finance-settle', async (page) => {
      await logIn(page, finance.username, finance.password);
      await page.getByText('Pembayaran menunggu verifikasi').waitFor();
      await page.getByTestId('count-awaiting-verification').filter({ hasText: '1' }).waitFor();
      await screenshot(page, 'dashboard-work');

      // The queue is the default tab; the row is the customer's transfer with its proof.
      await page.getByRole('menuitem', { name: 'Pembayaran', exact: true }).click();
      await page.waitForURL(/\/admin\/payments/);
      await page.getByRole('tab', { name: /Menunggu verifikasi/, selected: true }).waitFor();
      const row = page.locator('tbody tr', { hasText: payment.reference });
      await row.waitFor();
      const rowText = (await row.innerText()).replace(/\s+/g, ' ');
      expect(rowText).toContain(order.number);
      expect(rowText).toContain('Rp 700.000');
      expect(rowText).toContain('Transfer bank');
      expect(rowText).toContain('Bukti transfer ada');
      expect(rowText).toContain('Menunggu');
      await screenshot(page, 'payments-queue');

      // The CSV export goes through fetch with the token, not a link carrying it.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^pembayaran-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(fs.readFileSync((await download.path())!, 'utf8')).toContain(payment.reference);

      await row.locator('td').first().click();
      await page.waitForURL(new RegExp(`/admin/payments/${payment.id}/show$`));
      const proof = page.getByTestId('payment-proof');
      await proof.waitFor();
      await page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('[data-testid="payment-proof"]');
        return !!img && img.complete && img.naturalWidth === 1;
      });
      expect(await proof.getAttribute('src')).toMatch(/^blob:/);
      await screenshot(page, 'payment-show');

      await page.getByRole('button', { name: 'Terima pembayaran' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Pastikan transfer Rp 700.000').waitFor();
      await screenshot(page, 'payment-settle-dialog');
      await dialog.getByRole('button', { name: 'Terima pembayaran' }).click();
      await page.getByText('Pembayaran diterima dan dialokasikan ke angsuran.').waitFor();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('[data-status="SETTLED"]', { hasText: 'Diterima' }).first().waitFor();
      await page.getByTestId('allocations').getByText('Uang muka: Rp 700.000').waitFor();
      // Settled: nothing left to settle or reject; refund is now possible.
      expect(await page.getByRole('button', { name: 'Terima pembayaran' }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Refund' }).isDisabled()).toBe(false);
      await screenshot(page, 'payment-settled');

      // The order: active, installment 0 paid; FINANCE cannot hand it over.
      await page.getByRole('link', { name: order.number }).click();
      await page.waitForURL(new RegExp(`/admin/orders/${order.id}/show$`));
      await page.locator('[data-status="ACTIVE"]', { hasText: 'Aktif' }).first().waitFor();
      expect(await page.getByTestId('summary-paid-count').innerText()).toContain('1 dari 13');
      expect(await page.getByRole('button', { name: 'Serahkan ke staf lain' }).isDisabled()).toBe(true);
      await screenshot(page, 'order-summary');

      await page.getByRole('tab', { name: 'Jadwal angsuran' }).click();
      const downPayment = page.locator('tbody tr', { hasText: 'Uang muka' });
      await downPayment.waitFor();
      const downPaymentText = (await downPayment.innerText()).replace(/\s+/g, ' ');
      expect(downPaymentText).toContain('Lunas');
      expect(downPaymentText).toContain('Rp 700.000');
      const first = page.locator('tbody tr').filter({ has: page.getByText('Angsuran ke-1', { exact: true }) });
      expect(await first.innerText()).toContain('Belum lunas');
      await screenshot(page, 'order-installments');

      await page.getByRole('tab', { name: 'Pembayaran' }).click();
      await page.locator('tbody tr', { hasText: payment.reference }).getByText('Uang muka: Rp 700.000').waitFor();
      await screenshot(page, 'order-payments');
    });

    const after = (await app.ok(ORDER, { id: order.id }, finance.token)).order;
    expect(after.status).toBe('ACTIVE');
    expect(after.installments[0]).toMatchObject({ number: 0, status: 'PAID', paidAmount: '700000' });
  }, 120_000);

  it('lets SUPPORT hand the order to another staff member through the dialog', async () => {
    const support = await app.createUser('SUPPORT');
    const colleague = await app.createUser('SUPPORT');
    const colleagueName = (await app.ok(`query($id: ID!) { user(id: $id) { fullName } }`, { id: colleague.id }, support.token)).user.fullName as string;
    const { order } = fixture;
    await inBrowser('support-assign', async (page) => {
      await logIn(page, support.username, support.password);
      await page.getByText('Pesanan menunggak').waitFor();

      await page.getByRole('menuitem', { name: 'Pesanan' }).click();
      await page.waitForURL(/\/admin\/orders/);
      const row = page.locator('tbody tr', { hasText: order.number });
      await row.waitFor();
      expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('Belum ditugaskan');
      await screenshot(page, 'orders-list');

      await row.locator('td').first().click();
      await page.waitForURL(new RegExp(`/admin/orders/${order.id}/show$`));
      await page.getByTestId('assignee').filter({ hasText: 'Belum ditugaskan' }).waitFor();
      // The order is active: too late to cancel, and the button says why.
      expect(await page.getByRole('button', { name: 'Batalkan pesanan' }).isDisabled()).toBe(true);

      await page.getByRole('button', { name: 'Serahkan ke staf lain' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox').click();
      await page.getByRole('option', { name: new RegExp(colleagueName) }).click();
      await screenshot(page, 'order-assign-dialog');
      await dialog.getByRole('button', { name: 'Serahkan ke staf lain' }).click();
      await page.getByText('Pesanan sudah diserahkan.').waitFor();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('assignee').filter({ hasText: colleagueName }).waitFor();
      await screenshot(page, 'order-assigned');

      // The order's history is the order's own timeline (not the audit log, which only ADMIN reads): SUPPORT
      // reads the handover there as a sentence naming the colleague.
      await page.getByRole('tab', { name: 'Riwayat' }).click();
      await page.getByTestId('order-history').locator('[data-action="order.assign"]').getByText(`menyerahkan pesanan ${order.number} kepada ${colleagueName}`).waitFor();

      await page.getByRole('menuitem', { name: 'Pesanan' }).click();
      await page.locator('tbody tr', { hasText: order.number }).filter({ hasText: colleagueName }).waitFor();
    });

    const after = (await app.ok(ORDER, { id: order.id }, support.token)).order;
    expect(after.assignedTo).toEqual({ id: colleague.id, fullName: colleagueName });
  }, 120_000);

  it('shows the same pages to an ADMIN in English, with the order history', async () => {
    const admin = await app.createUser('ADMIN');
    const { order, payment } = fixture;
    await inBrowser('admin-english', async (page) => {
      await logIn(page, admin.username, admin.password);
      await page.getByText('Selamat datang').waitFor();
      await page.getByRole('button', { name: /Bahasa Indonesia/i }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByText('Payments awaiting verification').waitFor();
      await screenshot(page, 'en-dashboard');

      await page.goto(`${app.url}/admin/orders/${order.id}/show`);
      await page.locator('[data-status="ACTIVE"]', { hasText: 'Active' }).first().waitFor();
      await screenshot(page, 'en-order-summary');
      await page.getByRole('tab', { name: 'Items' }).click();
      await page.getByText('Plan terms as sold').waitFor();
      await screenshot(page, 'en-order-items');
      await page.getByRole('tab', { name: 'Installment schedule' }).click();
      expect(await page.locator('tbody tr', { hasText: 'Down payment' }).innerText()).toContain('Paid');
      await screenshot(page, 'en-order-installments');
      await page.getByRole('tab', { name: 'History' }).click();
      const history = page.getByTestId('order-history');
      await history.locator('[data-action="order.assign"]').getByText(/assigned order \S+ to /).waitFor();
      await history.locator('[data-action="order.checkout"]').getByText(/ordered .*: order \S+/).waitFor();
      await screenshot(page, 'en-order-history');

      await page.getByRole('menuitem', { name: 'Payments' }).click();
      await page.getByRole('tab', { name: 'All' }).click();
      await page.locator('tbody tr', { hasText: payment.reference }).filter({ hasText: 'Settled' }).waitFor();
      await screenshot(page, 'en-payments-all');
      await page.locator('tbody tr', { hasText: payment.reference }).locator('td').first().click();
      await page.getByTestId('payment-proof').waitFor();
      await screenshot(page, 'en-payment-show');

      // A refund needs a reason: the dialog's button stays disabled until one is typed. Cancelled here.
      await page.getByRole('button', { name: 'Refund' }).click();
      const dialog = page.getByRole('dialog');
      const confirm = dialog.getByRole('button', { name: 'Refund' });
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.locator('textarea[name="reason"]').fill('Customer paid twice');
      expect(await confirm.isDisabled()).toBe(false);
      await screenshot(page, 'en-payment-refund-dialog');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    });
    expect((await app.ok(`query($id: ID!) { payment(id: $id) { status } }`, { id: payment.id }, admin.token)).payment.status).toBe('SETTLED');
  }, 120_000);

  it('shows orders in arrears: the dashboard count, the filtered list in red and the overdue rows highlighted', async () => {
    const admin = await app.createUser('ADMIN');
    const customer = await app.createUser('CUSTOMER');
    const late = await checkoutOrder(app, customer);
    await confirmSpkForTest(app, late.id);
    // As if the order had been placed 45 days ago: the down payment and installment 1 are past due.
    await app.app.orm.em
      .fork()
      .getConnection()
      .execute(`update installments set due_date = due_date - 45 where order_id = ?`, [late.id]);
    await inBrowser('admin-arrears', async (page) => {
      await logIn(page, admin.username, admin.password);
      await page.getByTestId('count-overdue-orders').filter({ hasText: '1' }).waitFor();
      await page.getByText('Pesanan menunggak').click();
      await page.waitForURL(/\/admin\/orders\?/);
      const row = page.locator('tbody tr', { hasText: late.number });
      await row.waitFor();
      expect(await page.locator('tbody tr').count()).toBe(1); // the active order paid on time is not in arrears
      const arrears = row.getByTestId('arrears');
      expect(await arrears.innerText()).toBe('Rp 1.217.500');
      expect(await arrears.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(211, 47, 47)');
      await screenshot(page, 'orders-overdue');

      await row.locator('td').first().click();
      await page.getByRole('tab', { name: 'Jadwal angsuran' }).click();
      await page.locator('tbody tr [data-status="OVERDUE"]').first().waitFor();
      expect(await page.locator('tbody tr [data-status="OVERDUE"]').count()).toBe(2);
      const overdueRow = page.locator('tbody tr').filter({ has: page.getByText('Uang muka', { exact: true }) });
      expect(await overdueRow.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
      expect(await overdueRow.innerText()).toContain('Terlambat');
      await screenshot(page, 'order-overdue-installments');
    });
  }, 120_000);
});
