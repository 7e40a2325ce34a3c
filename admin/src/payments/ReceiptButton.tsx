import { DownloadFileButton } from '../files';

/**
 * The kwitansi of a settled payment (GET /receipts/:paymentId.pdf): staff see any, the customer their own.
 * A refunded payment keeps the receipt it had when the money came in.
 */
export const ReceiptButton = ({ payment }: { payment: { id: string; status: string; reference: string } | undefined }) =>
  payment && (payment.status === 'SETTLED' || payment.status === 'REFUNDED') ? (
    <DownloadFileButton path={`/receipts/${payment.id}.pdf?download=1`} fallbackName={`kwitansi-${payment.reference}.pdf`} label="resources.payments.receipt" />
  ) : null;
