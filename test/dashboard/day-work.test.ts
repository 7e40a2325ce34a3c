import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJakarta } from '../../server/src/common/time';
import { TINY_PNG as PNG } from '../support/files';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder, confirmSpkForTest } from '../support/orders';


let t: TestApp;
let support: TestUser;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  support = await t.createUser('SUPPORT');
  admin = await t.adminToken();
});
afterAll(() => t?.close());

const WORK = `{ dashboard { work { ordersAwaitingSpk spksAwaitingStaff proofsToVerify servicesFailing secondChanceEnding } } }`;
const work = async () => (await t.ok(WORK, {}, admin)).dashboard.work as Record<string, number>;
const total = async (list: string, filterType: string, filter: Record<string, unknown>) =>
  (await t.ok(`query($f: ${filterType}) { ${list}(filter: $f, perPage: 1) { total } }`, { f: filter }, admin))[list].total as number;
const sql = (text: string, params: unknown[]) => t.app.orm.em.fork().getConnection().execute(text, params);

async function customer() {
  const c = await t.createUser('CUSTOMER');
  await t.ok(`mutation { updateMyProfile(input: { nik: "3171014501900001", address: "Jl. Kebon Sirih No. 10, Jakarta" }) { id } }`, {}, c.token);
  return c;
}

describe('the dashboard’s day of work', () => {
  it('counts each kind of waiting work, and each count is what its filtered list shows', async () => {
    const before = await work();
    // A new order (no SPK yet), an SPK drafted (staff's move next), a transfer proof, a failing service,
    // and two second chances: one ending in three days with arrears, one ending in ten days.
    const a = await customer();
    await checkoutOrder(t, a);
    const withSpk = await checkoutOrder(t, a);
    await t.ok(`mutation($o: ID!) { createSpk(orderId: $o) { id } }`, { o: withSpk.id }, support.token);

    const b = await customer();
    const paying = await checkoutOrder(t, b);
    await confirmSpkForTest(t, paying.id);
    const payment = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id } }`, { i: { orderId: paying.id, method: 'BANK_TRANSFER' } }, b.token)).createPayment;
    expect((await fetch(`${t.url}/files/payments/${payment.id}/proof`, { method: 'PUT', headers: { authorization: `Bearer ${b.token}` }, body: new Uint8Array(PNG) })).ok).toBe(true);

    const today = todayJakarta(t.app.services.clock);
    const graced = async (inDays: number) => {
      const o = await checkoutOrder(t, b);
      await confirmSpkForTest(t, o.id);
      await sql(`update installments set due_date = ?::date - 5 where order_id = ? and number = 0`, [today, o.id]);
      await sql(`update orders set status = 'ACTIVE', grace_until = ?::date + ?::int where id = ?`, [today, inDays, o.id]);
      return o;
    };
    const soon = await graced(3);
    await graced(10);
    const service = (await sql(`insert into services (id, created_at, updated_at, order_id, customer_id, order_item_id, label, status, provisioning, driver, attempts)
        select gen_random_uuid(), now(), now(), o.id, o.customer_id, oi.id, 'vps-failing', 'PENDING_SETUP', 'FAILED', 'local', 3 from orders o join order_items oi on oi.order_id = o.id where o.id = ? returning id`, [soon.id])) as unknown[];
    expect(service).toHaveLength(1);

    const now = await work();
    // `withSpk` is in SPK_IN_PROGRESS, `paying` and the graced orders moved on: one new order waits.
    expect(now.ordersAwaitingSpk - before.ordersAwaitingSpk).toBe(1);
    expect(now.spksAwaitingStaff - before.spksAwaitingStaff).toBe(1);
    expect(now.proofsToVerify - before.proofsToVerify).toBe(1);
    expect(now.servicesFailing - before.servicesFailing).toBe(1);
    expect(now.secondChanceEnding - before.secondChanceEnding).toBe(1);

    // Each card opens its list with a filter that shows exactly what the card counted.
    expect(await total('orders', 'OrderFilter', { status: ['AWAITING_SPK'] })).toBe(now.ordersAwaitingSpk);
    expect(await total('spks', 'SpkFilter', { status: ['DRAFT', 'APPROVED', 'REVISION_REQUESTED', 'CUSTOMER_SIGNED'] })).toBe(now.spksAwaitingStaff);
    expect(await total('payments', 'PaymentFilter', { awaitingVerification: true })).toBe(now.proofsToVerify);
    expect(await total('services', 'ServiceFilter', { failing: true })).toBe(now.servicesFailing);
    expect(await total('orders', 'OrderFilter', { secondChanceEndsWithinDays: 7 })).toBe(now.secondChanceEnding);
    const listed = await t.ok(`{ orders(filter: { secondChanceEndsWithinDays: 7 }) { items { id graceUntil } } }`, {}, admin);
    expect(listed.orders.items.map((o: { id: string }) => o.id)).toContain(soon.id);

    // Once the arrears are paid the deadline no longer matters.
    await sql(`update installments set paid_amount = amount, late_fee_paid = late_fee where order_id = ?`, [soon.id]);
    expect((await work()).secondChanceEnding).toBe(now.secondChanceEnding - 1);
  });

  it('refuses a window outside 1..31 days, and customers', async () => {
    const r = await t.gql(`{ dashboard { work(days: 0) { secondChanceEnding } } }`, {}, admin);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
    const bad = await t.gql(`{ orders(filter: { secondChanceEndsWithinDays: 99 }) { total } }`, {}, admin);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const c = await t.createUser('CUSTOMER');
    expect((await t.gql(WORK, {}, c.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
