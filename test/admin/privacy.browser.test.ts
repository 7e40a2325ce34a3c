import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../support/app';
import { FIRST_RENDER_TIMEOUT, screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser';

/**
 * Two-factor sign-in and personal data in the browser: a staff member sets up the authenticator from the
 * user menu and signs in again with a code; a customer downloads their data and asks for erasure, and
 * SUPPORT sees it in the queue with its deadline.
 */
let harness: BrowserHarness;
let app: TestApp;

beforeAll(async () => {
  harness = await startBrowserHarness();
  app = harness.app;
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

// The code of the next 30-second step: still accepted (one step of drift), and never the step the
// enrolment just used, which the server refuses as a replay.
const nextCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

describe('two-factor sign-in in the browser', () => {
  it('sets up the authenticator from the user menu, then signs in with password and code', async () => {
    const support = await app.createUser('SUPPORT');
    await harness.inBrowser('2fa-enrol-login', async (page) => {
      await harness.logIn(page, support.username, support.password);
      await page.getByRole('menuitem', { name: 'Pesanan' }).waitFor({ timeout: FIRST_RENDER_TIMEOUT });
      await page.getByRole('button', { name: 'Profil' }).click();
      await page.getByRole('menuitem', { name: 'Verifikasi dua langkah' }).click();
      const dialog = page.getByRole('dialog', { name: 'Verifikasi dua langkah' });
      await dialog.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' }).waitFor();
      const secret = (await dialog.getByTestId('totp-secret').innerText()).trim();
      await screenshot(page, '2fa-enrol');
      await dialog.locator('input[name="code"]').fill(await generate({ secret }));
      await dialog.getByRole('button', { name: 'Aktifkan' }).click();
      await dialog.getByTestId('recovery-codes').waitFor();
      expect(await dialog.getByTestId('recovery-codes').locator('li').count()).toBe(10);
      await dialog.getByRole('button', { name: 'Sudah saya simpan, lanjutkan' }).click();
      // The tab holds the new two-factor session: the app keeps working.
      await page.getByRole('menuitem', { name: 'Pesanan' }).click();
      await page.waitForURL(/\/admin\/orders/);

      await page.evaluate(() => localStorage.removeItem('angsur.session'));
      await harness.logIn(page, support.username, support.password);
      await page.getByText('Buka aplikasi autentikator').waitFor();
      await page.locator('input[name="code"]').fill('000000');
      await page.getByRole('button', { name: 'Verifikasi' }).click();
      await page.getByText('Kode verifikasi salah atau sudah dipakai.').waitFor();
      await page.locator('input[name="code"]').fill(await nextCode(secret));
      await page.getByRole('button', { name: 'Verifikasi' }).click();
      await page.getByRole('menuitem', { name: 'Pesanan' }).waitFor();
      await screenshot(page, '2fa-signed-in');
    });
    const [row] = await app.app.orm.em.fork().getConnection().execute(`select mfa from refresh_tokens where user_id = ? order by created_at desc limit 1`, [support.id]);
    expect(row.mfa).toBe(true);
  }, 120_000);
});

describe('personal data in the browser', () => {
  it('a customer downloads their data and asks for erasure; SUPPORT sees it in the queue', async () => {
    const customer = await app.createUser('CUSTOMER');
    await harness.inBrowser('privacy-customer', async (page) => {
      await harness.logIn(page, customer.username, customer.password);
      await page.waitForURL(/\/admin\/(my-orders|$)/, { timeout: FIRST_RENDER_TIMEOUT });
      await page.goto(`${app.url}/admin/profile`);
      const card = page.getByTestId('my-data');
      await card.waitFor({ timeout: FIRST_RENDER_TIMEOUT });
      const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Unduh (JSON)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^data-pribadi-\d{4}-\d{2}-\d{2}\.json$/);
      await card.locator('textarea[name="details"]').fill('Saya berhenti berlangganan');
      await card.getByRole('button', { name: 'Minta penghapusan' }).click();
      await card.getByTestId('my-privacy-requests').getByText('Penghapusan').waitFor();
      await card.getByText('Diproses').waitFor();
      await screenshot(page, 'privacy-customer');
    });
    const support = await app.createUser('SUPPORT');
    await harness.inBrowser('privacy-queue', async (page) => {
      await harness.logIn(page, support.username, support.password);
      await page.getByRole('menuitem', { name: 'Data pribadi' }).click({ timeout: FIRST_RENDER_TIMEOUT });
      const row = page.getByTestId('privacy-queue').locator('tr', { hasText: 'Saya berhenti berlangganan' });
      await row.waitFor();
      expect(await row.innerText()).toContain('Penghapusan');
      // Erasure is ADMIN's: SUPPORT may only refuse it, with a reason.
      expect(await row.getByRole('button', { name: 'Hapus data pribadi' }).count()).toBe(0);
      await screenshot(page, 'privacy-queue');
    });
  }, 120_000);
});
