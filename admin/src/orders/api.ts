import { gql } from '@apollo/client';
import { callApi, type ChangedRecord } from '../dataProvider';

/** Overdue handling on an order: the notice to the customer, suspension and the second chance. */

export interface OverdueNotice {
  arrearsAmount: string;
  daysLate: number;
  /** wa.me link with a prefilled Indonesian message, for a personal chat. */
  waLink: string;
}

const NOTICE = gql`
  mutation SendOverdueNotice($orderId: ID!) {
    data: sendOverdueNotice(orderId: $orderId) { arrearsAmount daysLate waLink }
  }
`;
const SUSPEND = gql`
  mutation SuspendOrder($orderId: ID!, $reason: String) {
    data: suspendOrder(orderId: $orderId, reason: $reason) { id status }
  }
`;
const UNSUSPEND = gql`
  mutation UnsuspendOrder($orderId: ID!, $input: UnsuspendInput!) {
    data: unsuspendOrder(orderId: $orderId, input: $input) { id status }
  }
`;

export const sendOverdueNotice = (orderId: string) => callApi<OverdueNotice>(NOTICE, { orderId });
/** Staff give a reason; a customer choosing to suspend gives none. */
export const suspendOrder = (orderId: string, reason: string | null) => callApi<ChangedRecord>(SUSPEND, { orderId, reason });
export const unsuspendOrder = (orderId: string, reason: string, payUntil: string | null) =>
  callApi<ChangedRecord>(UNSUSPEND, { orderId, input: { reason, payUntil: payUntil || null } });
