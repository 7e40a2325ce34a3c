import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app';
import { screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { ShiftedClock } from '../support/clock';
import { completeCustomer, countersign, customerSpk, overdueCustomerWithService, staffSpk } from '../support/console-steps';
import { checkoutOrder } from '../support/orders';

/**
 * The two stories the web app exists for, with both people at their own screens at the same time
 * (two browser sessions side by side, nothing done for them through the API):
 *
 * 1. The SPK: an admin drafts it from the customer's order and sends it; the customer approves; the
 *    admin stamps and signs; the customer downloads, signs and uploads it; the admin confirms. The
 *    customer's services page said "SPK belum diconfirm admin" until then, and no longer does.
 * 2. Arrears: a customer whose installment is overdue chooses to suspend; the hosting page goes dark;
 *    an admin unsuspends with a deadline to pay; the hosting page is back.
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

const SPK_NOTICE = 'SPK belum diconfirm admin';

describe('the web app, staff and customer together', () => {
  it('takes an SPK from draft to confirmation, each side in its own browser, and the services page drops the notice', async () => {
    clock.offsetDays = 0;
    const admin = await app.createUser('ADMIN');
    const customer = await completeCustomer(app);
    const order = await checkoutOrder(app, customer);

    await harness.inBrowser('flow-spk-admin', async (staff) => {
      await harness.inBrowser('flow-spk-customer', async (buyer) => {
        await harness.logIn(buyer, customer.username, customer.password);
        await buyer.waitForURL(/\/admin\/my-orders$/, { timeout: 40_000 });
        await buyer.getByRole('navigation').getByRole('link', { name: 'Layanan saya' }).click();
        const item = buyer.getByTestId('serviceable-item').filter({ hasText: order.number });
        await item.getByText(SPK_NOTICE).waitFor();
        await screenshot(buyer, 'flow-spk-services-before');

        await harness.logIn(staff, admin.username, admin.password);
        await staff.getByText('Selamat datang').waitFor({ timeout: 40_000 });
        await staffSpk.createFromOrder(staff, app, order.id);
        await staffSpk.sendForReview(staff);

        await buyer.goto(customerSpk.orderPage(app, order.id));
        await customerSpk.approve(buyer);

        await staff.reload();
        await staffSpk.sign(staff);
        await screenshot(staff, 'flow-spk-signed');

        await buyer.reload();
        const signed = await customerSpk.download(buyer);
        await customerSpk.upload(buyer, await countersign(signed));
        await buyer.getByTestId('spk-notice').filter({ hasText: SPK_NOTICE }).waitFor();

        await staff.reload();
        await staff.locator('[data-status="CUSTOMER_SIGNED"]').first().waitFor();
        await staff.getByRole('tab', { name: 'Tanda tangan pelanggan' }).click();
        await staff.locator('[data-testid="verdict"][data-verdict="DIGITALLY_SIGNED"]').waitFor();
        await screenshot(staff, 'flow-spk-verification');
        await staffSpk.confirm(staff);

        // The customer's side: the notice is gone everywhere, and the next step is the down payment.
        await buyer.reload();
        await buyer.locator('[data-status="CONFIRMED"]').waitFor();
        expect(await buyer.getByTestId('spk-notice').count()).toBe(0);
        await buyer.getByRole('navigation').getByRole('link', { name: 'Layanan saya' }).click();
        await item.getByText('uang muka', { exact: false }).waitFor();
        expect(await item.getByText(SPK_NOTICE).count()).toBe(0);
        await screenshot(buyer, 'flow-spk-services-after');
      });
    });

    const after = (await app.ok(`query($id: ID!) { order(id: $id) { status spk { status history { toStatus actorRole } } } }`, { id: order.id }, customer.token)).order;
    expect(after.status).toBe('AWAITING_DOWN_PAYMENT');
    expect(after.spk.status).toBe('CONFIRMED');
    // Who did each step: the admin drafted, sent, signed and confirmed; the customer approved and uploaded.
    expect(after.spk.history.map((e: { toStatus: string; actorRole: string }) => `${e.toStatus}:${e.actorRole}`)).toEqual([
      'DRAFT:ADMIN',
      'UNDER_REVIEW:ADMIN',
      'APPROVED:CUSTOMER',
      'ADMIN_SIGNED:ADMIN',
      'CUSTOMER_SIGNED:CUSTOMER',
      'CONFIRMED:ADMIN',
    ]);
  }, 240_000);

  it('lets an overdue customer suspend, shows it on the hosting page, and an admin unsuspends with a deadline', async () => {
    // Bought 40 days ago with the down payment paid and the VPS running: installment 1 is now overdue.
    const { customer, order, hostingUrl, payUntil } = await overdueCustomerWithService(app, clock);
    const admin = await app.createUser('ADMIN');

    await harness.inBrowser('flow-overdue-customer', async (buyer) => {
      await harness.logIn(buyer, customer.username, customer.password);
      await buyer.waitForURL(/\/admin\/my-orders$/, { timeout: 40_000 });
      await buyer.goto(customerSpk.orderPage(app, order.id));
      const panel = buyer.getByTestId('arrears-panel');
      await panel.getByRole('button', { name: 'Bayar tunggakan' }).waitFor();
      await panel.getByRole('button', { name: 'Tangguhkan layanan' }).click();
      await buyer.getByRole('dialog').getByRole('button', { name: 'Tangguhkan layanan' }).click();
      await buyer.getByText('Layanan ditangguhkan.').waitFor();
      await screenshot(buyer, 'flow-overdue-suspended');
      await buyer.goto(hostingUrl);
      await buyer.getByText('Layanan ditangguhkan').first().waitFor();
      await screenshot(buyer, 'flow-overdue-hosting-off');
    });
    expect((await fetch(hostingUrl)).status).toBe(403);

    await harness.inBrowser('flow-overdue-admin', async (staff) => {
      await harness.logIn(staff, admin.username, admin.password);
      await staff.getByText('Selamat datang').waitFor({ timeout: 40_000 });
      await staff.goto(`${app.url}/admin/orders/${order.id}/show`);
      await staff.locator('[data-status="SUSPENDED"]').first().waitFor();
      await staff.getByRole('button', { name: 'Aktifkan kembali' }).click();
      const dialog = staff.getByRole('dialog');
      await dialog.locator('input[name="payUntil"]').fill(payUntil);
      await dialog.locator('textarea[name="reason"]').fill('Pelanggan meminta kesempatan membayar');
      await dialog.getByRole('button', { name: 'Aktifkan kembali' }).click();
      await staff.getByText('Layanan pesanan aktif kembali.').waitFor();
      await staff.getByRole('tab', { name: 'Layanan' }).click();
      const history = staff.getByTestId('suspension-history');
      await history.locator('tbody tr', { hasText: 'Pelanggan meminta kesempatan membayar' }).waitFor();
      await screenshot(staff, 'flow-overdue-unsuspended');
      await staff.goto(hostingUrl);
      await staff.getByText('Layanan hosting aktif').waitFor();
    });

    const after = (
      await app.ok(`query($id: ID!) { order(id: $id) { status graceUntil services { status suspensionHistory { action cause actorRole payUntil } } } }`, { id: order.id }, await app.adminToken())
    ).order;
    expect(after).toMatchObject({ status: 'ACTIVE', graceUntil: payUntil, services: [{ status: 'ACTIVE' }] });
    expect(after.services[0].suspensionHistory).toEqual([
      { action: 'SUSPEND', cause: 'CUSTOMER_CHOICE', actorRole: 'CUSTOMER', payUntil: null },
      { action: 'UNSUSPEND', cause: null, actorRole: 'ADMIN', payUntil },
    ]);
  }, 240_000);
});
