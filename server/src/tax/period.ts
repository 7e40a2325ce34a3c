import { badInput } from '../common/errors';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A tax period: a month of the calendar, `YYYY-MM` (tax invoices, returns, the stamp-duty report). The one
 * check of its shape for the GraphQL inputs and the CSV routes alike; refused on `field` otherwise.
 */
export function taxPeriod(value: unknown, field = 'period'): string {
  if (typeof value !== 'string' || !PERIOD.test(value)) throw badInput(field, 'tax.period');
  return value;
}
