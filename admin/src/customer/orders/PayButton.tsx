import PaymentsIcon from '@mui/icons-material/Payments';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useRefresh, useTranslate } from 'react-admin';
import { callApi } from '../../dataProvider';
import { formatRupiah, isPositiveRupiah } from '../../format';
import { AMOUNT_DUE, CREATE_PAYMENT, PAYOFF_QUOTE } from '../api';
import { ProofUploadButton } from '../upload/ProofUploadButton';
import { TransferInstructions } from './TransferInstructions';

type What = 'due' | 'payoff';
type Method = 'GATEWAY' | 'QRIS' | 'BANK_TRANSFER';

interface CreatedPayment {
  id: string;
  reference: string;
  amount: string;
  method: Method;
  redirectUrl: string | null;
  proofUploadUrl: string | null;
  transferAmount: string;
  uniqueCode: string;
  qrString: string | null;
}

/** 32 hex digits; getRandomValues, unlike randomUUID, also works on a page served over plain http. */
const newIdempotencyKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

export interface PayButtonProps {
  orderId: string;
  /** Set ("SPK belum diconfirm admin", from the API) while the order cannot be paid yet. */
  blockedReason?: string | null;
  /** `arrears`: only what is due now, titled as paying the arrears. */
  mode?: 'pay' | 'arrears';
  label: string;
  color?: 'primary' | 'error';
}

/**
 * Pay an order: what is due now (amountDue) or everything (payoffQuote, pelunasan), online through
 * the gateway's page or by bank transfer with a proof uploaded afterwards. The amounts come from the
 * API when the dialog opens, so they are today's.
 */
