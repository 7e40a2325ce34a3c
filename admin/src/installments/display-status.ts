import { isClosedLine } from '../../../server/src/installments/closed-lines';
import type { InstallmentStatus } from '../gql/schema';

// Plain TypeScript (no JSX, no React): unit tests import it directly.
/**
 * The API keeps an unpaid installment PENDING after its due date (the order summary derives
 * arrears at today's Jakarta date), so the overdue state is derived here the same way; an order
 * that cannot be paid yet (SPK not confirmed) is never late.
 */
export function installmentDisplayStatus(
  installment: { status: InstallmentStatus; dueDate: string; amount: string; paidAmount: string; lateFee: string; lateFeePaid: string },
  today: string,
  payable = true,
): InstallmentStatus {
  // Cancelled and restructured lines are history: their money (a restructured line keeps only what
  // was paid on it) must not make them look paid.
  if (installment.status === 'PAID' || isClosedLine(installment.status)) return installment.status;
  const open = BigInt(installment.paidAmount) < BigInt(installment.amount) || BigInt(installment.lateFeePaid) < BigInt(installment.lateFee);
  if (!open) return 'PAID';
  if (!payable) return installment.status;
  if (installment.status === 'OVERDUE' || installment.dueDate < today) return 'OVERDUE';
  if (installment.dueDate === today) return 'DUE';
  return installment.status;
}
