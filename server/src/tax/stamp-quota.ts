/**
 * When ADMIN hears of the quota: once when the remaining count reaches STAMP_QUOTA_LOW, and on every
 * use once it is spent (each one is a stamp the distributor may refuse). The ordinal comes from a
 * counter taken under its row lock, so two stamps at once never both (or neither) see the crossing.
 * `bought` is everything bought (STAMP_QUOTA plus recorded purchases); 0: the quota is not tracked.
 * Apart from the ledger (stamp-ledger.ts) so the rule's unit test loads no ORM.
 */
export function quotaWarning(bought: number, low: number, ordinal: number): number | null {
  if (bought <= 0) return null;
  const remaining = bought - ordinal;
  return remaining === low || remaining <= 0 ? remaining : null;
}
