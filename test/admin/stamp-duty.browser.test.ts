import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJakarta } from '../../server/src/common/time';
import type { TestApp, TestUser } from '../support/app';
import { checkPage, FIRST_RENDER_TIMEOUT, screenshot, startBrowserHarness, switchLanguage, type BrowserHarness } from '../support/browser';
import { checkoutOrder, confirmSpkForTest } from '../support/orders';

/**
 * Pajak → Bea Meterai in a real browser: ADMIN sees the month's report and the ledger (a customer-borne
 * SPK stamp), records a quota purchase and downloads the report CSV, in Indonesian and English;
 * FINANCE reads the page without the purchase button.
 */

let harness: BrowserHarness;
let app: TestApp;
let finance: TestUser;

beforeAll(async () => {
  harness = await startBrowserHarness({ env: { STAMP_DUTY_BORNE_BY: 'CUSTOMER', STAMP_QUOTA: '3', STAMP_QUOTA_LOW: '1' } });
  app = harness.app;
  finance = await app.createUser('FINANCE');
  // One SPK e-Meterai for a customer's order, as the SPK flow announces it.
  const customer = await app.createUser('CUSTOMER');
  const order = await checkoutOrder(app, customer, 'cloud-server-pro-8', 12);
  await confirmSpkForTest(app, order.id);
  const s = app.app.services;
  await s.orm.em.fork().transactional((tx) =>
    s.events.emit(tx, 'stampDuty.used', { documentKind: 'SPK', documentId: randomUUID(), documentNumber: 'SPK/TEST/1', serial: 'SERIALBROWSER000000001', provider: 'sandbox', amount: 10_000n, orderId: order.id, customerId: customer.id }),
  );
}, 180_000);
afterAll(async () => {
  await harness?.close();
});

describe('Bea Meterai page', () => {
  it('ADMIN sees the report and ledger, records a purchase and downloads the CSV; FINANCE only reads', { timeout: 300_000 }, async () => {
    const month = todayJakarta(app.app.services.clock).slice(0, 7);

    await harness.inBrowser('stamp-duty-admin', async (page) => {
      await harness.logIn(page, 'admin', app.adminPassword);
      await page.getByRole('menuitem', { name: 'Bea Meterai' }).click({ timeout: FIRST_RENDER_TIMEOUT });
      await page.waitForURL(/\/admin\/stampDutyLedger/);
      await page.getByTestId('stamp-duty-report').filter({ hasText: '1 e-Meterai, Rp 10.000' }).waitFor();
      await page.getByText('SPK, ditanggung Pelanggan: 1 (Rp 10.000)').waitFor();
      await page.getByText('SERIALBROWSER000000001').waitFor();
      await page.getByTestId('stamp-duty-quota').filter({ hasText: 'Sisa 2 dari 3' }).waitFor();
      await checkPage(page);
      await screenshot(page, 'stamp-duty-ledger');

      await page.getByTestId('stamp-purchase-record').click();
      await page.locator('input[name="quantity"]').fill('50');
      await page.locator('input[name="pricePerStamp"]').fill('10500');
      await page.locator('input[name="reference"]').fill('INV/DIST/77');
      await screenshot(page, 'stamp-duty-purchase');
      await page.getByTestId('stamp-purchase-save').click();
      await page.getByTestId('stamp-purchases').getByText('INV/DIST/77').waitFor();
      await page.getByTestId('stamp-duty-quota').filter({ hasText: 'Sisa 52 dari 53' }).waitFor();
      await page.getByTestId('stamp-duty-quota-month').filter({ hasText: 'dibeli 50 (Rp 525.000)' }).waitFor();

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Laporan bea meterai (CSV)' }).click()]);
      const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/);
      expect(csv).toContain(`${month},used,SPK,CUSTOMER,1,10000`);
      expect(csv).toContain(`${month},quota_purchased,,,50,525000`);

      await switchLanguage(page, 'English');
      await page.getByText('SPK, borne by Customer: 1 (Rp 10.000)').waitFor();
      await page.getByTestId('stamp-purchase-record').filter({ hasText: 'Record a purchase' }).waitFor();
      await checkPage(page);
      await screenshot(page, 'stamp-duty-ledger-en');
    });

    await harness.inBrowser('stamp-duty-finance', async (page) => {
      await harness.logIn(page, finance.username, finance.password);
      await page.getByRole('menuitem', { name: 'Bea Meterai' }).click({ timeout: FIRST_RENDER_TIMEOUT });
      await page.getByTestId('stamp-purchases').getByText('INV/DIST/77').waitFor();
      expect(await page.getByTestId('stamp-purchase-record').count()).toBe(0);
    });
  });
});
