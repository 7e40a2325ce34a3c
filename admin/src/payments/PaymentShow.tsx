import { Alert, Box, Stack, Typography } from '@mui/material';
import { Labeled, Show, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, EnumField, RupiahField } from '../fields';
import type { Payment } from './choices';
import { PaymentActions } from './PaymentActions';
import { AllocationsField, OrderLinkField, PaymentStatusField, ReferenceCell } from './PaymentFields';
import { ProofViewer } from './ProofViewer';
import { ReceiptButton } from './ReceiptButton';

const grid = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', columnGap: 3, rowGap: 2, justifyItems: 'start' } as const;

/** Why it was rejected, or why it was refunded (the API keeps both in rejectionReason). */
const ReasonNotice = () => {
  const payment = useRecordContext<Payment>();
  const translate = useTranslate();
  if (!payment?.rejectionReason || (payment.status !== 'REJECTED' && payment.status !== 'REFUNDED' && payment.status !== 'EXPIRED')) return null;
  return (
    <Alert severity={payment.status === 'REJECTED' ? 'error' : 'info'}>
      {translate(`resources.payments.reasonShown.${payment.status}`)}: {payment.rejectionReason}
    </Alert>
  );
};

const Details = () => {
  const payment = useRecordContext<Payment>();
  const translate = useTranslate();
  if (!payment) return null;
  return (
    <Stack spacing={2} sx={{ flex: '1 1 420px', minWidth: 0 }}>
      <ReasonNotice />
      <Box>
        <ReceiptButton payment={payment} />
      </Box>
      <Box sx={grid}>
        <Labeled source="reference">
          <ReferenceCell />
        </Labeled>
        <Labeled source="status">
          <PaymentStatusField />
        </Labeled>
        <Labeled source="amount">
          <RupiahField source="amount" variant="h6" />
        </Labeled>
        <Labeled source="kind">
          <EnumField source="kind" prefix="resources.payments.kind" />
        </Labeled>
        <Labeled source="orderId">
          <OrderLinkField />
        </Labeled>
        <Labeled source="method">
          <EnumField source="method" prefix="resources.payments.method" />
        </Labeled>
        {payment.provider && (
          <Labeled source="provider">
            <TextField source="provider" />
          </Labeled>
        )}
        {payment.providerReference && (
          <Labeled source="providerReference">
            <TextField source="providerReference" sx={{ fontFamily: 'monospace' }} />
          </Labeled>
        )}
        <Labeled source="createdAt">
          <DateTimeField source="createdAt" />
        </Labeled>
        {payment.expiresAt && (
          <Labeled source="expiresAt">
            <DateTimeField source="expiresAt" />
          </Labeled>
        )}
        <Labeled source="settledAt">
          <DateTimeField source="settledAt" emptyText="-" />
        </Labeled>
        <Labeled source="verifiedAt">
          <DateTimeField source="verifiedAt" emptyText="-" />
        </Labeled>
      </Box>
      <Box>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('resources.payments.fields.allocations')}
        </Typography>
        <AllocationsField />
      </Box>
    </Stack>
  );
};

/** One payment: what, for which order, where the money went, and the transfer proof beside it. */
export const PaymentShow = () => (
  <Show actions={<PaymentActions />}>
    <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', p: 2, alignItems: 'flex-start' }}>
      <Details />
      <Box sx={{ flex: '1 1 380px', minWidth: 0 }}>
        <ProofViewer />
      </Box>
    </Box>
  </Show>
);
