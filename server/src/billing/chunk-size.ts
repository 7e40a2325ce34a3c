/**
 * How many orders the billing pass takes per chunk (each chunk its own short transaction), apart from
 * the pass itself so that the rule is read, and tested, without loading the ORM.
 */

/** Chunk sizing when `chunkOrders` is unset: where it starts, its bounds and the time a chunk aims at. */
export const CHUNK = { first: 50, min: 5, max: 2_000, ms: 250 };

/**
 * The next chunk's size from how long the last one held its locks: proportional to the time left to
 * the target, at most doubling or halving per chunk (one slow statement under load must not swing it).
 */
export function nextChunkSize(size: number, elapsedMs: number, targetMs: number): number {
  const factor = Math.min(2, Math.max(0.5, targetMs / Math.max(1, elapsedMs)));
  return Math.min(CHUNK.max, Math.max(CHUNK.min, Math.round(size * factor)));
}
