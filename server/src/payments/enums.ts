import { registerEnumType } from 'type-graphql';
import { defineStateMachine } from '../common/state-machine';

export enum PaymentMethod {
  BANK_TRANSFER = 'BANK_TRANSFER',
  GATEWAY = 'GATEWAY',
}
registerEnumType(PaymentMethod, { name: 'PaymentMethod', description: 'BANK_TRANSFER: manual transfer with a proof that FINANCE verifies; GATEWAY: online (Midtrans, Xendit or the sandbox)' });

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
