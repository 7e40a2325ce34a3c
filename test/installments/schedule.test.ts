import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DownPaymentType } from '../../server/src/catalog/enums';
import { addMonthsClamped } from '../../server/src/common/time';
import { buildSchedule, ScheduleError } from '../../server/src/installments/schedule';

const plan12 = { tenorMonths: 12, downPaymentType: DownPaymentType.PERCENT, downPaymentValue: 1_000n, marginBpsPerMonth: 125, adminFee: 100_000n };

describe('installment schedule', () => {
  it('prices a VPS on 12 months exactly', () => {
    const s = buildSchedule({ cashPrice: 6_000_000n, setupFee: 0n }, plan12, '2026-01-31');
    // DP 10% = 600.000; financed 5.400.000; margin 1.25% x 12 = 15% = 810.000
    expect(s.downPayment).toBe(600_000n);
    expect(s.financedAmount).toBe(5_400_000n);
    expect(s.marginAmount).toBe(810_000n);
    expect(s.totalPrice).toBe(6_000_000n + 100_000n + 810_000n);
    expect(s.lines[0]).toMatchObject({ number: 0, dueDate: '2026-01-31', amount: 700_000n });
    expect(s.lines[1]).toMatchObject({ number: 1, dueDate: '2026-02-28', amount: 517_500n });
    expect(s.lines[2]!.dueDate).toBe('2026-03-31');
    expect(s.lines.map((l) => l.amount).reduce((a, b) => a + b)).toBe(s.totalPrice);
  });

  it('clamps due dates at month end but keeps the anchor day', () => {
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsClamped('2025-01-31', 2)).toBe('2025-03-31');
    expect(addMonthsClamped('2025-08-30', 6)).toBe('2026-02-28');
  });

  it('puts the remainder on the last installment', () => {
    const s = buildSchedule({ cashPrice: 1_000_000n, setupFee: 0n }, { ...plan12, tenorMonths: 3, marginBpsPerMonth: 0, adminFee: 0n, downPaymentValue: 0n }, '2026-05-10');
    expect(s.lines.map((l) => l.amount)).toEqual([333_333n, 333_333n, 333_334n]);
    expect(s.lines.every((l) => l.number > 0)).toBe(true); // no down payment line when it is 0
  });

  it('refuses terms that cannot be paid in whole rupiah', () => {
    expect(() => buildSchedule({ cashPrice: 1_000n, setupFee: 0n }, { ...plan12, downPaymentType: DownPaymentType.FIXED, downPaymentValue: 1_000n }, '2026-01-01')).toThrow(ScheduleError);
    expect(() => buildSchedule({ cashPrice: 10n, setupFee: 0n }, { ...plan12, downPaymentValue: 0n, marginBpsPerMonth: 0 }, '2026-01-01')).toThrow(ScheduleError);
  });

  it('property: sums exact, amounts positive, dates strictly increasing', () => {
    const date = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.bigInt({ min: 100_000n, max: 5_000_000_000n }),
        fc.bigInt({ min: 0n, max: 5_000_000n }),
        fc.integer({ min: 1, max: 60 }),
        fc.oneof(
          fc.record({ downPaymentType: fc.constant(DownPaymentType.PERCENT), downPaymentValue: fc.bigInt({ min: 0n, max: 9_000n }) }),
          fc.record({ downPaymentType: fc.constant(DownPaymentType.FIXED), downPaymentValue: fc.bigInt({ min: 0n, max: 50_000n }) }),
        ),
        fc.integer({ min: 0, max: 1_000 }),
        fc.bigInt({ min: 0n, max: 1_000_000n }),
        fc.integer({ min: 1, max: 5 }),
        date,
        (cashPrice, setupFee, tenorMonths, dp, marginBpsPerMonth, adminFee, quantity, start) => {
          const s = buildSchedule({ cashPrice, setupFee }, { tenorMonths, ...dp, marginBpsPerMonth, adminFee }, start, quantity);
          const total = s.lines.reduce((a, l) => a + l.amount, 0n);
          expect(total).toBe(s.totalPrice);
          expect(s.totalPrice).toBe(cashPrice * BigInt(quantity) + setupFee * BigInt(quantity) + adminFee * BigInt(quantity) + s.marginAmount);
          expect(s.lines.every((l) => l.amount > 0n && l.amount === l.principal + l.margin + l.fees)).toBe(true);
          for (let i = 1; i < s.lines.length; i++) expect(s.lines[i]!.dueDate > s.lines[i - 1]!.dueDate).toBe(true);
          expect(s.lines.filter((l) => l.number > 0)).toHaveLength(tenorMonths);
        },
      ),
      { numRuns: 300 },
    );
  });
});
