import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/src/common/errors';
import { taxPeriod } from '../../server/src/tax/period';

describe('a tax period (YYYY-MM), one check for the GraphQL inputs and the CSV routes', () => {
  it('takes a month of the calendar', () => {
    for (const ok of ['2026-01', '2026-12', '1999-09']) expect(taxPeriod(ok)).toBe(ok);
  });

  it('refuses anything else on the field it names', () => {
    for (const bad of ['2026-13', '2026-00', '2026-1', '2026-01-01', ' 2026-01', '', undefined, ['2026-01'], 202601]) {
      let thrown: unknown;
      try {
        taxPeriod(bad, 'month');
      } catch (err) {
        thrown = err;
      }
      expect(thrown, String(bad)).toBeInstanceOf(AppError);
      expect((thrown as AppError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
    }
  });
});
