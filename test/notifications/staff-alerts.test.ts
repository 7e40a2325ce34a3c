import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEventMap } from '../../server/src/events/domain-events';
import { deliverDue } from '../../server/src/notifications/notifications.service';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { listenForNotifications } from '../support/live';
import { checkoutOrder, confirmSpkForTest } from '../support/orders';
import { startSmtpInbox } from '../support/smtp';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpInbox>>;
let support: TestUser;
let finance: TestUser;
let admin: { id: string; token: string };

beforeAll(async () => {
  smtp = await startSmtpInbox();
  t = await startTestApp({ env: smtp.env });
  support = await t.createUser('SUPPORT');
  finance = await t.createUser('FINANCE');
  const token = await t.adminToken();
  admin = { id: (await t.ok(`{ me { id } }`, {}, token)).me.id, token };
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** Emits as the domain would: inside a transaction, with the actor in the meta. */
function emit<K extends keyof DomainEventMap>(type: K, payload: DomainEventMap[K], actorId: string | null) {
  return t.app.orm.em.fork().transactional((tx) => t.app.services.events.emit(tx, type, payload, { actorId }));
}

const NOTES = `{ myNotifications(perPage: 50) { items { type title body link data } } }`;
const notes = async (token: string) => (await t.ok(NOTES, {}, token)).myNotifications.items as { type: string; title: string; body: string; link: string; data: { move: string } }[];
const moves = async (token: string) => (await notes(token)).filter((n) => n.type === 'STAFF_CUSTOMER_MOVE').map((n) => n.data.move);

/** A customer, their order, its SPK (drafted by SUPPORT) and an online payment record on it. */
async function customerWithRecords() {
  const c = await t.createUser('CUSTOMER');
  await t.ok(`mutation { updateMyProfile(input: { nik: "3171014501900001", address: "Jl. Kebon Sirih No. 10, Jakarta" }) { id } }`, {}, c.token);
  const order = await checkoutOrder(t, c);
  const spk = (await t.ok(`mutation($o: ID!) { createSpk(orderId: $o) { id number } }`, { o: order.id }, support.token)).createSpk as { id: string; number: string };
  await confirmSpkForTest(t, order.id);
  const payment = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id reference amount } }`, { i: { orderId: order.id, method: 'GATEWAY' } }, c.token))
    .createPayment as { id: string; reference: string; amount: string };
  return { c, order, spk, payment };
}

async function emitEveryMove(r: Awaited<ReturnType<typeof customerWithRecords>>) {
  const ids = { orderId: r.order.id, customerId: r.c.id };
  await emit('order.placed', ids, r.c.id);
  await emit('spk.approved', { ...ids, spkId: r.spk.id }, r.c.id);
  await emit('spk.revisionRequested', { ...ids, spkId: r.spk.id, note: 'Mohon nama perusahaan dicantumkan.' }, r.c.id);
  await emit('spk.customerSigned', { ...ids, spkId: r.spk.id, via: 'UPLOAD' }, r.c.id);
  await emit('payment.proofUploaded', { ...ids, paymentId: r.payment.id }, r.c.id);
  await emit('order.suspended', { ...ids, cause: 'CUSTOMER_CHOICE', reason: 'Libur akhir tahun' }, r.c.id);
  await emit('payment.settled', { ...ids, paymentId: r.payment.id, amount: BigInt(r.payment.amount), method: 'GATEWAY' }, null);
}

// Each test walks a customer through the API first: slow on a machine shared by many test runs.
describe('staff alerts on customer moves', { timeout: 180_000 }, () => {
  it('sends each move of an unassigned order to the role that must act and the admins, in-app and by email, with the link', async () => {
    const r = await customerWithRecords();
    const before = { support: (await moves(support.token)).length, finance: (await moves(finance.token)).length, admin: (await moves(admin.token)).length };
    await emitEveryMove(r);

    // Newest first: the moves added by this test are the first (now - before) entries.
    const added = async (token: string, had: number) => {
      const all = await moves(token);
      return all.slice(0, all.length - had).sort();
    };
    expect(await added(support.token, before.support)).toEqual(['ORDER_PLACED', 'ORDER_SUSPENDED', 'SPK_APPROVED', 'SPK_REVISION_REQUESTED', 'SPK_SIGNED']);
    expect(await added(finance.token, before.finance)).toEqual(['PAYMENT_PROOF_UPLOADED', 'PAYMENT_SETTLED']);
    expect(await added(admin.token, before.admin)).toHaveLength(7);

    const all = await notes(support.token);
    const revision = all.find((n) => n.data.move === 'SPK_REVISION_REQUESTED')!;
    expect(revision.link).toBe(`/admin/spks/${r.spk.id}/show`);
    expect(revision.title).toContain(r.spk.number);
    expect(revision.body).toContain('Mohon nama perusahaan dicantumkan.');
    const suspended = all.find((n) => n.data.move === 'ORDER_SUSPENDED')!;
    expect(suspended.link).toBe(`/admin/orders/${r.order.id}/show`);
    expect(suspended.title).toContain(`menangguhkan pesanan ${r.order.number}`);
    expect(suspended.body).toContain('Alasan: Libur akhir tahun.');
    const proof = (await notes(finance.token)).find((n) => n.data.move === 'PAYMENT_PROOF_UPLOADED')!;
    expect(proof.link).toBe(`/admin/payments/${r.payment.id}/show`);

    await deliverDue(t.app.orm.em.fork(), t.app.services.notifications);
    const mails = smtp.to(`${finance.username}@example.co.id`);
    const proofMail = mails.find((m) => m.subject.startsWith('Bukti transfer'))!;
    expect(proofMail.text).toContain(`${t.url}/admin/payments/${r.payment.id}/show`);
    expect(proofMail.html).toContain(`href="${t.url}/admin/payments/${r.payment.id}/show"`);
    expect(proofMail.text).toContain(r.order.number);
  });

  it('sends the moves of an assigned order to the assigned staff member only', async () => {
    const r = await customerWithRecords();
    const sari = await t.createUser('SUPPORT');
    await t.ok(`mutation($id: ID!, $to: ID!) { assignOrder(id: $id, assigneeId: $to) { id } }`, { id: r.order.id, to: sari.id }, admin.token);
    const before = { support: (await moves(support.token)).length, finance: (await moves(finance.token)).length, admin: (await moves(admin.token)).length };
    await emitEveryMove(r);
    expect((await moves(sari.token)).sort()).toEqual(['ORDER_PLACED', 'ORDER_SUSPENDED', 'PAYMENT_PROOF_UPLOADED', 'PAYMENT_SETTLED', 'SPK_APPROVED', 'SPK_REVISION_REQUESTED', 'SPK_SIGNED']);
    expect((await moves(support.token)).length).toBe(before.support);
    expect((await moves(finance.token)).length).toBe(before.finance);
    expect((await moves(admin.token)).length).toBe(before.admin);
  });

  it('leaves out staff moves (a suspension by staff, a transfer staff settled) and a rolled-back move', async () => {
    const r = await customerWithRecords();
    const before = await moves(admin.token);
    const ids = { orderId: r.order.id, customerId: r.c.id };
    await emit('order.suspended', { ...ids, cause: 'NON_PAYMENT', reason: 'Tunggakan' }, support.id);
    await emit('payment.settled', { ...ids, paymentId: r.payment.id, amount: 1000n, method: 'BANK_TRANSFER' }, finance.id);
    await expect(
      t.app.orm.em.fork().transactional(async (tx) => {
        await t.app.services.events.emit(tx, 'order.placed', ids, { actorId: r.c.id });
        throw new Error('the checkout failed after the event');
      }),
    ).rejects.toThrow('checkout failed');
    expect(await moves(admin.token)).toEqual(before);
  });

  it('follows each staff member’s channels: in-app always, email and WhatsApp only when chosen', async () => {
    const quiet = await t.createUser('SUPPORT');
    await t.ok(`mutation { updateMyProfile(input: { notifyByEmail: false, notifyByWhatsApp: false }) { notifyByEmail notifyByWhatsApp } }`, {}, quiet.token);
    const loud = await t.createUser('SUPPORT');
    await t.ok(`mutation { updateMyProfile(input: { notifyByEmail: true, notifyByWhatsApp: true }) { id } }`, {}, loud.token);
    // The checkout itself announces the order (order.placed at its source).
    await customerWithRecords();
    expect(await moves(quiet.token)).toEqual(['ORDER_PLACED']);
    const rows = await t.app.orm.em.fork().getConnection().execute<{ target: string; channel: string }[]>(
      `select d.target, d.channel from notification_deliveries d join notifications n on n.id = d.notification_id where n.recipient_id in (?, ?) order by d.channel`,
      [quiet.id, loud.id],
    );
    expect(rows.map((d) => d.channel)).toEqual(['EMAIL', 'WHATSAPP']);
    expect(rows[0]!.target).toBe(`${loud.username}@example.co.id`);
  });

  it('reaches the staff bell live over graphql-ws', async () => {
    const watcher = await t.createUser('FINANCE');
    const bell = await listenForNotifications(t.url, watcher.token);
    const r = await customerWithRecords();
    await emit('payment.proofUploaded', { orderId: r.order.id, customerId: r.c.id, paymentId: r.payment.id }, r.c.id);
    const [live] = await bell.waitFor(1);
    expect(live).toMatchObject({ type: 'STAFF_CUSTOMER_MOVE', link: `/admin/payments/${r.payment.id}/show` });
    expect(live!.title).toContain('Bukti transfer');
    await bell.close();
  });
});
