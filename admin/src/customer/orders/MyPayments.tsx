import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Alert, Box, Button, Divider, Stack, Typography } from '@mui/material';
import { RecordContextProvider, useLocale, useTranslate } from 'react-admin';
import { formatDateTime, formatRupiah } from '../../format';
import { AllocationsField, MethodCell, PaymentStatusField } from '../../payments/PaymentFields';
import { ReceiptButton } from '../../payments/ReceiptButton';
import { ProofUploadButton } from '../upload/ProofUploadButton';
import type { CustomerPayment } from './types';

/** What the customer can still do with a pending payment: finish it online, or upload the transfer proof. */
const PendingAction = ({ payment }: { payment: CustomerPayment }) => {
  const translate = useTranslate();
  if (payment.status !== 'PENDING') return null;
  if (payment.method === 'GATEWAY' && payment.redirectUrl) {
    return (
      <Button size="small" href={payment.redirectUrl} startIcon={<OpenInNewIcon />}>
        {translate('angsur.customer.payments.continueOnline')}
      </Button>
    );
  }
  if (payment.method === 'BANK_TRANSFER' && payment.proofUploadUrl) {
    return payment.proofUrl ? (
      <Typography variant="body2" color="text.secondary">
        {translate('angsur.customer.payments.awaitingVerification')}
      </Typography>
    ) : (
      <ProofUploadButton path={payment.proofUploadUrl} />
    );
  }
  return null;
};

/**
 * Pembayaran: every payment of the order, newest first, as stacked rows that fit a phone: the
 * reference, amount, method and status, where the money went, and what is left to do if pending.
 */
export const MyPayments = ({ payments }: { payments: CustomerPayment[] }) => {
  const translate = useTranslate();
  const locale = useLocale();
  if (!payments.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.payments.empty')}
      </Typography>
    );
  }
  return (
    <Stack divider={<Divider flexItem />} spacing={1.5}>
      {[...payments].reverse().map((payment) => (
        <RecordContextProvider key={payment.id} value={payment}>
          <Box data-testid="my-payment" data-reference={payment.reference} sx={{ display: 'grid', gap: 0.5 }}>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
              <Typography variant="body1" sx={{ fontWeight: 600 }}>
                {formatRupiah(payment.amount)}
                {payment.kind === 'PAYOFF' && (
                  <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                    {translate('angsur.customer.payments.payoff')}
                  </Typography>
                )}
              </Typography>
              <PaymentStatusField />
            </Box>
            <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
              {payment.reference} · {formatDateTime(payment.createdAt, locale)}
            </Typography>
            <MethodCell />
            {payment.status === 'SETTLED' && <AllocationsField />}
            {payment.status === 'REJECTED' && payment.rejectionReason && (
              <Alert severity="error">
                {translate('angsur.customer.payments.rejectedBecause')}: {payment.rejectionReason}
              </Alert>
            )}
            <PendingAction payment={payment} />
            <ReceiptButton payment={payment} />
          </Box>
        </RecordContextProvider>
      ))}
    </Stack>
  );
};
