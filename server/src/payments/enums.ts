import { registerEnumType } from 'type-graphql';
import { defineStateMachine } from '../common/state-machine';

export enum PaymentMethod {
  BANK_TRANSFER = 'BANK_TRANSFER',
  GATEWAY = 'GATEWAY',
  QRIS = 'QRIS',
  VIRTUAL_ACCOUNT = 'VIRTUAL_ACCOUNT',
}
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description:
    'BANK_TRANSFER: transfer of a unique amount, matched from the bank statement or verified by FINANCE from a proof; GATEWAY: online (Midtrans, Xendit or the sandbox); '
    + "QRIS: a QR code through the gateway, up to QRIS_MAX_AMOUNT; VIRTUAL_ACCOUNT: money that arrived in the order's own virtual account (made by the gateway's callback, never by createPayment)",
});

export enum PaymentStatus {
  PENDING = 'PENDING',
  SETTLED = 'SETTLED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });

export enum PaymentKind {
  INSTALLMENTS = 'INSTALLMENTS',
  PAYOFF = 'PAYOFF',
}
registerEnumType(PaymentKind, { name: 'PaymentKind', description: 'PAYOFF (pelunasan) pays everything still open in one payment' });

export enum AnomalyKind {
  AMOUNT_MISMATCH = 'AMOUNT_MISMATCH',
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  OVERPAYMENT = 'OVERPAYMENT',
  LATE_SETTLEMENT = 'LATE_SETTLEMENT',
  /** The three-digit code added to a transfer, owed back to the customer (TRANSFER_UNIQUE_CODE_MODE=refund). */
  UNIQUE_CODE_REFUND = 'UNIQUE_CODE_REFUND',
}
registerEnumType(AnomalyKind, { name: 'AnomalyKind' });

export enum PaymentAction {
  SETTLE = 'SETTLE',
  REJECT = 'REJECT',
  EXPIRE = 'EXPIRE',
  REFUND = 'REFUND',
}
registerEnumType(PaymentAction, { name: 'PaymentAction' });

const S = PaymentStatus;
export const paymentMachine = defineStateMachine<PaymentStatus, PaymentAction>('Payment', { entity: { id: 'pembayaran', en: 'payment' } }, {
  [PaymentAction.SETTLE]: { from: [S.PENDING], to: S.SETTLED },
  [PaymentAction.REJECT]: { from: [S.PENDING], to: S.REJECTED },
  [PaymentAction.EXPIRE]: { from: [S.PENDING], to: S.EXPIRED },
  [PaymentAction.REFUND]: { from: [S.SETTLED], to: S.REFUNDED },
});
