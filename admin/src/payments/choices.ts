import type { ChipColor } from '../fields';

export const PAYMENT_STATUSES = ['PENDING', 'SETTLED', 'REJECTED', 'EXPIRED', 'REFUNDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_METHODS = ['BANK_TRANSFER', 'GATEWAY', 'QRIS', 'VIRTUAL_ACCOUNT'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type PaymentKind = 'INSTALLMENTS' | 'PAYOFF';

/** Choices for the list filters; names are translation keys. */
export const paymentStatusChoices = PAYMENT_STATUSES.map((id) => ({ id, name: `resources.payments.status.${id}` }));
export const paymentMethodChoices = PAYMENT_METHODS.map((id) => ({ id, name: `resources.payments.method.${id}` }));

export const PAYMENT_STATUS_COLORS: Record<PaymentStatus, ChipColor> = {
  PENDING: 'warning',
  SETTLED: 'success',
  REJECTED: 'error',
  EXPIRED: 'default',
  REFUNDED: 'info',
};

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
  // The payments resource (not Order.payments):
  orderId?: string;
  order?: { id: string; number: string; customerName: string; status: string };
  providerReference?: string | null;
  expiresAt?: string | null;
  verifiedAt?: string | null;
  updatedAt?: string;
}

/**
 * What FINANCE/ADMIN may do to a payment in its state, or why not (a translation key), as the API
 * decides it: only a pending bank transfer with its proof can be settled or rejected (gateway
 * payments are settled or expired by the gateway), only a settled payment can be refunded.
 */
export function paymentActionBlock(payment: Payment, action: 'settle' | 'reject' | 'refund'): string | null {
  if (action === 'refund') return payment.status === 'SETTLED' ? null : 'resources.payments.blocked.refundNotSettled';
  if (payment.status !== 'PENDING') return 'resources.payments.blocked.notPending';
  if (payment.method !== 'BANK_TRANSFER') return 'resources.payments.blocked.gateway';
  if (action === 'settle' && !payment.proofUrl) return 'resources.payments.blocked.noProof';
  return null;
}
