import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJakarta } from '../../server/src/common/time';
import { StatementSource } from '../../server/src/payments/statements/statement-line.entity';
import { provisionVirtualAccounts } from '../../server/src/payments/virtual-accounts';
import { type TestApp } from '../support/app';
import { FIRST_RENDER_TIMEOUT, screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { checkoutOrder, confirmSpkForTest } from '../support/orders';
import { statementFile } from '../payments/statement-files';

/**
 * Payment channels in the browser: the customer sees the order's virtual account and the QRIS option;
 * FINANCE imports a statement and reconciles a transfer sent without its unique code.
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

describe('payment channels in the browser', () => {
  it("the customer's order page shows the order's virtual account and offers QRIS", async () => {
    const customer = await app.createUser('CUSTOMER');
    const order = await checkoutOrder(app, customer);
    await confirmSpkForTest(app, order.id);
    await app.app.orm.em.fork().transactional((tx) => app.app.services.events.emit(tx, 'spk.confirmed', { spkId: randomUUID(), orderId: order.id, customerId: customer.id }));
    await provisionVirtualAccounts(app.app.orm.em.fork(), { clock: app.app.services.clock, gateway: app.app.services.gateway });
    const [va] = await app.app.orm.em.fork().getConnection().execute(`select number from virtual_accounts where order_id = ?`, [order.id]);
    await harness.inBrowser('channels-customer-va', async (page) => {
      await harness.logIn(page, customer.username, customer.password);
      await page.waitForURL(/\/admin\/my-orders/, { timeout: FIRST_RENDER_TIMEOUT });
      await page.goto(`${app.url}/admin/my-orders/${order.id}/show`);
      await page.getByTestId('va-number').waitFor({ timeout: FIRST_RENDER_TIMEOUT });
      expect(await page.getByTestId('va-number').innerText()).toContain(va.number);
      await page.getByRole('button', { name: /Bayar/ }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Bayar dengan QRIS').check();
      await dialog.getByRole('button', { name: /Bayar Rp/ }).click();
      await dialog.getByTestId('qris-code').waitFor();
      await screenshot(page, 'channels-customer-qris');
    });
  }, 120_000);

  it('FINANCE imports a statement; a transfer sent without its code is matched from the suggestion', async () => {
    const finance = await app.createUser('FINANCE');
    const customer = await app.createUser('CUSTOMER');
    const order = await checkoutOrder(app, customer);
    await app.app.orm.em.fork().getConnection().execute(`update orders set customer_name = 'Siti Aminah' where id = ?`, [order.id]);
    await confirmSpkForTest(app, order.id);
    const created = await app.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id amount } }`, { i: { orderId: order.id, method: 'BANK_TRANSFER' } }, customer.token);
    const payment = created.createPayment as { id: string; amount: string };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mutasi-')), 'mutasi-bni.csv');
    fs.writeFileSync(file, statementFile(StatementSource.BNI, [{ date: todayJakarta(app.app.services.clock), amount: BigInt(payment.amount), name: 'SITI AMINAH' }]));

    await harness.inBrowser('channels-reconciliation', async (page) => {
      await harness.logIn(page, finance.username, finance.password);
      await page.getByRole('menuitem', { name: 'Rekonsiliasi' }).click({ timeout: FIRST_RENDER_TIMEOUT });
      await page.waitForURL(/\/admin\/reconciliation/);
      await page.getByLabel('Format').click();
      await page.getByRole('option', { name: 'BNI' }).click();
      await page.locator('input[name="statement"]').setInputFiles(file);
      await page.getByTestId('import-result').waitFor();
      expect(await page.getByTestId('import-result').innerText()).toContain('perlu dicek 1');
      const line = page.getByTestId('statement-line').filter({ hasText: 'SITI AMINAH' });
      await line.getByText('tanpa kode unik').waitFor();
      await screenshot(page, 'channels-reconciliation-list');
      await line.getByRole('button', { name: /Cocokkan/ }).click();
      await page.getByText('Transfer dicatat lunas.').waitFor();
      await line.waitFor({ state: 'detached' });
    });
    const after = await app.ok(`query($id: ID!) { payment(id: $id) { status } }`, { id: payment.id }, finance.token);
    expect(after.payment.status).toBe('SETTLED');
  }, 120_000);
});
