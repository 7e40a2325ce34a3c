import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../support/app';
import { screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { adminSignedSpk } from '../support/spk';

/**
 * The customer's certified electronic signature (PSrE, sandbox provider) in a real browser: on the order
 * page the customer chooses "Tanda tangani secara elektronik (PSrE)" beside the upload, types the OTP the
 * sandbox shows, and sees the SPK signed; staff see the provider state on the SPK page and confirm.
 */

let harness: BrowserHarness;
let app: TestApp;
let support: TestUser;

beforeAll(async () => {
  harness = await startBrowserHarness();
  app = harness.app;
  support = await app.createUser('SUPPORT');
}, 120_000);
afterAll(async () => {
  await harness?.close();
});

describe('certified electronic signature in the browser', () => {
  it('the customer signs through the sandbox PSrE with the OTP; staff see it certified and confirm', { timeout: 300_000 }, async () => {
    const { c, spk, order } = await adminSignedSpk(app, support, 'id status');

    await harness.inBrowser('psre-customer', async (page) => {
      await harness.logIn(page, c.username, c.password);
      await page.waitForURL(/\/admin\/my-orders$/, { timeout: 40_000 });
      await page.goto(`${app.url}/admin/my-orders/${order.id}/show`);
      await page.getByTestId('psre-panel').waitFor({ timeout: 40_000 });
      // The print-sign-scan route stays beside it.
      await page.getByTestId('spk-upload').waitFor();
      await page.getByTestId('psre-start').click();
      const otpAlert = page.getByTestId('psre-sandbox-otp');
      await otpAlert.waitFor();
      const otp = /(\d{6})/.exec((await otpAlert.textContent()) ?? '')![1]!;
      await screenshot(page, 'psre-otp');
      await page.getByTestId('psre-otp').fill(otp);
      await page.getByTestId('psre-confirm').click();
      await page.getByTestId('psre-done').waitFor({ timeout: 120_000 });
      await page.locator('[data-status="CUSTOMER_SIGNED"]').first().waitFor();
      await screenshot(page, 'psre-signed');
    });

    await harness.inBrowser('psre-staff', async (page) => {
      await harness.logIn(page, support.username, support.password);
      await page.getByRole('menuitem', { name: 'Pesanan' }).waitFor({ timeout: 40_000 });
      await page.goto(`${app.url}/admin/spks/${spk.id}/show`);
      await page.getByTestId('spk-psre-state').filter({ hasText: 'Ditandatangani (tersertifikasi)' }).waitFor({ timeout: 40_000 });
      await screenshot(page, 'psre-staff');
    });

    const confirmed = await app.ok(`mutation($id: ID!) { confirmSpk(id: $id) { status } }`, { id: spk.id }, support.token);
    expect(confirmed.confirmSpk.status).toBe('CONFIRMED');
  });
});
