import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJakarta } from '../../server/src/common/time';
import { generateDevIdentity, signPdf } from '../../server/src/spk/document/sign';
import { TINY_PNG as PNG } from '../support/files';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { listenForNotifications } from '../support/live';
import { checkoutOrder, payThroughSandbox } from '../support/orders';

/**
 * End to end: a customer walks through purchase, SPK, transfer proof, suspension and an online
 * payment over the real API, and the staff who must act see each move arrive on their bell (the
 * graphql-ws subscription) and in their notifications, with the way to the record.
 */

let t: TestApp;
let support: TestUser;
let finance: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  support = await t.createUser('SUPPORT');
  finance = await t.createUser('FINANCE');
});
afterAll(() => t?.close());

const act = (name: string, withReason = false) =>
  withReason ? `mutation($id: ID!, $r: SpkReasonInput!) { ${name}(id: $id, input: $r) { id } }` : `mutation($id: ID!) { ${name}(id: $id) { id downloadUrl } }`;
const put = (path: string, token: string, body: Uint8Array) => fetch(`${t.url}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(body) });
const movesOf = (items: { type: string; data: Record<string, unknown> | null }[]) => items.filter((n) => n.type === 'STAFF_CUSTOMER_MOVE').map((n) => n.data!.move);

describe('staff hear each customer move live', { timeout: 300_000 }, () => {
  it('SUPPORT gets the order and SPK moves and the suspension, FINANCE the proof and the online payment', async () => {
    const supportBell = await listenForNotifications(t.url, support.token);
    const financeBell = await listenForNotifications(t.url, finance.token);
    const c = await t.createUser('CUSTOMER');
    await t.ok(`mutation { updateMyProfile(input: { nik: "3171014501900001", address: "Jl. Kebon Sirih No. 10, Jakarta" }) { id } }`, {}, c.token);

    const order = await checkoutOrder(t, c);
    const spk = (await t.ok(`mutation($o: ID!) { createSpk(orderId: $o) { id } }`, { o: order.id }, support.token)).createSpk;
    await t.ok(act('submitSpkForReview'), { id: spk.id }, support.token);
    await t.ok(act('requestSpkRevision', true), { id: spk.id, r: { reason: 'Mohon perbaiki alamat' } }, c.token);
    await t.ok(act('reviseSpk'), { id: spk.id }, support.token);
    await t.ok(act('submitSpkForReview'), { id: spk.id }, support.token);
    await t.ok(act('approveSpk'), { id: spk.id }, c.token);
    const signed = (await t.ok(act('signSpk'), { id: spk.id }, support.token)).signSpk;
    const adminSigned = new Uint8Array(await (await fetch(`${t.url}${signed.downloadUrl}`, { headers: { authorization: `Bearer ${c.token}` } })).arrayBuffer());
    const countersigned = await signPdf(adminSigned, await generateDevIdentity({ commonName: 'Budi Pelanggan', organization: 'PT Maju Bersama' }), {
      reason: 'Setuju', location: 'Jakarta', name: 'Budi Pelanggan', signingTime: new Date(),
      visible: { box: { page: 0, x: 40, y: 40, width: 160, height: 50 }, lines: ['Budi Pelanggan'] },
    });
    expect((await put(`/files/spk/${spk.id}/signed`, c.token, countersigned)).status).toBe(201);
    await t.ok(act('confirmSpk'), { id: spk.id }, support.token);

    const transfer = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id } }`, { i: { orderId: order.id, method: 'BANK_TRANSFER' } }, c.token)).createPayment;
    expect((await put(`/files/payments/${transfer.id}/proof`, c.token, PNG)).status).toBe(201);
    // FINANCE settling it is their own move: no alert for it.
    await t.ok(`mutation($id: ID!) { settlePayment(id: $id) { status } }`, { id: transfer.id }, finance.token);

    // The first installment ten days late: the customer chooses to suspend, then pays online.
    const today = todayJakarta(t.app.services.clock);
    await t.app.orm.em.fork().getConnection().execute(`update installments set due_date = ?::date - 10 where order_id = ? and number = 1`, [today, order.id]);
    await t.ok(`mutation($o: ID!) { suspendOrder(orderId: $o, reason: "Belum ada dana") { status } }`, { o: order.id }, c.token);
    await payThroughSandbox(t, c, order.id);

    const supportMoves = ['ORDER_PLACED', 'SPK_REVISION_REQUESTED', 'SPK_APPROVED', 'SPK_SIGNED', 'ORDER_SUSPENDED'];
    const financeMoves = ['PAYMENT_PROOF_UPLOADED', 'PAYMENT_SETTLED'];
    // Live, in the order the customer moved.
    const live = async (bell: Awaited<ReturnType<typeof listenForNotifications>>, n: number) => {
      while (movesOf(bell.received).length < n) await new Promise((r) => setTimeout(r, 20));
      return movesOf(bell.received);
    };
    expect(await live(supportBell, supportMoves.length)).toEqual(supportMoves);
    expect(await live(financeBell, financeMoves.length)).toEqual(financeMoves);
    expect(supportBell.received.find((n) => n.data!.move === 'SPK_SIGNED')!.link).toBe(`/admin/spks/${spk.id}/show`);
    expect(financeBell.received.find((n) => n.data!.move === 'PAYMENT_PROOF_UPLOADED')!.link).toBe(`/admin/payments/${transfer.id}/show`);
    const suspended = supportBell.received.find((n) => n.data!.move === 'ORDER_SUSPENDED')!;
    expect(suspended.title).toContain(`menangguhkan pesanan ${order.number}`);

    // And in their notifications, newest first.
    const listed = async (token: string) => movesOf((await t.ok(`{ myNotifications(perPage: 50) { items { type data } } }`, {}, token)).myNotifications.items).reverse();
    expect(await listed(support.token)).toEqual(supportMoves);
    expect(await listed(finance.token)).toEqual(financeMoves);
    await Promise.all([supportBell.close(), financeBell.close()]);
  });
});
