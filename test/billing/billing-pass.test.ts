import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBillingPass } from '../../server/src/billing/billing-pass';
import { startTestApp, type TestApp } from '../support/app';
import { TravelClock } from '../support/clock';
import { checkoutOrder, confirmSpkForTest } from '../support/orders';
import { signSandboxEvent } from '../../server/src/payments/gateways';

const clock = new TravelClock('2026-01-15T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock, env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
});
afterAll(() => t?.close());

// A pass for a date runs on that date (a pass for a later day is refused): the clock goes there first.
const pass = (date: string) => {
  clock.set(`${date}T02:00:00Z`);
  return runBillingPass(t.app.orm.em.fork(), { clock, bus: t.app.services.notifications.bus, billing: t.app.services.billing, events: t.app.services.events }, date);
};
const sql = <T = any>(text: string, params: unknown[] = []) => t.app.orm.em.fork().getConnection().execute<T[]>(text, params);

async function pay(token: string, orderId: string) {
  const p = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { reference amount } }`, { i: { orderId, method: 'GATEWAY' } }, token)).createPayment;
  const { rawBody, headers } = signSandboxEvent(t.app.services.sandboxPaymentSecret, { reference: p.reference, providerReference: null, status: 'SETTLED', amount: BigInt(p.amount), eventId: `e-${p.reference}` });
  await fetch(`${t.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) });
  return BigInt(p.amount);
}

