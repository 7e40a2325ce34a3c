import type { Rupiah } from '../money/rupiah';
import { owed } from '../installments/rules';

export interface OpenInstallment {
  id: string;
  number: number;
  amount: Rupiah;
  paidAmount: Rupiah;
  lateFee: Rupiah;
  lateFeePaid: Rupiah;
}

export interface Allocation {
  installmentId: string;
  lateFee: Rupiah;
  principal: Rupiah;
}

/**
 * How a payment is applied, the one rule everywhere: installments oldest first (by number, which is
 * due-date order), and within an installment its late fee before its amount. Returns what is left
 * over when the payment is larger than everything open.
 */
export function allocate(amount: Rupiah, installments: OpenInstallment[]): { allocations: Allocation[]; remainder: Rupiah } {
  if (amount <= 0n) throw new RangeError('amount must be positive');
  let left = amount;
  const allocations: Allocation[] = [];
  for (const i of [...installments].sort((a, b) => a.number - b.number)) {
    if (left === 0n) break;
    const fee = min(left, i.lateFee - i.lateFeePaid);
    left -= fee;
    const principal = min(left, i.amount - i.paidAmount);
    left -= principal;
    if (fee > 0n || principal > 0n) allocations.push({ installmentId: i.id, lateFee: fee, principal });
  }
  return { allocations, remainder: left };
}

/** What is still open on a set of installments: unpaid amounts plus unpaid late fees. */
export function outstanding(installments: OpenInstallment[]): Rupiah {
  return installments.reduce((s, i) => s + owed(i), 0n);
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
