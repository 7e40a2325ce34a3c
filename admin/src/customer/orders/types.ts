import type { Order, SpkStatus } from '../../orders/choices';
import type { Payment } from '../../payments/choices';
import type { ProviderSigning } from '../../spk/choices';

/** The order's SPK as the customer's order page reads it (my-orders detail fields). */
export interface CustomerSpk {
  id: string;
  number: string;
  status: SpkStatus;
  currentVersion: number;
  downloadUrl: string;
  allowedActions: string[];
  revisionComments: string | null;
  rejectionReason: string | null;
  confirmedAt: string | null;
  /** The configured certified signature provider (PSrE): sandbox | privy; null when switched off. */
  signatureProvider: string | null;
  providerSigning: ProviderSigning | null;
}

export type CustomerPayment = Payment & { redirectUrl: string | null; proofUploadUrl: string | null; expiresAt: string | null };

export interface ServiceRef {
  id: string;
  orderItemId: string;
  label: string;
  status: string;
}

/** The first payment itemised by the server (Order.firstPayment). */
export interface FirstPayment {
  downPayment: string;
  setupFee: string;
  adminFee: string;
  /** Customer-borne e-Meterai on installment 0 (STAMP_DUTY_BORNE_BY=CUSTOMER). */
  stampDuty?: string;
  total: string;
}

/** An order of the customer area (resource my-orders). */
export type CustomerOrder = Omit<Order, 'spk' | 'payments'> & {
  spk?: CustomerSpk | null;
  payments?: CustomerPayment[];
  services?: ServiceRef[];
  firstPayment?: FirstPayment | null;
  /** Why no service can be created yet (the server's gate: SPK, down payment), or null. */
  serviceBlockedReason?: string | null;
  /** What happens when the last installment is paid, per product. */
  contractEndTerms?: string[];
  contractRequests?: { id: string; kind: 'RENEWAL' | 'UPGRADE' | 'CANCELLATION'; status: 'OPEN' | 'DONE'; note: string | null; createdAt: string }[];
};
