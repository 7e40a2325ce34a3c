import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Box, Link as MuiLink, Stack, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import { Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { StatusChipField } from '../fields';
import { formatRupiah, isPositiveRupiah } from '../format';
import { useInstallmentLabel } from '../orders/OrderFields';
import { PAYMENT_STATUS_COLORS, type Payment } from './choices';

interface CellProps {
  label?: string;
  source?: string;
}

export const PaymentStatusField = (_props: CellProps) => <StatusChipField source="status" prefix="resources.payments.status" colors={PAYMENT_STATUS_COLORS} />;

/** Our payment reference, in a fixed-width font so it can be compared with a bank statement. */
export const ReferenceCell = (_props: CellProps) => {
  const payment = useRecordContext<Payment>();
  if (!payment) return null;
  return (
    <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
      {payment.reference}
    </Typography>
  );
};

/** The order the payment is for (its number, linking to the order page) and the customer's name. */
export const OrderLinkField = (_props: CellProps) => {
  const payment = useRecordContext<Payment>();
  const createPath = useCreatePath();
  if (!payment?.order) return null;
  return (
    <Box>
      <MuiLink
        component={Link}
        to={createPath({ resource: 'orders', type: 'show', id: payment.order.id })}
        underline="hover"
        onClick={(event: MouseEvent) => event.stopPropagation()}
        sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
      >
        {payment.order.number}
      </MuiLink>
      <Typography variant="caption" color="text.secondary" component="div">
        {payment.order.customerName}
      </Typography>
    </Box>
  );
};

/** The method, and for a bank transfer whether its proof is uploaded: "Transfer bank / 📎 bukti ada". */
export const MethodCell = (_props: CellProps) => {
  const payment = useRecordContext<Payment>();
  const translate = useTranslate();
  if (!payment) return null;
  return (
    <Box>
      <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
        {translate(`resources.payments.method.${payment.method}`, { _: payment.method })}
      </Typography>
      {payment.method === 'BANK_TRANSFER' && (
        <Typography
          variant="caption"
          color={payment.proofUrl ? 'text.primary' : 'text.secondary'}
          sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25, whiteSpace: 'nowrap' }}
        >
          {payment.proofUrl && <AttachFileIcon sx={{ fontSize: 14 }} />}
          {translate(payment.proofUrl ? 'resources.payments.proof.uploadedLong' : 'resources.payments.proof.missingLong')}
        </Typography>
      )}
    </Box>
  );
};

/**
 * Where the money went: "Uang muka: Rp 700.000", "Angsuran ke-1: Rp 848.000 + denda Rp 5.000".
 * Allocations a refund took back are struck through.
 */
export const AllocationsField = (_props: CellProps) => {
  const payment = useRecordContext<Payment>();
  const translate = useTranslate();
  const installmentLabel = useInstallmentLabel();
  if (!payment) return null;
  const allocations = payment.allocations ?? [];
  if (!allocations.length) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('resources.payments.allocations.none')}
      </Typography>
    );
  }
  return (
    <Stack spacing={0.25} data-testid="allocations">
      {allocations.map((a) => (
        <Typography
          key={a.id}
          variant="body2"
          sx={a.reversedAt ? { textDecoration: 'line-through', color: 'text.secondary' } : undefined}
          title={a.reversedAt ? translate('resources.payments.allocations.reversed') : undefined}
        >
          {installmentLabel(a.installmentNumber)}: {formatRupiah(a.principal)}
          {isPositiveRupiah(a.lateFee) ? ` + ${translate('resources.payments.allocations.lateFee', { amount: formatRupiah(a.lateFee) })}` : ''}
        </Typography>
      ))}
    </Stack>
  );
};
