import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type TestApp, type TestUser } from '../support/app';
import { checkPage, FIRST_RENDER_TIMEOUT, screenshot, switchLanguage, withBrowserAndSupport, type BrowserHarness } from '../support/browser';
import { ShiftedClock } from '../support/clock';
import { completeCustomer, countersign, overdueCustomerWithService } from '../support/console-steps';
import { checkoutOrder, confirmSpkForTest, payThroughSandbox } from '../support/orders';
import { TINY_PNG } from '../support/files';

/**
 * The staff side and the work between the two sides (issue 16, items 1-4 and 7), in a real browser at
 * 1366×768 and 390×844; the customer portal's own pages (items 5, 6, 8-11) are walked in
 * portal.browser.test.ts and customer.browser.test.ts with the same checks (checkPage: nothing wider
 * than the screen, no untranslated key; then again in English).
 * - Staff's bell hears each customer move while the console is open: a new order, a revision asked,
 *   an SPK approved, a signed copy uploaded, a payment settled online, a transfer proof uploaded, an
 *   order the customer suspended.
 * - The console: the day's work on the dashboard, the order's history as sentences naming and linking
 *   documents (no UUIDs, no raw keys), the SPK tab's labelled version, the SPK's versions signed by the
 *   configured company, the audit log as sentences.
 * - The portal: "Buat layanan" disabled with the server's reason until the down payment is settled,
 *   and the customer's part of the order's history.
 */

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const COMPANY = 'PT Angsur Hosting Nusantara';

/** The suspension needs an order late today: it is bought in the past, then the clock comes back. */
const clock = new ShiftedClock();

let harness: BrowserHarness;
let app: TestApp;
let support: TestUser;
withBrowserAndSupport({ clock }, (f) => ({ harness, app, support } = f));
/** The order the bell walk takes from checkout to a proof awaiting verification. */
let walked: { id: string; number: string; spkId: string; spkNumber: string } | null = null;

const gqlAs = (token: string) => (query: string, variables: Record<string, unknown> = {}) => app.ok(query, variables, token);

async function adminLogIn(page: Page) {
  await harness.logIn(page, 'admin', app.adminPassword);
  await page.getByTestId('notification-bell').waitFor({ timeout: FIRST_RENDER_TIMEOUT });
}

