import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installmentDisplayStatus } from '../../admin/src/installments/display-status';
import { InstallmentStatus } from '../../server/src/installments/installment-status';
import { CLOSED_LINE_STATUSES, isClosedLine } from '../../server/src/installments/rules';

const runs = Number(process.env.PROPERTY_RUNS ?? 2000);
const money = fc.bigInt({ min: 0n, max: 10_000_000n });

describe('closed lines (cancelled or restructured) are shown as what they are', () => {
  it('isClosedLine is exactly CANCELLED and RESTRUCTURED', () => {
    expect(Object.values(InstallmentStatus).filter(isClosedLine).sort()).toEqual(['CANCELLED', 'RESTRUCTURED']);
    expect([...CLOSED_LINE_STATUSES].sort()).toEqual(['CANCELLED', 'RESTRUCTURED']);
  });

  it('the console never shows a closed line as paid, due or overdue, whatever its money and date', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLOSED_LINE_STATUSES), money, money, money, fc.boolean(), fc.boolean(), (status, amount, fee, paid, past, payable) => {
        // A restructured line keeps only what was paid on it (amount = paidAmount): money says "paid".
        const line = { status, dueDate: past ? '2026-01-01' : '2027-01-01', amount: amount.toString(), paidAmount: (paid > amount ? amount : paid).toString(), lateFee: fee.toString(), lateFeePaid: '0' };
        expect(installmentDisplayStatus(line, '2026-06-01', payable)).toBe(status);
      }),
      { numRuns: runs },
    );
  });
});