export const PayButton = ({ orderId, blockedReason, mode = 'pay', label, color = 'primary' }: PayButtonProps) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [what, setWhat] = useState<What>('due');
  const [method, setMethod] = useState<Method>('GATEWAY');
  // One key per opening of the dialog: a double click or a retry does not start a second payment.
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const amounts = useQuery({
    queryKey: ['customer', 'amounts', orderId, idempotencyKey],
    queryFn: async () => {
      const [due, payoff] = await Promise.all([callApi<string>(AMOUNT_DUE, { orderId }), callApi<string>(PAYOFF_QUOTE, { orderId })]);
      return { due, payoff };
    },
    enabled: open,
    gcTime: 0,
  });
  const create = useMutation<CreatedPayment, Error>({
    mutationFn: () =>
      callApi<CreatedPayment>(CREATE_PAYMENT, { input: { orderId, method, payoff: what === 'payoff', idempotencyKey } }),
    onSuccess: (payment) => {
      // Online: the gateway's page takes over; it sends the customer back to the order afterwards.
      if (payment.method === 'GATEWAY' && payment.redirectUrl) window.location.assign(payment.redirectUrl);
    },
  });

  const openDialog = () => {
    setIdempotencyKey(newIdempotencyKey());
    setWhat('due');
    setMethod('GATEWAY');
    create.reset();
    setOpen(true);
  };
  const close = () => {
    if (create.isPending) return;
    setOpen(false);
    if (create.data) refresh(); // a transfer was started: the pending payment shows on the page
  };

  const nothingDue = amounts.data && !isPositiveRupiah(amounts.data.due);
  const amount = amounts.data ? (what === 'payoff' ? amounts.data.payoff : amounts.data.due) : null;
  const transfer = create.data?.method === 'BANK_TRANSFER' ? create.data : null;
  const qris = create.data?.method === 'QRIS' ? create.data : null;

  const button = (
    <Button variant="contained" color={color} startIcon={<PaymentsIcon />} disabled={!!blockedReason} onClick={openDialog}>
      {translate(label)}
    </Button>
  );
  return (
    <>
      {blockedReason ? (
        <Tooltip title={blockedReason}>
          <span>{button}</span>
        </Tooltip>
      ) : (
        button
      )}
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="pay-dialog-title">
        <DialogTitle id="pay-dialog-title">{translate(mode === 'arrears' ? 'angsur.customer.pay.arrearsTitle' : 'angsur.customer.pay.title')}</DialogTitle>
        <DialogContent>
          {qris ? (
            <Box data-testid="qris-code">
              <Typography variant="h6">{formatRupiah(qris.amount)}</Typography>
              <Typography variant="caption" component="div" sx={{ fontFamily: 'monospace', wordBreak: 'break-all', my: 1 }}>{qris.qrString}</Typography>
              {qris.redirectUrl && <Button href={qris.redirectUrl} variant="contained">{translate('angsur.channels.qris')}</Button>}
            </Box>
          ) : transfer ? (
            <Box data-testid="transfer-instructions">
              <Box sx={{ mb: 2 }}>
                {/* The exact amount to send includes the payment's unique code, which lets the statement import match it. */}
                <TransferInstructions amount={transfer.transferAmount} uniqueCode={transfer.uniqueCode} reference={transfer.reference} />
              </Box>
              {transfer.proofUploadUrl && (
                <ProofUploadButton path={transfer.proofUploadUrl} onUploaded={() => setOpen(false)} />
              )}
            </Box>
          ) : amounts.isPending ? (
            <CircularProgress size={24} />
          ) : amounts.error ? (
            <Alert severity="error">{amounts.error.message}</Alert>
          ) : (
            <>
              {mode === 'pay' ? (
                <>
                  <FormLabel id="pay-what">{translate('angsur.customer.pay.what')}</FormLabel>
                  <RadioGroup aria-labelledby="pay-what" name="what" value={what} onChange={(event) => setWhat(event.target.value as What)} sx={{ mb: 2 }}>
                    <FormControlLabel
                      value="due"
                      disabled={!!nothingDue}
                      control={<Radio size="small" />}
                      label={translate('angsur.customer.pay.due', { amount: formatRupiah(amounts.data!.due) })}
                    />
                    <FormControlLabel value="payoff" control={<Radio size="small" />} label={translate('angsur.customer.pay.payoff', { amount: formatRupiah(amounts.data!.payoff) })} />
                  </RadioGroup>
                  {nothingDue && what === 'due' && (
                    <Alert severity="info" sx={{ mb: 2 }}>
                      {translate('angsur.customer.pay.nothingDue')}
                    </Alert>
                  )}
                </>
              ) : (
                <Typography variant="h5" sx={{ mb: 2, fontWeight: 700 }} data-testid="pay-amount">
                  {formatRupiah(amounts.data!.due)}
                </Typography>
              )}
              <FormLabel id="pay-method">{translate('angsur.customer.pay.method')}</FormLabel>
              <RadioGroup aria-labelledby="pay-method" name="method" value={method} onChange={(event) => setMethod(event.target.value as Method)}>
                <FormControlLabel value="GATEWAY" control={<Radio size="small" />} label={translate('angsur.customer.pay.online')} />
                <FormControlLabel value="QRIS" control={<Radio size="small" />} label={translate('angsur.channels.qris')} />
                <FormControlLabel value="BANK_TRANSFER" control={<Radio size="small" />} label={translate('angsur.customer.pay.transfer')} />
              </RadioGroup>
              {create.error && (
                <Alert severity="error" sx={{ mt: 2 }}>
                  {translate(create.error.message, { _: create.error.message })}
                </Alert>
              )}
            </>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={create.isPending}>
            {translate(transfer ? 'angsur.customer.pay.later' : 'ra.action.cancel')}
          </Button>
          {!transfer && !qris && (
            <Button
              variant="contained"
              color={color}
              startIcon={create.isPending ? <CircularProgress size={16} /> : <PaymentsIcon />}
              disabled={create.isPending || !amount || !isPositiveRupiah(amount) || create.isSuccess}
              onClick={() => create.mutate()}
            >
              {amount ? translate('angsur.customer.pay.confirm', { amount: formatRupiah(amount) }) : translate(label)}
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