describe('the staff bell', () => {
  it('receives each customer move live, while the console is open', async () => {
    // Late and with a service, ready to suspend itself: made first, its own moves are not counted.
    const late = await overdueCustomerWithService(app, clock);
    const customer = await completeCustomer(app);
    const asCustomer = gqlAs(customer.token);
    const asSupport = gqlAs(support.token);
    const adminToken = await app.adminToken();
    const movesHeard = async () =>
      ((await app.ok(`{ myNotifications(perPage: 100) { items { type data } } }`, {}, adminToken)).myNotifications.items as { type: string; data: { move?: string } }[])
        .filter((n) => n.type === 'STAFF_CUSTOMER_MOVE')
        .map((n) => n.data.move);

    await harness.inBrowser(
      'walk-bell',
      async (page) => {
        await adminLogIn(page);
        const bell = page.getByTestId('notification-unread');
        await expect.poll(() => bell.getAttribute('data-count')).not.toBeNull();
        const heardBefore = (await movesHeard()).length;
        let count = Number(await bell.getAttribute('data-count'));
        /** One customer move: the bell goes up without a reload, and the move is the newest one heard. */
        const move = async (name: string, act: () => Promise<unknown>) => {
          await act();
          await expect.poll(async () => Number(await bell.getAttribute('data-count')), { timeout: 15_000, message: name }).toBeGreaterThan(count);
          count = Number(await bell.getAttribute('data-count'));
          expect(await movesHeard(), name).toContain(name);
        };

        let order: Awaited<ReturnType<typeof checkoutOrder>> | undefined;
        await move('ORDER_PLACED', async () => (order = await checkoutOrder(app, customer)));
        const spk = (await asSupport(`mutation($o: ID!) { createSpk(orderId: $o) { id number } }`, { o: order!.id })).createSpk as { id: string; number: string };
        walked = { id: order!.id, number: order!.number, spkId: spk.id, spkNumber: spk.number };
        await asSupport(`mutation($id: ID!) { submitSpkForReview(id: $id) { id } }`, { id: spk.id });
        await move('SPK_REVISION_REQUESTED', () => asCustomer(`mutation($id: ID!) { requestSpkRevision(id: $id, input: { reason: "Alamat kantor salah" }) { id } }`, { id: spk.id }));
        await asSupport(`mutation($id: ID!) { reviseSpk(id: $id) { id } }`, { id: spk.id });
        await asSupport(`mutation($id: ID!) { submitSpkForReview(id: $id) { id } }`, { id: spk.id });
        await move('SPK_APPROVED', () => asCustomer(`mutation($id: ID!) { approveSpk(id: $id) { id } }`, { id: spk.id }));
        const { downloadUrl } = (await asSupport(`mutation($id: ID!) { signSpk(id: $id) { downloadUrl } }`, { id: spk.id })).signSpk as { downloadUrl: string };
        const signed = new Uint8Array(await (await fetch(`${app.url}${downloadUrl}`, { headers: { authorization: `Bearer ${customer.token}` } })).arrayBuffer());
        const countersigned = await countersign(signed);
        await move('SPK_SIGNED', async () => {
          const res = await fetch(`${app.url}/files/spk/${spk.id}/signed`, { method: 'PUT', headers: { authorization: `Bearer ${customer.token}` }, body: new Uint8Array(countersigned) });
          expect(res.status).toBeLessThan(300);
        });
        await asSupport(`mutation($id: ID!) { confirmSpk(id: $id) { id } }`, { id: spk.id });
        await move('PAYMENT_SETTLED', () => payThroughSandbox(app, customer, order!.id));
        const transfer = (await asCustomer(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id } }`, { i: { orderId: order!.id, method: 'BANK_TRANSFER' } })).createPayment as { id: string };
        await move('PAYMENT_PROOF_UPLOADED', async () => {
          const res = await fetch(`${app.url}/files/payments/${transfer.id}/proof`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${customer.token}`, 'content-type': 'application/octet-stream' },
            body: new Uint8Array(TINY_PNG),
          });
          expect(res.status).toBeLessThan(300);
        });
        await move('ORDER_SUSPENDED', () => app.ok(`mutation($o: ID!) { suspendOrder(orderId: $o) { status } }`, { o: late.order.id }, late.customer.token));
        expect((await movesHeard()).length - heardBefore).toBe(7);

        // The bell's menu names the customer's moves; the newest one opens its record.
        await page.getByTestId('notification-bell').click();
        const items = page.getByTestId('notification-item');
        await expect.poll(() => items.count()).toBeGreaterThanOrEqual(7);
        await screenshot(page, 'walk-bell-menu');
        await page.keyboard.press('Escape');
      },
      { viewport: LAPTOP },
    );
  }, 300_000);
});