describe('the billing pass through a 12-month plan', () => {
  it('marks due and overdue, accrues capped late fees, reminds once per offset, and stays idempotent', async () => {
    clock.set('2026-01-15T02:00:00Z');
    const c = await t.createUser('CUSTOMER');
    // VPS NVMe 4 on 12 months: late fee Rp 5.000 a day after 3 grace days, capped at Rp 250.000.
    const order = await checkoutOrder(t, c, 'vps-nvme-4', 12);
    await confirmSpkForTest(t, order.id);
    await pay(c.token, order.id); // down payment, 15 Jan

    // 8 Feb: installment 1 (15 Feb) is 7 days away -> one BEFORE reminder.
    let r = await pass('2026-02-08');
    expect(r.reminders).toBe(1);
    expect((await pass('2026-02-08')).reminders).toBe(0); // same day again: nothing twice
    // 15 Feb: due today.
    await pass('2026-02-15');
    expect((await sql(`select status from installments where order_id = ? and number = 1`, [order.id]))[0].status).toBe('DUE');

    // 20 Feb: 5 days late, 2 beyond grace -> Rp 10.000; AFTER reminder (offset 3) and the staff notice.
    r = await pass('2026-02-20');
    const inst1 = async () => (await sql(`select status, late_fee::text as fee from installments where order_id = ? and number = 1`, [order.id]))[0];
    expect(await inst1()).toEqual({ status: 'OVERDUE', fee: '10000' });
    expect(r.reminders).toBeGreaterThanOrEqual(1);
    expect(r.staffNotices).toBeGreaterThanOrEqual(1);
    // Running the same day again, and a second pass at the same moment, change nothing.
    const [a, b] = await Promise.all([pass('2026-02-20'), pass('2026-02-20')]);
    expect([a.feesChanged, b.feesChanged, a.reminders, b.reminders, a.staffNotices, b.staffNotices]).toEqual([0, 0, 0, 0, 0, 0]);
    const reminders = await sql(`select kind, offset_days from installment_reminders r join installments i on i.id = r.installment_id where i.order_id = ? order by kind, offset_days`, [order.id]);
    expect(reminders).toEqual([
      { kind: 'AFTER', offset_days: 3 },
      { kind: 'BEFORE', offset_days: 1 }, // on the due date itself
      { kind: 'BEFORE', offset_days: 7 },
      { kind: 'STAFF', offset_days: 1 },
    ]);

    // Months later: the fee stops at the cap; later installments are overdue too.
    await pass('2026-06-30');
    expect(await inst1()).toEqual({ status: 'OVERDUE', fee: '250000' });
    const overdue = await sql(`select count(*)::int as n from installments where order_id = ? and status = 'OVERDUE'`, [order.id]);
    expect(overdue[0].n).toBe(5); // Feb, Mar, Apr, May, Jun

    // The customer sees it: arrears include principal and fees; paying settles fees first.
    clock.set('2026-06-30T02:00:00Z');
    const login = await t.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: c.username, password: c.password } });
    const token = login.login.accessToken;
    const summary = (await t.ok(`query($id: ID!) { order(id: $id) { summary { overdueCount arrearsAmount } } }`, { id: order.id }, token)).order.summary;
    const feesTotal = (await sql(`select sum(late_fee)::text as s from installments where order_id = ?`, [order.id]))[0].s;
    expect(summary.overdueCount).toBe(5);
    expect(BigInt(summary.arrearsAmount)).toBe(5n * 517_500n + BigInt(feesTotal));
    const paid = await pay(token, order.id);
    expect(paid).toBe(BigInt(summary.arrearsAmount));
    await pass('2026-06-30');
    const after = (await t.ok(`query($id: ID!) { order(id: $id) { status summary { overdueCount arrearsAmount paidCount } } }`, { id: order.id }, token)).order;
    expect(after.summary).toMatchObject({ overdueCount: 0, arrearsAmount: '0', paidCount: 6 });
    // Fees never go back down once charged.
    expect((await sql(`select late_fee::text as fee, late_fee_paid::text as paid from installments where order_id = ? and number = 1`, [order.id]))[0]).toEqual({ fee: '250000', paid: '250000' });
  });

  it('suspends automatically only where the plan says so, and not during a second chance', async () => {
    clock.set('2026-01-15T02:00:00Z');
    const admin = await t.adminToken();
    const plans = await t.ok(`{ product(slug: "colocation-1u") { id plans { id tenorMonths } } }`);
    const plan = plans.product.plans.find((p: { tenorMonths: number }) => p.tenorMonths === 6);
    await t.ok(`mutation($id: ID!) { updateInstallmentPlan(id: $id, input: { autoSuspendAfterDays: 10 }) { id } }`, { id: plan.id }, admin);
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c, 'colocation-1u', 6);
    await confirmSpkForTest(t, order.id);
    await pay(c.token, order.id);
    await sql(`update orders set grace_until = '2026-02-28' where id = ?`, [order.id]);
    expect((await pass('2026-02-26')).suspendedOrders).not.toContain(order.id); // 11 days late, but a second chance until 28 Feb
    const r = await pass('2026-03-01');
    expect(r.suspendedOrders).toContain(order.id);
    expect((await sql(`select status, grace_until from orders where id = ?`, [order.id]))[0]).toMatchObject({ status: 'SUSPENDED', grace_until: null });
    const notices = await sql(`select type from notifications n join users u on u.id = n.recipient_id where u.username = ? order by n.created_at`, [c.username]);
    expect(notices.map((n: { type: string }) => n.type)).toContain('INSTALLMENT_OVERDUE');
  });

  it('ADMIN runs the pass on demand and sends an overdue notice with a WhatsApp chat link', async () => {
    clock.set('2026-03-20T02:00:00Z');
    const admin = (await t.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: 'admin', password: t.adminPassword } })).login.accessToken;
    const res = await t.ok(`mutation { runBillingPass(date: "2026-03-20") { date statusChanges feesChanged reminders } }`, {}, admin);
    expect(res.runBillingPass.date).toBe('2026-03-20');
    const support = await t.createUser('SUPPORT');
    expect((await t.gql(`mutation { runBillingPass { date } }`, {}, support.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const overdue = await t.ok(`{ orders(filter: { overdue: true }) { items { id customerPhone lastOverdueNoticeAt } } }`, {}, support.token);
    const target = overdue.orders.items[0];
    const notice = await t.ok(`mutation($id: ID!) { sendOverdueNotice(orderId: $id) { waLink arrearsAmount daysLate notification { type } } }`, { id: target.id }, support.token);
    expect(notice.sendOverdueNotice.notification.type).toBe('OVERDUE_NOTICE');
    expect(notice.sendOverdueNotice.waLink).toMatch(new RegExp(`^https://wa\\.me/${target.customerPhone.slice(1)}\\?text=Halo%20Bapak%2FIbu`));
    const again = await t.ok(`query($id: ID!) { order(id: $id) { lastOverdueNoticeAt } }`, { id: target.id }, support.token);
    expect(again.order.lastOverdueNoticeAt).toBeTruthy();
    // The chat's prefilled text speaks the customer's language, as every notice does (server i18n, `t()`).
    const text = (link: string) => new URL(link).searchParams.get('text')!;
    expect(text(notice.sendOverdueNotice.waLink)).toMatch(/^Halo Bapak\/Ibu .* sudah lewat jatuh tempo sejak \d{1,2} \S+ 2026 dengan tunggakan Rp [\d.]+\. Silakan pilih/);
    await sql(`update users set locale = 'en' where id = (select customer_id from orders where id = ?)`, [target.id]);
    const english = await t.ok(`mutation($id: ID!) { sendOverdueNotice(orderId: $id) { waLink } }`, { id: target.id }, support.token);
    expect(text(english.sendOverdueNotice.waLink)).toMatch(/^Hello .*, the bill for order \S+ is past due since \d{1,2} [A-Z][a-z]+ 2026 with arrears of Rp [\d.]+\. Please choose/);
  });
});
