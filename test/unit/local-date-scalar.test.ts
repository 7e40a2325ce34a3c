/** The LocalDate scalar checks dates with plain arithmetic: it must judge every string as luxon does. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { LocalDateScalar } from '../../server/src/graphql/scalars';

const accepts = (value: string) => {
  try {
    return LocalDateScalar.serialize(value) === value;
  } catch {
    return false;
  }
};

describe('LocalDate', () => {
  it('accepts exactly the YYYY-MM-DD strings luxon calls valid dates', () => {
    const samples: string[] = ['2026-02-29', '2028-02-29', '1900-02-29', '2000-02-29', '2100-02-29', '0000-01-01', '9999-12-31', '2026-00-10', '2026-13-01', '2026-04-31', '2026-04-30', '2026-01-00', '2026-1-01', '2026-01-01T00:00', ' 2026-01-01', '２０２６-01-01', ''];
    for (let y = 1996; y <= 2104; y += 4) for (let m = 0; m <= 13; m++) for (const d of [0, 1, 28, 29, 30, 31, 32]) samples.push(`${y + (m % 4)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    for (const s of samples) expect(accepts(s), s).toBe(/^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid);
  });

  it('refuses what is not a string', () => {
    for (const v of [20260101, null, new Date(), { y: 2026 }]) expect(() => LocalDateScalar.serialize(v)).toThrow(TypeError);
  });
});