describe.each([
  ['laptop', LAPTOP],
  ['phone', PHONE],
] as const)('the staff console on a %s', (device, viewport) => {
  it("shows the day's work, the order's history as sentences, the SPK's version and the company, and the audit log as sentences, in both languages", async () => {
    expect(walked, 'the bell walk made the order').not.toBeNull();
    const order = walked!;
    await harness.inBrowser(
      `walk-console-${device}`,
      async (page) => {
        await adminLogIn(page);
        // Item 2: the day's work, each card a link to its filtered list.
        for (const card of ['ordersAwaitingSpk', 'spksAwaitingStaff', 'proofsToVerify', 'servicesFailing', 'secondChanceEnding']) await page.getByTestId(`count-work-${card}`).waitFor();
        await page.getByTestId('count-work-proofsToVerify').filter({ hasText: /^[1-9]/ }).waitFor();
        await checkPage(page);
        await screenshot(page, `walk-dashboard-${device}`);

        // Item 3: the order's history, one list merging the order, its SPK, payments and notices.
        await page.goto(`${app.url}/admin/orders/${order.id}/show/history`);
        const history = page.getByTestId('order-history');
        await history.locator('[data-action="spk.request_revision"]').getByText(`meminta revisi SPK ${order.spkNumber}: alasan Alamat kantor salah`).waitFor();
        for (const action of ['order.checkout', 'spk.create', 'spk.approve', 'spk.upload_signed', 'spk.confirm', 'payment.settle', 'payment.upload_proof', 'notice']) {
          await history.locator(`[data-action="${action}"]`).first().waitFor();
        }
        const text = await history.innerText();
        expect(text).not.toMatch(UUID);
        expect(text).not.toMatch(/\b(order|spk|payment|service)\.[a-z_]+\b/);
        await checkPage(page);
        await screenshot(page, `walk-history-${device}`);
        // The SPK named in a sentence opens the SPK.
        await history.locator('[data-action="spk.approve"] a[data-kind="SPK"]').first().click();
        await page.waitForURL(new RegExp(`/admin/spks/${order.spkId}/show`));
        // Item 4: the company's own name on what it signed.
        await page.getByRole('tab', { name: 'Versi dokumen' }).click();
        await page.getByText(`Ditandatangani ${COMPANY}`).first().waitFor();
        await checkPage(page);

        // Item 4: the order's SPK tab labels the version.
        await page.goto(`${app.url}/admin/orders/${order.id}/show/spk`);
        expect(await page.getByTestId('order-spk-version').innerText()).toMatch(/^Versi \d+$/);
        await checkPage(page);

        // The audit log: each entry a sentence.
        await page.goto(`${app.url}/admin/auditLog`);
        const sentences = page.getByTestId('history-sentence');
        await sentences.first().waitFor();
        expect((await sentences.allInnerTexts()).join('\n')).not.toMatch(UUID);
        await checkPage(page);
        await screenshot(page, `walk-audit-${device}`);

        // The same pages in English: the server's sentences follow the language too.
        await switchLanguage(page, 'English');
        await page.getByText(/Audit log/).first().waitFor();
        await checkPage(page);
        await page.goto(`${app.url}/admin/orders/${order.id}/show/history`);
        await history.locator('[data-action="spk.request_revision"]').getByText(`asked for changes to SPK ${order.spkNumber}: reason Alamat kantor salah`).waitFor();
        await checkPage(page);
        await page.goto(`${app.url}/admin/orders/${order.id}/show/spk`);
        expect(await page.getByTestId('order-spk-version').innerText()).toMatch(/^Version \d+$/);
        await page.goto(`${app.url}/admin/`);
        await page.getByTestId('count-work-proofsToVerify').waitFor();
        await checkPage(page);
        await page.goto(`${app.url}/admin/notifications`);
        await page.getByTestId('notifications-page').getByTestId('notification-item').first().waitFor();
        // Item 4: the page range in the reader's language ("1–1 of 1" was MUI's English everywhere).
        await page.getByText(/^\d+[–-]\d+ of \d+$/).waitFor();
        await checkPage(page);
        await switchLanguage(page, 'Bahasa Indonesia');
        await page.getByText(/^\d+[–-]\d+ dari \d+$/).waitFor();
      },
      { viewport },
    );
  }, 180_000);
});

describe.each([
  ['laptop', LAPTOP],
  ['phone', PHONE],
] as const)('the customer portal on a %s', (device, viewport) => {
  it('offers "Buat layanan" only when possible, saying why not, and shows the customer their part of the history', async () => {
    const customer = await completeCustomer(app);
    const order = await checkoutOrder(app, customer, 'vps-nvme-4', 12);
    await confirmSpkForTest(app, order.id);
    await harness.inBrowser(
      `walk-portal-${device}`,
      async (page) => {
        await harness.logIn(page, customer.username, customer.password);
        await page.waitForURL(/\/admin\/my-orders$/, { timeout: FIRST_RENDER_TIMEOUT });
        await page.getByRole('navigation').getByRole('link', { name: 'Layanan saya' }).click();
        const item = page.getByTestId('serviceable-item').filter({ hasText: order.number });
        await item.getByTestId('service-blocked').getByText('Layanan dapat dibuat setelah uang muka lunas.').waitFor();
        expect(await item.getByRole('button', { name: 'Buat layanan' }).isDisabled()).toBe(true);
        await checkPage(page);
        await screenshot(page, `walk-portal-services-${device}`);

        await page.goto(`${app.url}/admin/my-orders/${order.id}/show`);
        await page.getByTestId('service-blocked').getByText('uang muka lunas', { exact: false }).waitFor();
        const history = page.getByTestId('my-history');
        await history.locator('[data-action="order.checkout"]').getByText(`pesanan ${order.number}`, { exact: false }).waitFor();
        expect(await history.innerText()).not.toMatch(UUID);
        await checkPage(page);

        await switchLanguage(page, 'English');
        await history.locator('[data-action="order.checkout"]').getByText(`order ${order.number}`, { exact: false }).waitFor();
        await page.getByTestId('service-blocked').getByText('once the down payment is settled', { exact: false }).waitFor();
        await checkPage(page);

        // Paid down: the button opens.
        await payThroughSandbox(app, customer, order.id);
        await page.getByRole('navigation').getByRole('link', { name: 'My services' }).click();
        await expect.poll(() => item.getByTestId('service-blocked').count()).toBe(0);
        expect(await item.getByRole('button', { name: 'Create the service' }).isDisabled()).toBe(false);
      },
      { viewport },
    );
  }, 150_000);
});
