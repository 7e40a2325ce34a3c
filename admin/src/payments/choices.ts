import { inDisplayOrder } from '../enums';
import type { ChipColor } from '../fields';
import { PaymentMethod, type PaymentAction, type PaymentKind, type PaymentStatus } from '../gql/schema';

export type { PaymentAction, PaymentKind, PaymentMethod, PaymentStatus };

export const PAYMENT_STATUS_COLORS: Record<PaymentStatus, ChipColor> = {
  PENDING: 'warning',
  SETTLED: 'success',
  REJECTED: 'error',
  EXPIRED: 'default',
  REFUNDED: 'info',
};
export const PAYMENT_STATUSES = inDisplayOrder(PAYMENT_STATUS_COLORS);
export const PAYMENT_METHODS = Object.values(PaymentMethod);

/** Choices for the list filters; names are translation keys. */
export const paymentStatusChoices = PAYMENT_STATUSES.map((id) => ({ id, name: `resources.payments.status.${id}` }));
export const paymentMethodChoices = PAYMENT_METHODS.map((id) => ({ id, name: `resources.payments.method.${id}` }));

export interface PaymentAllocation {
  id: string;
  installmentNumber: number;
  principal: string;
  lateFee: string;
  /** Set when a refund took the money back off the installment. */
  reversedAt: string | null;
}

export interface Payment {
  id: string;
  reference: string;
  amount: string;
  method: PaymentMethod;
  kind: PaymentKind;
  status: PaymentStatus;
  provider: string | null;
  createdAt: string;
  settledAt: string | null;
  proofUrl: string | null;
  rejectionReason?: string | null;
  allocations?: PaymentAllocation[];
  /** What the signed-in user may do now, as the API decides it (detail only). */
  allowedActions?: PaymentAction[];
  // The payments resource (not Order.payments):
  orderId?: string;
  order?: { id: string; number: string; customerName: string; status: string };
  providerReference?: string | null;
  expiresAt?: string | null;
  verifiedAt?: string | null;
  updatedAt?: string;
}

/**
 * Why a payment action is not offered (a translation key) when the API's allowedActions leaves it out: only a pending bank transfer with its proof can be settled or rejected (gateway
 * payments are settled or expired by the gateway), only a settled payment can be refunded.
 */
export function paymentActionBlock(payment: Payment, action: 'settle' | 'reject' | 'refund'): string | null {
  if (action === 'refund') return payment.status === 'SETTLED' ? null : 'resources.payments.blocked.refundNotSettled';
  if (payment.status !== 'PENDING') return 'resources.payments.blocked.notPending';
  if (payment.method !== 'BANK_TRANSFER') return 'resources.payments.blocked.gateway';
  if (action === 'settle' && !payment.proofUrl) return 'resources.payments.blocked.noProof';
  return null;
}
