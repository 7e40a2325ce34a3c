import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ZONE } from '../../server/src/common/time';
import { daysLate } from '../../server/src/installments/rules';

/** Jakarta's calendar through luxon, the way daysLate counted before it took plain dates as UTC midnights. */
const byLuxon = (dueDate: string, date: string) =>
  Math.round(DateTime.fromISO(date, { zone: ZONE }).diff(DateTime.fromISO(dueDate, { zone: ZONE }), 'days').days);

const plainDay = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('daysLate', () => {
  it('counts calendar days between plain dates as Jakarta\'s calendar does (leap years, month ends, either order)', () => {
    fc.assert(fc.property(plainDay, plainDay, (due, day) => daysLate(due, day) === byLuxon(due, day)), { numRuns: 2_000 });
    expect(daysLate('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysLate('2026-07-10', '2026-07-03')).toBe(-7);
  });

  it('still reads other ISO forms in Jakarta\'s zone', () => {
    expect(daysLate('2026-07-01T23:30:00+07:00', '2026-07-03')).toBe(byLuxon('2026-07-01T23:30:00+07:00', '2026-07-03'));
  });
});
