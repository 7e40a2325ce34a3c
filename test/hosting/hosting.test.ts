import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSandboxEvent } from '../../server/src/payments/gateways';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { TravelClock } from '../support/clock';
import { checkoutOrder, confirmSpkForTest } from '../support/orders';

const clock = new TravelClock('2026-01-10T03:00:00Z');
let t: TestApp;
let support: TestUser;
beforeAll(async () => {
  t = await startTestApp({ clock, env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
  support = await t.createUser('SUPPORT');
});
afterAll(() => t?.close());

const CREATE = `mutation($i: CreateServiceInput!) { createService(input: $i) { id label status provisioning driver hostingUrl lastError } }`;
const ORDER = `query($id: ID!) { order(id: $id) { status graceUntil summary { arrearsAmount } items { id } services { id status suspensionCause suspensionHistory { action cause actorRole payUntil reason } } } }`;

async function pay(c: TestUser, orderId: string, amount?: string) {
  const p = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { reference amount } }`, { i: { orderId, method: 'GATEWAY', ...(amount ? { amount } : {}) } }, c.token)).createPayment;
  const { rawBody, headers } = signSandboxEvent(t.app.services.sandboxPaymentSecret, { reference: p.reference, providerReference: null, status: 'SETTLED', amount: BigInt(p.amount), eventId: `e-${p.reference}` });
  const res = await fetch(`${t.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) });
  expect((await res.json()).outcome).toBe('settled');
}

/** Re-login after time travel (tokens are signed with the travelling clock). */
async function relogin(u: TestUser) {
  u.token = (await t.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: u.username, password: u.password } })).login.accessToken;
}

