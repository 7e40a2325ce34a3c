import { describe, expect, it } from 'vitest';
import { CUSTOMER_WAITING_STATUSES as CUSTOMER_WAITING, STAFF_WAITING_STATUSES as STAFF_WAITING } from '../../admin/src/spk/queue';
import { CUSTOMER_ACTIONS, SPK_NEXT_PARTY, SpkAction, SpkParty, SpkStatus, spkMachine, spkStatusesWaitingFor } from '../../server/src/spk/spk-status';

/** The SPK queue: in every open state exactly one party must act, and every screen agrees on whom (the API side: spk-flow.test.ts). */

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
