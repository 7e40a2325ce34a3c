import { can } from '../accounts/access';
import type { AuthUser } from '../accounts/auth-user';
import { PaymentAction, PaymentMethod, paymentMachine, type PaymentStatus } from './enums';

/**
 * What the caller may do to a payment now (Payment.allowedActions): the transitions its state allows,
 * narrowed to what a person can start. EXPIRE is the gateway's or the expiry job's, never a button; only
 * a bank transfer is settled or rejected by hand (a gateway settles its own), and settling needs the proof.
 */
export function allowedPaymentActions(user: AuthUser | null, payment: { status: PaymentStatus; method: PaymentMethod; hasProof: boolean }): PaymentAction[] {
  if (!can(user, 'payment.manage')) return [];
  return paymentMachine.allowedActions(payment.status).filter((action) => {
    switch (action) {
      case PaymentAction.EXPIRE:
        return false;
      case PaymentAction.SETTLE:
        return payment.method === PaymentMethod.BANK_TRANSFER && payment.hasProof;
      case PaymentAction.REJECT:
        return payment.method === PaymentMethod.BANK_TRANSFER;
      case PaymentAction.REFUND:
        return true;
    }
  });
}
