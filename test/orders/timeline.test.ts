import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAuditAction } from '../../server/src/audit/sentences';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { completeCustomer } from '../support/console-steps';
import { checkoutOrder } from '../support/orders';

const TIMELINE = `query($id: ID!) { orderTimeline(orderId: $id) { id at action sentence parts { text kind refId } } }`;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Entry {
  at: string;
  action: string;
  sentence: string;
  parts: { text: string; kind: string | null; refId: string | null }[];
}

/**
 * The order's history (#16 item 3): one list of sentences in the reader's language, merging the order's,
 * its SPK's, its payments' and its notices' events in time order; the customer sees their part only.
 */
describe('order timeline', () => {
  let t: TestApp;
  let staff: TestUser;
  let customer: TestUser;
  let order: { id: string; number: string };
  let spkNumber: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.createUser('SUPPORT');
    customer = await completeCustomer(t);
    order = await checkoutOrder(t, customer);
    await t.ok(`mutation($id: ID!, $s: ID!) { assignOrder(id: $id, assigneeId: $s) { id } }`, { id: order.id, s: staff.id }, await t.adminToken());
    const spk = (await t.ok(`mutation($o: ID!) { createSpk(orderId: $o) { id number } }`, { o: order.id }, staff.token)).createSpk;
    spkNumber = spk.number;
    await t.ok(`mutation($id: ID!) { submitSpkForReview(id: $id) { id } }`, { id: spk.id }, staff.token);
    await t.ok(`mutation($id: ID!, $c: String!) { requestSpkRevision(id: $id, input: { reason: $c }) { id } }`, { id: spk.id, c: 'Alamat salah' }, customer.token);
  }, 240_000);
  afterAll(() => t?.close());

  it('merges order, SPK and notice events in time order, as sentences with named, linked records', async () => {
    const entries = (await t.ok(TIMELINE, { id: order.id }, staff.token)).orderTimeline as Entry[];
    const times = entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const actions = entries.map((e) => e.action);
    for (const a of ['order.checkout', 'order.assign', 'spk.create', 'spk.submit_for_review', 'spk.request_revision', 'notice']) expect(actions).toContain(a);
    for (const e of entries) {
      expect(e.sentence, e.action).not.toMatch(UUID);
      expect(e.sentence, e.action).not.toContain(e.action);
    }
    const revision = entries.find((e) => e.action === 'spk.request_revision')!;
    expect(revision.sentence).toContain(`meminta revisi SPK ${spkNumber}: alasan Alamat salah`);
    expect(revision.parts.find((p) => p.kind === 'SPK')?.text).toBe(spkNumber);
    const checkout = entries.find((e) => e.action === 'order.checkout')!;
    expect(checkout.parts.find((p) => p.kind === 'ORDER')).toMatchObject({ text: order.number, refId: order.id });
    expect(checkout.parts.find((p) => p.kind === 'CUSTOMER')?.refId).toBe(customer.id);
  });

  it('answers in English when asked', async () => {
    const res = await t.gql(TIMELINE, { id: order.id }, staff.token, { 'accept-language': 'en' });
    const entries = res.data!.orderTimeline as Entry[];
    expect(entries.find((e) => e.action === 'spk.request_revision')!.sentence).toContain(`asked for changes to SPK ${spkNumber}: reason Alamat salah`);
  });

  it("shows the customer their part only, with the company acting for staff; another customer learns nothing", async () => {
    const mine = (await t.ok(TIMELINE, { id: order.id }, customer.token)).orderTimeline as Entry[];
    const actions = mine.map((e) => e.action);
    expect(actions).toContain('spk.request_revision');
    expect(actions).not.toContain('order.assign');
    expect(mine.every((e) => e.parts.every((p) => p.kind !== 'STAFF' && p.kind !== 'CUSTOMER'))).toBe(true);
    const staffName = (await t.ok(`query($id: ID!) { user(id: $id) { fullName } }`, { id: staff.id }, await t.adminToken())).user.fullName as string;
    expect(mine.map((e) => e.sentence).join('\n')).not.toContain(staffName);
    const other = await t.createUser('CUSTOMER');
    const res = await t.gql(TIMELINE, { id: order.id }, other.token);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('names the actor of a billing pass run from the console; the audit log reads as sentences', async () => {
    const admin = await t.adminToken();
    await t.ok(`mutation { runBillingPass { date } }`, {}, admin);
    const log = (await t.ok(`query { auditLog(filter: { action: "billing.pass" }) { items { actorId sentence parts { kind text } } } }`, {}, admin)).auditLog.items;
    expect(log[0].actorId).not.toBeNull();
    expect(log[0].sentence).toMatch(/^.+ menjalankan penagihan harian untuk \d{1,2} \w+ \d{4}$/);
    expect(log[0].sentence).not.toMatch(/^Sistem/);
  });

  it('has a sentence for every action in the database after the walk', async () => {
    const rows = await t.app.orm.em.fork().getConnection().execute<{ action: string }[]>('select distinct action from audit_log');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.map((r) => r.action).filter((a) => !isAuditAction(a))).toEqual([]);
  });
});
