import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DriverError } from '../../server/src/hosting/drivers/driver';
import { signSandboxEvent } from '../../server/src/payments/gateways';
import type { DomainEventMap, DomainEventType } from '../../server/src/events/domain-events';
import { generateDevIdentity, signPdf } from '../../server/src/spk/document/sign';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { TravelClock } from '../support/clock';
import { checkoutOrder, confirmSpkForTest, payThroughSandbox } from '../support/orders';

/**
 * Every domain move tells the others exactly once, with the right payload and actor: other domains
 * (staff notices, tax invoices, hosting) hang their reactions on these events, so a move that emits
 * nothing, or twice, is a reaction lost or doubled.
 */

const ALL: DomainEventType[] = [
  'order.placed', 'order.activated', 'order.downPaymentReverted', 'order.balanceChanged', 'order.suspended', 'order.unsuspended', 'order.completed', 'order.cancelled',
  'spk.created', 'spk.approved', 'spk.revisionRequested', 'spk.customerSigned', 'spk.confirmed', 'spk.blockedByArrears',
  'payment.proofUploaded', 'payment.settled', 'payment.refunded', 'installment.invoiced', 'installment.autoSuspendDue',
  'service.activated', 'service.failed',
];

type Seen = { [K in DomainEventType]: { type: K; payload: DomainEventMap[K]; actorId: string | null } }[DomainEventType];

const clock = new TravelClock('2026-01-10T03:00:00Z');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000'
  + '1f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082', 'hex');
let t: TestApp;
let support: TestUser;
let finance: TestUser;
let seen: Seen[] = [];

/**
 * What was emitted since the last call, by type: a reaction's own events (the order following a
 * payment) are recorded before the event that caused them, since the domains' handlers run first.
 */
const take = () => {
  const out = [...seen].sort((a, b) => a.type.localeCompare(b.type));
  seen = [];
  return out;
};
const sorted = (events: Seen[]) => [...events].sort((a, b) => a.type.localeCompare(b.type));

beforeAll(async () => {
  t = await startTestApp({ clock, env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
  for (const type of ALL) {
    t.app.services.events.on(type, 'test: record', (_em, payload, meta) => void seen.push({ type, payload, actorId: meta.actorId } as Seen));
  }
  support = await t.createUser('SUPPORT');
  finance = await t.createUser('FINANCE');
});
afterAll(() => t?.close());

async function customerWithProfile() {
  const c = await t.createUser('CUSTOMER');
  await t.ok(`mutation($i: ProfileInput!) { updateMyProfile(input: $i) { id } }`, { i: { nik: '3171014501900001', address: 'Jl. Kebon Sirih No. 10, Jakarta Pusat' } }, c.token);
  return c;
}

/** Moves the clock; tokens are signed with it, so everyone signs in again. */
async function travel(iso: string, ...users: TestUser[]) {
  clock.set(iso);
  for (const u of [support, finance, ...users]) {
    u.token = (await t.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: u.username, password: u.password } })).login.accessToken;
  }
}

const spkAct = (name: string, withReason = false) =>
  withReason ? `mutation($id: ID!, $r: SpkReasonInput!) { ${name}(id: $id, input: $r) { id status } }` : `mutation($id: ID!) { ${name}(id: $id) { id status downloadUrl } }`;

