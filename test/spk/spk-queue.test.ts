import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_WAITING_STATUSES as CUSTOMER_WAITING, STAFF_WAITING_STATUSES as STAFF_WAITING } from '../../admin/src/spk/queue';
import { CUSTOMER_ACTIONS, SPK_NEXT_PARTY, SpkAction, SpkParty, SpkStatus, spkMachine, spkStatusesWaitingFor } from '../../server/src/spk/spk-status';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder } from '../support/orders';

/** The SPK queue: in every open state exactly one party must act, and every screen agrees on whom. */

describe('whose move it is', () => {
  it('in every state the actions that move the SPK forward belong to the one party named for it', () => {
    for (const status of Object.values(SpkStatus)) {
      // Cancelling is staff's way out of any open state, not a step someone is waiting for.
      const moves = spkMachine.allowedActions(status).filter((a) => a !== SpkAction.CANCEL);
      const party = SPK_NEXT_PARTY[status];
      if (party === null) {
        expect(moves, status).toEqual([]);
        continue;
      }
      expect(moves.length, status).toBeGreaterThan(0);
      for (const a of moves) expect(CUSTOMER_ACTIONS.has(a) ? SpkParty.CUSTOMER : SpkParty.STAFF, `${status} ${a}`).toBe(party);
    }
  });

  it("the staff console's tabs are the API's parties", () => {
    expect([...STAFF_WAITING].sort()).toEqual(spkStatusesWaitingFor(SpkParty.STAFF).sort());
    expect([...CUSTOMER_WAITING].sort()).toEqual(spkStatusesWaitingFor(SpkParty.CUSTOMER).sort());
  });
});

describe('after the customer approves', () => {
  let t: TestApp;
  let support: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    support = await t.createUser('SUPPORT');
  });
  afterAll(() => t?.close());

  const SPK = 'id status waitingFor allowedActions';
  const act = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { ${SPK} } }`;

  it("is the staff's move: the customer sees nothing to do, staff may sign, and the dashboard lists it", async () => {
    const c = await t.createUser('CUSTOMER');
    await t.ok(`mutation($i: ProfileInput!) { updateMyProfile(input: $i) { id } }`, { i: { nik: '3171014501900001', address: 'Jl. Kebon Sirih No. 10, Jakarta Pusat' } }, c.token);
    const order = await checkoutOrder(t, c);
    const created = (await t.ok(`mutation($o: ID!) { createSpk(orderId: $o) { ${SPK} } }`, { o: order.id }, support.token)).createSpk;
    expect(created).toMatchObject({ status: 'DRAFT', waitingFor: 'STAFF' });
    const review = (await t.ok(act('submitSpkForReview'), { id: created.id }, support.token)).submitSpkForReview;
    expect(review.waitingFor).toBe('CUSTOMER');
    const asCustomer = (await t.ok(`query($id: ID!) { spk(id: $id) { ${SPK} } }`, { id: created.id }, c.token)).spk;
    expect(asCustomer.allowedActions.sort()).toEqual(['APPROVE', 'REQUEST_REVISION']);

    const approved = (await t.ok(act('approveSpk'), { id: created.id }, c.token)).approveSpk;
    expect(approved).toMatchObject({ status: 'APPROVED', waitingFor: 'STAFF', allowedActions: [] });
    // Approving twice, or asking for changes after approving, is a conflict.
    expect((await t.gql(act('approveSpk'), { id: created.id }, c.token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await t.gql(`mutation($id: ID!) { requestSpkRevision(id: $id, input: { reason: "x" }) { id } }`, { id: created.id }, c.token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const asStaff = (await t.ok(`query($id: ID!) { spk(id: $id) { ${SPK} } }`, { id: created.id }, support.token)).spk;
    expect(asStaff.allowedActions).toEqual(expect.arrayContaining(['SIGN', 'REVISE', 'CANCEL']));
    const staffTab = (await t.ok(`query($s: [SpkStatus!]) { spks(filter: { status: $s }, perPage: 200) { items { id } } }`, { s: STAFF_WAITING }, support.token)).spks.items;
    expect(staffTab.map((s: { id: string }) => s.id)).toContain(created.id);
    const admin = await t.createUser('ADMIN');
    const queue = (await t.ok(`{ dashboard { spksAwaitingStaff(limit: 50) { items { spkId status } } } }`, {}, admin.token)).dashboard.spksAwaitingStaff.items;
    expect(queue).toContainEqual({ spkId: created.id, status: 'APPROVED' });

    const signed = (await t.ok(act('signSpk'), { id: created.id }, support.token)).signSpk;
    expect(signed).toMatchObject({ status: 'ADMIN_SIGNED', waitingFor: 'CUSTOMER' });
  }, 60_000);
});
