import { describe, expect, it } from 'vitest';
import { valueBatches } from '../../server/src/notifications/notifications.service';

describe('valueBatches (the notice writer\'s VALUES lists)', () => {
  it('splits rows so that no statement has more than 65,535 parameters, keeping every value in order', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`id${i}`, i % 3 ? `text "${i}", with \\ and ,` : null, 'x', 'y', 'z', 'v', 'w']);
    const batches = [...valueBatches(rows)];
    expect(batches.map((b) => b.params.length / 7)).toEqual([9_362, 9_362, 1_276]);
    for (const b of batches) {
      expect(b.params.length).toBeLessThanOrEqual(65_535);
      // One placeholder per parameter; the first row's are typed, which types the columns.
      expect(b.values.match(/\?/g)!.length).toBe(b.params.length);
      expect(b.values.startsWith('(?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text), (?, ?')).toBe(true);
    }
    expect(batches.flatMap((b) => b.params)).toEqual(rows.flat());
  });

  it('makes no statement for no rows', () => {
    expect([...valueBatches([])]).toEqual([]);
  });
});
