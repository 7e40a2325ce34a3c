/** todayJakarta keeps the day last computed: it must still answer the right date at every instant. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { todayJakarta, ZONE } from '../../server/src/common/time';

const at = (iso: string) => ({ now: () => new Date(iso) });

describe('todayJakarta', () => {
  it('turns at midnight Jakarta (17:00 UTC), forwards and backwards in time', () => {
    expect(todayJakarta(at('2026-12-04T16:59:59.999Z'))).toBe('2026-12-04');
    expect(todayJakarta(at('2026-12-04T17:00:00.000Z'))).toBe('2026-12-05');
    expect(todayJakarta(at('2026-12-05T16:59:59.999Z'))).toBe('2026-12-05');
    expect(todayJakarta(at('2026-12-04T16:59:59.999Z'))).toBe('2026-12-04');
    expect(todayJakarta(at('2031-02-28T17:00:00.000Z'))).toBe('2031-03-01');
    expect(todayJakarta(at('2026-12-04T16:59:59.999Z'))).toBe('2026-12-04');
  });

  it('agrees with luxon at every hour over a year, in any order', () => {
    const hours = Array.from({ length: 24 * 366 }, (_, n) => Date.UTC(2027, 0, 1) + n * 3_600_000 + (n % 7) * 60_000);
    // Shuffled deterministically, so consecutive calls jump between days.
    const shuffled = hours.map((h, n) => [(n * 7919) % hours.length, h] as const).sort((a, b) => a[0] - b[0]).map(([, h]) => h);
    for (const ms of [...hours, ...shuffled]) {
      expect(todayJakarta({ now: () => new Date(ms) })).toBe(DateTime.fromMillis(ms, { zone: ZONE }).toISODate());
    }
  });
});