// Whole flows through the real server (PDF signing included): slow on a loaded machine.
describe('domain events at their source', { timeout: 240_000 }, () => {
  it('order and SPK moves: placed, created, revision requested, approved, customer signed (upload), confirmed, cancelled', async () => {
    await travel('2026-01-10T03:00:00Z');
    const c = await customerWithProfile();
    take();
    const order = await checkoutOrder(t, c, 'vps-nvme-4', 12);
    expect(take()).toEqual([{ type: 'order.placed', payload: { orderId: order.id, customerId: c.id }, actorId: c.id }]);

    const spk = (await t.ok(`mutation($o: ID!) { createSpk(orderId: $o) { id } }`, { o: order.id }, support.token)).createSpk;
    const ids = { spkId: spk.id, orderId: order.id, customerId: c.id };
    expect(take()).toEqual([{ type: 'spk.created', payload: ids, actorId: support.id }]);

    await t.ok(spkAct('submitSpkForReview'), { id: spk.id }, support.token);
    expect(take()).toEqual([]);
    await t.ok(spkAct('requestSpkRevision', true), { id: spk.id, r: { reason: 'Mohon perbaiki alamat' } }, c.token);
    expect(take()).toEqual([{ type: 'spk.revisionRequested', payload: { ...ids, note: 'Mohon perbaiki alamat' }, actorId: c.id }]);
    await t.ok(spkAct('reviseSpk'), { id: spk.id }, support.token);
    await t.ok(spkAct('submitSpkForReview'), { id: spk.id }, support.token);
    expect(take()).toEqual([]);
    await t.ok(spkAct('approveSpk'), { id: spk.id }, c.token);
    expect(take()).toEqual([{ type: 'spk.approved', payload: ids, actorId: c.id }]);

    const signed = (await t.ok(spkAct('signSpk'), { id: spk.id }, support.token)).signSpk;
    expect(take()).toEqual([]);
    const adminSigned = new Uint8Array(await (await fetch(`${t.url}${signed.downloadUrl}`, { headers: { authorization: `Bearer ${c.token}` } })).arrayBuffer());
    const countersigned = await signPdf(adminSigned, await generateDevIdentity({ commonName: 'Budi Pelanggan', organization: 'PT Maju Bersama' }), {
      reason: 'Setuju', location: 'Jakarta', name: 'Budi Pelanggan', signingTime: clock.now(),
      visible: { box: { page: 0, x: 40, y: 40, width: 160, height: 50 }, lines: ['Budi Pelanggan'] },
    });
    const up = await fetch(`${t.url}/files/spk/${spk.id}/signed`, { method: 'PUT', headers: { authorization: `Bearer ${c.token}` }, body: new Uint8Array(countersigned) });
    expect(up.status).toBe(201);
    expect(take()).toEqual([{ type: 'spk.customerSigned', payload: { ...ids, via: 'UPLOAD' }, actorId: c.id }]);
    // A refused upload (same file again, wrong state) tells nobody anything.
    expect((await fetch(`${t.url}/files/spk/${spk.id}/signed`, { method: 'PUT', headers: { authorization: `Bearer ${c.token}` }, body: new Uint8Array(countersigned) })).status).toBe(409);
    expect(take()).toEqual([]);

    await t.ok(spkAct('confirmSpk'), { id: spk.id }, support.token);
    expect(take()).toEqual([{ type: 'spk.confirmed', payload: ids, actorId: support.id }]);

    const other = await checkoutOrder(t, c, 'vps-nvme-4', 12);
    take();
    await t.ok(`mutation($id: ID!) { cancelOrder(id: $id, reason: " Salah pilih paket ") { status } }`, { id: other.id }, c.token);
    expect(take()).toEqual([{ type: 'order.cancelled', payload: { orderId: other.id, customerId: c.id, reason: 'Salah pilih paket' }, actorId: c.id }]);
  });

  it('payment and hosting moves: proof uploaded, settled (transfer and gateway), service failed and activated, suspended, unsuspended, refunded, completed', async () => {
    await travel('2026-01-10T03:00:00Z');
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c, 'vps-nvme-4', 12);
    await confirmSpkForTest(t, order.id);
    take();
    const ids = { orderId: order.id, customerId: c.id };

    // The down payment by bank transfer: proof uploaded, then FINANCE settles it.
    const transfer = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id amount } }`, { i: { orderId: order.id, method: 'BANK_TRANSFER' } }, c.token)).createPayment;
    expect(take()).toEqual([]);
    const proof = await fetch(`${t.url}/files/payments/${transfer.id}/proof`, { method: 'PUT', headers: { authorization: `Bearer ${c.token}` }, body: new Uint8Array(PNG) });
    expect(proof.status).toBe(201);
    expect(take()).toEqual([{ type: 'payment.proofUploaded', payload: { paymentId: transfer.id, ...ids }, actorId: c.id }]);
    await t.ok(`mutation($id: ID!) { settlePayment(id: $id) { status } }`, { id: transfer.id }, finance.token);
    expect(take()).toEqual(sorted([
      { type: 'payment.settled', payload: { paymentId: transfer.id, ...ids, amount: BigInt(transfer.amount), method: 'BANK_TRANSFER' }, actorId: finance.id },
      { type: 'order.activated', payload: ids, actorId: finance.id },
      { type: 'order.balanceChanged', payload: { ...ids, paymentId: transfer.id, refund: false, restructuringRound: null }, actorId: finance.id },
    ]));

    // The driver fails once (a retry is scheduled), then staff retry and it is created.
    const item = (await t.ok(`query($id: ID!) { order(id: $id) { items { id } } }`, { id: order.id }, c.token)).order.items[0].id;
    const driver = t.app.services.hosting.driverByName('local');
    const create = driver.create;
    driver.create = async () => {
      throw new DriverError('hypervisor unreachable', true);
    };
    let service;
    try {
      service = (await t.ok(`mutation($i: CreateServiceInput!) { createService(input: $i) { id provisioning } }`, { i: { orderItemId: item, label: 'web-events', osTemplate: 'ubuntu-24.04' } }, c.token)).createService;
    } finally {
      driver.create = create;
    }
    expect(service.provisioning).toBe('FAILED');
    expect(take()).toEqual([{ type: 'service.failed', payload: { serviceId: service.id, ...ids, error: 'hypervisor unreachable', action: 'create', retrying: true }, actorId: null }]);
    await t.ok(`mutation($id: ID!) { retryServiceProvisioning(id: $id) { status } }`, { id: service.id }, support.token);
    expect(take()).toEqual([{ type: 'service.activated', payload: { serviceId: service.id, ...ids }, actorId: null }]);

    // Overdue: the customer chooses to suspend, SUPPORT lifts it with a deadline.
    await travel('2026-02-15T03:00:00Z', c);
    await t.ok(`mutation($o: ID!) { suspendOrder(orderId: $o, reason: "Belum ada dana") { status } }`, { o: order.id }, c.token);
    expect(take()).toEqual([{ type: 'order.suspended', payload: { ...ids, cause: 'CUSTOMER_CHOICE', reason: 'Belum ada dana' }, actorId: c.id }]);
    await t.ok(`mutation($o: ID!) { unsuspendOrder(orderId: $o, input: { reason: "Kesempatan kedua", payUntil: "2026-02-20" }) { status } }`, { o: order.id }, support.token);
    expect(take()).toEqual([{ type: 'order.unsuspended', payload: { ...ids, payUntil: '2026-02-20' }, actorId: support.id }]);

    // Suspended for non-payment; paying the arrears through the gateway lifts it by itself.
    await t.ok(`mutation($o: ID!) { suspendOrder(orderId: $o) { status } }`, { o: order.id }, support.token);
    expect(take()).toEqual([{ type: 'order.suspended', payload: { ...ids, cause: 'NON_PAYMENT', reason: null }, actorId: support.id }]);
    await payThroughSandbox(t, c, order.id);
    const [balance, lifted, settled, ...rest] = take();
    expect(rest).toEqual([]);
    expect(settled).toMatchObject({ type: 'payment.settled', payload: { ...ids, method: 'GATEWAY' }, actorId: null });
    const settledId = (settled!.payload as DomainEventMap['payment.settled']).paymentId;
    expect(balance).toEqual({ type: 'order.balanceChanged', payload: { ...ids, paymentId: settledId, refund: false, restructuringRound: null }, actorId: null });
    expect(lifted).toEqual({ type: 'order.unsuspended', payload: { ...ids, payUntil: null }, actorId: null });

    // A refund of that payment, then the payoff of everything: the order completes.
    const refundId = (settled!.payload as DomainEventMap['payment.settled']).paymentId;
    await t.ok(`mutation($id: ID!) { refundPayment(id: $id, input: { reason: "Salah transfer" }) { status } }`, { id: refundId }, finance.token);
    expect(take()).toEqual(sorted([
      { type: 'payment.refunded', payload: { paymentId: refundId, ...ids, amount: (settled!.payload as DomainEventMap['payment.settled']).amount }, actorId: finance.id },
      { type: 'order.balanceChanged', payload: { ...ids, paymentId: refundId, refund: true, restructuringRound: null }, actorId: finance.id },
    ]));
    await travel('2026-02-16T03:00:00Z', c);
    const payoff = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id reference amount } }`, { i: { orderId: order.id, method: 'GATEWAY', payoff: true } }, c.token)).createPayment;
    const { rawBody, headers } = signSandboxEvent(t.app.services.sandboxPaymentSecret, { reference: payoff.reference, providerReference: null, status: 'SETTLED', amount: BigInt(payoff.amount), eventId: `e-${payoff.reference}` });
    expect((await (await fetch(`${t.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) })).json()).outcome).toBe('settled');
    expect(take()).toEqual(sorted([
      { type: 'payment.settled', payload: { paymentId: payoff.id, ...ids, amount: BigInt(payoff.amount), method: 'GATEWAY' }, actorId: null },
      { type: 'order.balanceChanged', payload: { ...ids, paymentId: payoff.id, refund: false, restructuringRound: null }, actorId: null },
      { type: 'order.completed', payload: ids, actorId: null },
    ]));
    // The same webhook again is a duplicate: no second event.
    await fetch(`${t.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) });
    expect(take()).toEqual([]);
  });

  it('the billing pass suspends for non-payment where the plan says so', async () => {
    await travel('2026-01-10T03:00:00Z');
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c, 'vps-nvme-4', 12);
    await confirmSpkForTest(t, order.id);
    await payThroughSandbox(t, c, order.id);
    await t.app.orm.em.fork().getConnection().execute(`update orders set auto_suspend_after_days = 3 where id = ?`, [order.id]);
    await travel('2026-02-20T03:00:00Z', c);
    take();
    const admin = await t.adminToken();
    const res = await t.ok(`mutation { runBillingPass { suspendedOrders } }`, {}, admin);
    expect(res.runBillingPass.suspendedOrders).toContain(order.id);
    expect(take().filter((e) => e.payload.orderId === order.id)).toEqual(sorted([
      { type: 'installment.autoSuspendDue', payload: { orderId: order.id, customerId: c.id, afterDays: 3 }, actorId: null },
      { type: 'order.suspended', payload: { orderId: order.id, customerId: c.id, cause: 'NON_PAYMENT', reason: 'Otomatis: lewat 3 hari dari jatuh tempo' }, actorId: null },
    ]));
  });
});
