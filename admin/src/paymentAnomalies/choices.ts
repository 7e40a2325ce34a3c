import type { ChipColor } from '../fields';
import { AnomalyKind } from '../gql/schema';

export const ANOMALY_KINDS = Object.values(AnomalyKind);
export type { AnomalyKind };

export const ANOMALY_KIND_COLORS: Record<AnomalyKind, ChipColor> = {
  AMOUNT_MISMATCH: 'warning',
  LATE_SETTLEMENT: 'warning',
  OVERPAYMENT: 'info',
  UNKNOWN_REFERENCE: 'error',
};

/** A row of the `paymentAnomalies` list (see dataProvider/resources.ts). */
export interface PaymentAnomaly {
  id: string;
  kind: AnomalyKind;
  /** The gateway that reported the money: sandbox, midtrans, xendit. */
  provider: string;
  /** Our payment reference as the gateway sent it (it may match no payment). */
  reference: string;
  /** What the payment was for; null when the reference matches no payment. */
  expected: string | null;
  received: string;
  /** The gateway's notification as it arrived. */
  details: Record<string, unknown>;
  createdAt: string;
  resolvedAt: string | null;
  resolution: string | null;
}

/** One line of the gateway's notification for people: nested values as compact JSON. */
export const detailValue = (value: unknown): string =>
  value === null || value === undefined ? '-' : typeof value === 'object' ? JSON.stringify(value) : String(value);
