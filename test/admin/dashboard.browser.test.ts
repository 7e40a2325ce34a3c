import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBillingPass } from '../../server/src/billing/billing-pass';
import { type TestApp, type TestUser } from '../support/app';
import { expectNoHorizontalOverflow, FIRST_RENDER_TIMEOUT, screenshot, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { ShiftedClock } from '../support/clock';
import { checkoutOrder, confirmSpkForTest, payThroughSandbox } from '../support/orders';

/**
 * The dashboard, the installments list and the notification bell in a real browser against the real
 * server: an order bought 100 days ago that has paid only its down payment (three installments late,
 * with late fees from the billing pass) and a partial payment made today. The page's figures must be
 * the API's, the overdue quick filter must list exactly the late installments, and a notification
 * created while the page is open must reach the bell without a reload.
 */

/** The data is made in the past, then the clock comes back to now. */
const clock = new ShiftedClock();

let harness: BrowserHarness;
let app: TestApp;
let customer: TestUser;
let order: Awaited<ReturnType<typeof checkoutOrder>>;

const rupiah = (digits: string) => `Rp ${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;

beforeAll(async () => {
  clock.offsetDays = -100;
  harness = await startBrowserHarness({ clock });
  app = harness.app;
  customer = await app.createUser('CUSTOMER');
  order = await checkoutOrder(app, customer, 'vps-nvme-4', 12);
  await confirmSpkForTest(app, order.id);
  await payThroughSandbox(app, customer, order.id); // the down payment, 100 days ago
  clock.offsetDays = 0;
  await runBillingPass(app.app.orm.em.fork(), { clock, bus: app.app.services.notifications.bus, billing: app.app.services.billing, events: app.app.services.events });
  customer.token = (await app.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: customer.username, password: customer.password } })).login.accessToken;
  await payThroughSandbox(app, customer, order.id, '100000'); // part of the arrears, today
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

describe('dashboard, installments and notifications in the browser', () => {
  it('shows the API’s figures, filters late installments and rings the bell live', async () => {
    const adminToken = await app.adminToken();
    const api = (
      await app.ok(`{ dashboard { overdue { orders installments amount } collections { net settled refunded } aging { bucket amount installments } } }`, {}, adminToken)
    ).dashboard;
    // Known data: three monthly installments are late, and today's Rp 100.000 is this month's collection.
    expect(api.overdue.installments).toBe(3);
    expect(api.collections).toEqual({ net: '100000', settled: '100000', refunded: '0' });
    const lateBuckets = api.aging.filter((b: { bucket: string; installments: number }) => b.bucket !== 'CURRENT' && b.installments > 0);
    expect(lateBuckets.reduce((n: number, b: { installments: number }) => n + b.installments, 0)).toBe(3);

    await harness.inBrowser('dashboard', async (page) => {
      await harness.logIn(page, 'admin', app.adminPassword);
      await page.getByTestId('count-overdue-orders').filter({ hasText: String(api.overdue.orders) }).waitFor({ timeout: FIRST_RENDER_TIMEOUT });
      await page.getByTestId('overdue-amount').filter({ hasText: rupiah(api.overdue.amount) }).waitFor();
      await page.getByTestId('count-collections').filter({ hasText: 'Rp 100.000' }).waitFor();
      for (const bucket of api.aging as { bucket: string; amount: string }[]) {
        await expect.poll(() => page.getByTestId(`aging-amount-${bucket.bucket}`).textContent()).toBe(rupiah(bucket.amount));
      }
      // The chart is an image with a name for screen readers, and its figures are also a table.
      await page.getByRole('img', { name: 'Umur piutang' }).waitFor();
      // The whole dashboard fits a 1280-pixel screen (a hidden table once widened it).
      await expectNoHorizontalOverflow(page);
      await screenshot(page, 'dashboard-figures');

      // Installments: the quick filter "Terlambat" leaves exactly the late ones, each linking to its order.
      await page.getByRole('menuitem', { name: 'Angsuran' }).click();
      await page.waitForURL(/\/admin\/installments/);
      await page.getByTestId('quick-overdue').click();
      await page.waitForURL(/overdue/);
      await expect.poll(() => page.getByTestId('installment-owed').count()).toBe(3);
      await page.getByText('Terlambat', { exact: true }).first().waitFor();
      await screenshot(page, 'dashboard-installments-overdue');
      // The CSV export takes the list's filter and writes rupiah as plain integers.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor' }).click()]);
      const csv = fs.readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
      expect(csv[0]).toBe('order,customer,phone,installment,dueDate,status,amount,paidAmount,lateFee,lateFeePaid,owed');
      expect(csv).toHaveLength(4);
      const owed = csv.slice(1).map((line) => BigInt(line.split(',').at(-1)!));
      expect(String(owed.reduce((a, b) => a + b, 0n))).toBe(api.overdue.amount);
      await page.getByTestId('installment-owed').first().click();
      await page.waitForURL(new RegExp(`/admin/orders/${order.id}/show`));

      // The bell: a notification created elsewhere while the page is open arrives without a reload.
      await page.goto(`${app.url}/admin/`);
      const bell = page.getByTestId('notification-unread');
      await bell.waitFor();
      await expect.poll(() => bell.getAttribute('data-count')).not.toBeNull();
      const before = Number(await bell.getAttribute('data-count'));
      const support = await app.createUser('SUPPORT');
      const adminId = (await app.ok(`{ me { id } }`, {}, adminToken)).me.id;
      await app.ok(`mutation($id: ID!, $to: ID!) { assignOrder(id: $id, assigneeId: $to) { id } }`, { id: order.id, to: adminId }, support.token);
      await expect.poll(() => bell.getAttribute('data-count'), { timeout: 15_000 }).toBe(String(before + 1));
      const added = (await app.ok(`{ myNotifications(perPage: 1) { items { type title } } }`, {}, adminToken)).myNotifications.items[0];
      expect(added.type).toBe('ORDER_ASSIGNED');
      // The toast says it too.
      await page.getByText(added.title).first().waitFor();
      await screenshot(page, 'dashboard-bell-live');
      await page.getByTestId('notification-bell').click();
      const item = page.getByTestId('notification-item').filter({ hasText: added.title }).first();
      await item.waitFor();
      expect(await item.getAttribute('data-unread')).toBe('true');
      await screenshot(page, 'dashboard-bell-menu');
      // Opening it marks it read and goes to the order.
      await item.click();
      await page.waitForURL(new RegExp(`/admin/orders/${order.id}/show`));
      await expect.poll(() => bell.getAttribute('data-count')).toBe(String(before));

      // The notifications page lists it; "Belum dibaca" no longer does.
      await page.goto(`${app.url}/admin/notifications`);
      const listed = page.getByTestId('notifications-page').getByTestId('notification-item').filter({ hasText: added.title });
      await listed.first().waitFor();
      expect(await listed.first().getAttribute('data-unread')).toBe('false');
      await page.getByRole('tab', { name: 'Belum dibaca' }).click();
      await expect.poll(() => listed.count()).toBe(0);
      await expect.poll(() => page.getByTestId('notifications-page').getByTestId('notification-item').count()).toBe(before);
      await screenshot(page, 'dashboard-notifications-page');
    });
  }, 180_000);
});
