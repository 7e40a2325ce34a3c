import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstallmentStatus } from '../../server/src/installments/installment.entity';
import {
  daysLate,
  daysLateSql,
  dueBySql,
  installmentMachine,
  isDueBy,
  isOpen,
  isOverdueOn,
  lateFeeAfterPass,
  lateFeeAfterPassSql,
  lateFeeCeiling,
  lateFeeCeilingSql,
  lateFeeOn,
  lateFeeOnSql,
  OPEN_SQL,
  overdueOnSql,
  owed,
  OWED_SQL,
  statusOn,
  statusOnSql,
} from '../../server/src/installments/rules';
import { startTestApp, type TestApp } from '../support/app';

/**
 * The money rules are written once as TypeScript and once as SQL (installments/rules.ts); this proves,
 * on random rows evaluated by the real database, that both say the same for every rule, and that every
 * status move the rule asks for is one the installment state machine allows.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const date = fc.integer({ min: 0, max: 400 }).map((n) => DateTime.fromISO('2025-12-01', { zone: 'Asia/Jakarta' }).plus({ days: n }).toISODate()!);
const row = fc
  .record({
    dueDate: date,
    day: date,
    upToExtra: fc.integer({ min: 0, max: 60 }),
    amount: fc.bigInt({ min: 1n, max: 2_000_000_000n }),
    paidShare: fc.integer({ min: 0, max: 4 }),
    lateFee: fc.bigInt({ min: 0n, max: 20_000_000n }),
    feePaidShare: fc.integer({ min: 0, max: 4 }),
    status: fc.constantFrom(...Object.values(InstallmentStatus)),
    payable: fc.boolean(),
    lateFeeGraceDays: fc.integer({ min: 0, max: 10 }),
    lateFeeType: fc.constantFrom('FIXED_PER_DAY', 'PERCENT_PER_DAY'),
    fixed: fc.bigInt({ min: 0n, max: 100_000n }),
    bps: fc.bigInt({ min: 0n, max: 1_000n }),
    lateFeeCap: fc.option(fc.bigInt({ min: 0n, max: 5_000_000n }), { nil: null }),
  })
  .map((r) => {
    // Shares of 0-4 quarters make "nothing paid", "partly paid" and "fully paid" all common.
    const paidAmount = (r.amount * BigInt(r.paidShare)) / 4n;
    const lateFeePaid = (r.lateFee * BigInt(r.feePaidShare)) / 4n;
    const upTo = DateTime.fromISO(r.day).plus({ days: r.upToExtra }).toISODate()!;
    const lateFeeValue = r.lateFeeType === 'FIXED_PER_DAY' ? r.fixed : r.bps;
    return { ...r, paidAmount, lateFeePaid, upTo, lateFeeValue };
  });

describe('the money rules in TypeScript and in SQL', () => {
  it('agree on random rows, and every status move they ask for is allowed by the state machine', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 60 }), async (rows) => {
        const values = rows
          .map(
            (_, n) =>
              `(${n}, ?::text, ?::date, ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::date, ?::date, ?::boolean, ?::int, ?::text, ?::bigint, ?::bigint)`,
          )
          .join(', ');
        const params = rows.flatMap((r) => [
          r.status,
          r.dueDate,
          r.amount.toString(),
          r.paidAmount.toString(),
          r.lateFee.toString(),
          r.lateFeePaid.toString(),
          r.day,
          r.upTo,
          r.payable,
          r.lateFeeGraceDays,
          r.lateFeeType,
          r.lateFeeValue.toString(),
          r.lateFeeCap === null ? null : r.lateFeeCap.toString(),
        ]);
        const got = await t.app.orm.em.fork().getConnection().execute<Record<string, unknown>[]>(
          `select i.n, ${OPEN_SQL} as open, ${OWED_SQL}::text as owed, ${dueBySql('i.day')} as due_by, ${overdueOnSql('i.day')} as overdue,
                  ${daysLateSql('i.day')} as days_late, ${statusOnSql('i.day', 'i.payable')} as status,
                  ${lateFeeOnSql('i.day')}::text as fee, ${lateFeeCeilingSql('i.day')}::text as ceiling,
                  ${lateFeeAfterPassSql('i.day', 'i.up_to')}::text as after_pass
           from (values ${values}) as i(n, status, due_date, amount, paid_amount, late_fee, late_fee_paid, day, up_to, payable,
                                          late_fee_grace_days, late_fee_type, late_fee_value, late_fee_cap)
           cross join lateral (select i.late_fee_grace_days, i.late_fee_type, i.late_fee_value, i.late_fee_cap) o
           order by i.n`,
          params,
        );
        for (const [n, r] of rows.entries()) {
          const policy = { lateFeeGraceDays: r.lateFeeGraceDays, lateFeeType: r.lateFeeType, lateFeeValue: r.lateFeeValue, lateFeeCap: r.lateFeeCap };
          const expected = {
            n,
            open: isOpen(r),
            owed: owed(r).toString(),
            due_by: isDueBy(r, r.day),
            overdue: isOverdueOn(r, r.day),
            days_late: daysLate(r.dueDate, r.day),
            status: statusOn(r, r.day, r.payable),
            fee: lateFeeOn(r, policy, r.day).toString(),
            ceiling: lateFeeCeiling(r, policy, r.day).toString(),
            after_pass: lateFeeAfterPass(r, policy, r.day, r.upTo).toString(),
          };
          expect(got[n]).toEqual(expected);
          const to = statusOn(r, r.day, r.payable);
          if (to !== r.status) expect(installmentMachine.allowedActions(r.status).some((a) => installmentMachine.apply(r.status, a) === to)).toBe(true);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 50) },
    );
  }, 120_000);
});