describe('hosting services', () => {
  it('the gate, creation, overdue choice, suspension visible on the page, unsuspension with a deadline, auto-lift on payment', async () => {
    clock.set('2026-01-10T03:00:00Z');
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c, 'vps-nvme-4', 12);
    const item = (await t.ok(ORDER, { id: order.id }, c.token)).order.items[0].id;

    // The order says beforehand what createService would refuse, in the same words (#16 item 7).
    const blocked = async (lang = 'id') =>
      (await t.gql(`query($id: ID!) { order(id: $id) { serviceBlockedReason } }`, { id: order.id }, c.token, { 'accept-language': lang })).data!.order.serviceBlockedReason as string | null;
    expect(await blocked()).toBe('SPK belum diconfirm admin');
    const beforeSpk = await t.gql(CREATE, { i: { orderItemId: item, label: 'web-budi', osTemplate: 'ubuntu-24.04' } }, c.token);
    expect(beforeSpk.errors?.[0]).toMatchObject({ message: 'SPK belum diconfirm admin', extensions: { code: 'SPK_NOT_CONFIRMED' } });
    await confirmSpkForTest(t, order.id);
    expect(await blocked()).toBe('Layanan dapat dibuat setelah uang muka lunas.');
    expect(await blocked('en')).toBe('A service can be created once the down payment is settled.');
    const beforeDp = await t.gql(CREATE, { i: { orderItemId: item, label: 'web-budi', osTemplate: 'ubuntu-24.04' } }, c.token);
    expect(beforeDp.errors?.[0]).toMatchObject({ message: 'Layanan dapat dibuat setelah uang muka lunas.', extensions: { code: 'CONFLICT', reason: 'ORDER_NOT_ACTIVE' } });
    await pay(c, order.id); // the down payment
    expect(await blocked()).toBeNull();

    const badOs = await t.gql(CREATE, { i: { orderItemId: item, label: 'web-budi', osTemplate: 'windows-95' } }, c.token);
    expect(badOs.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'osTemplate' });
    const badLabel = await t.gql(CREATE, { i: { orderItemId: item, label: '-Web Budi-', osTemplate: 'ubuntu-24.04' } }, c.token);
    expect(badLabel.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'label' });
    const service = (await t.ok(CREATE, { i: { orderItemId: item, label: 'web-budi', osTemplate: 'ubuntu-24.04' } }, c.token)).createService;
    expect(service).toMatchObject({ label: 'web-budi', status: 'ACTIVE', provisioning: 'IN_SYNC', driver: 'local' });
    expect((await fetch(service.hostingUrl)).status).toBe(200);

    // Not overdue: suspending by choice is refused.
    expect((await t.gql(`mutation($o: ID!) { suspendOrder(orderId: $o) { status } }`, { o: order.id }, c.token)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_OVERDUE' });

    // Installment 1 (10 Feb) unpaid on 15 Feb: the hosting page shows the choice.
    clock.set('2026-02-15T03:00:00Z');
    await relogin(c);
    await relogin(support);
    const overduePage = await fetch(service.hostingUrl, { headers: { authorization: `Bearer ${c.token}` } });
    expect(overduePage.status).toBe(200);
    expect(await overduePage.text()).toMatch(/Tagihan lewat jatuh tempo[\s\S]*Rp 517\.500[\s\S]*Bayar[\s\S]*Tangguhkan/);
    // Anyone else sees the choice but not the amount.
    const publicPage = await (await fetch(service.hostingUrl)).text();
    expect(publicPage).toMatch(/Tagihan lewat jatuh tempo[\s\S]*Bayar[\s\S]*Tangguhkan/);
    expect(publicPage).not.toMatch(/Rp |tunggakan/);

    const suspended = (await t.ok(`mutation($o: ID!) { suspendOrder(orderId: $o, reason: "Belum ada dana") { status } }`, { o: order.id }, c.token)).suspendOrder;
    expect(suspended.status).toBe('SUSPENDED');
    const off = await fetch(service.hostingUrl);
    expect(off.status).toBe(403);
    expect(await off.text()).toContain('Layanan ditangguhkan');

    // The customer cannot lift it; SUPPORT gives a second chance until 20 Feb.
    expect((await t.gql(`mutation($o: ID!) { unsuspendOrder(orderId: $o, input: { reason: "x" }) { status } }`, { o: order.id }, c.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const past = await t.gql(`mutation($o: ID!) { unsuspendOrder(orderId: $o, input: { reason: "x", payUntil: "2026-02-01" }) { status } }`, { o: order.id }, support.token);
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'payUntil' });
    await t.ok(`mutation($o: ID!) { unsuspendOrder(orderId: $o, input: { reason: "Salah tekan suspend", payUntil: "2026-02-20" }) { status } }`, { o: order.id }, support.token);
    expect((await fetch(service.hostingUrl)).status).toBe(200);
    let state = (await t.ok(ORDER, { id: order.id }, c.token)).order;
    expect(state).toMatchObject({ status: 'ACTIVE', graceUntil: '2026-02-20' });
    expect(state.services[0].suspensionHistory).toEqual([
      { action: 'SUSPEND', cause: 'CUSTOMER_CHOICE', actorRole: 'CUSTOMER', payUntil: null, reason: 'Belum ada dana' },
      { action: 'UNSUSPEND', cause: null, actorRole: 'SUPPORT', payUntil: '2026-02-20', reason: 'Salah tekan suspend' },
    ]);

    // Suspended again for non-payment; paying the arrears lifts it by itself.
    await t.ok(`mutation($o: ID!) { suspendOrder(orderId: $o) { status } }`, { o: order.id }, support.token);
    expect((await fetch(service.hostingUrl)).status).toBe(403);
    await pay(c, order.id);
    state = (await t.ok(ORDER, { id: order.id }, c.token)).order;
    expect(state.status).toBe('ACTIVE');
    expect(state.summary.arrearsAmount).toBe('0');
    expect(state.services[0]).toMatchObject({ status: 'ACTIVE', suspensionCause: null });
    expect(state.services[0].suspensionHistory.at(-1)).toMatchObject({ action: 'UNSUSPEND', actorRole: 'SYSTEM', reason: 'Tunggakan lunas' });
    expect((await fetch(service.hostingUrl)).status).toBe(200);
  });

  it('dedicated servers go through staff tasks', async () => {
    clock.set('2026-01-10T03:00:00Z');
    const c = await t.createUser('CUSTOMER');
    await relogin(support);
    const order = await checkoutOrder(t, c, 'dedicated-xeon-e2388g', 12);
    await confirmSpkForTest(t, order.id);
    await pay(c, order.id);
    const item = (await t.ok(ORDER, { id: order.id }, c.token)).order.items[0].id;
    const service = (await t.ok(CREATE, { i: { orderItemId: item, label: 'db-budi' } }, c.token)).createService;
    expect(service).toMatchObject({ status: 'PENDING_SETUP', provisioning: 'WAITING_FOR_STAFF', driver: 'manual' });
    const tasks = await t.ok(`{ staffTasks(status: OPEN) { items { id action instructions service { label } } } }`, {}, support.token);
    const task = tasks.staffTasks.items.find((x: { service: { label: string } }) => x.service.label === 'db-budi');
    expect(task).toMatchObject({ action: 'create' });
    expect(task.instructions).toMatch(/db-budi/);
    await t.ok(`mutation($id: ID!) { completeStaffTask(id: $id, note: "Rak B3, port 12") { status } }`, { id: task.id }, support.token);
    const after = await t.ok(`query($id: ID!) { service(id: $id) { status provisioning } }`, { id: service.id }, c.token);
    expect(after.service).toEqual({ status: 'ACTIVE', provisioning: 'IN_SYNC' });
    const other = await t.createUser('CUSTOMER');
    expect((await t.gql(`query($id: ID!) { service(id: $id) { id } }`, { id: service.id }, other.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
