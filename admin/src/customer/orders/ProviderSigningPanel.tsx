import DrawIcon from '@mui/icons-material/Draw';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Box, Button, Chip, Link, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { callApi } from '../../dataProvider';
import { REFRESH_PROVIDER_SIGNING } from '../../spk/api';
import { CONFIRM_PROVIDER_OTP, START_PROVIDER_SIGNING } from '../api';
import type { CustomerSpk } from './types';

const STATE_COLORS = { STARTING: 'default', OTP_REQUIRED: 'warning', AWAITING_SIGNER: 'info', SIGNED: 'success', FAILED: 'error' } as const;

/** One API call of the panel: notifies, refetches the order, keeps the API's message on failure. */
function useStep(successMessage: string) {
  const notify = useNotify();
  const refresh = useRefresh();
  return useMutation<unknown, Error, () => Promise<unknown>>({
    mutationFn: (call) => call(),
    onSuccess: () => {
      notify(successMessage, { type: 'success' });
      refresh();
    },
    onError: () => refresh(),
  });
}

/**
 * "Tanda tangani secara elektronik (PSrE)": the customer signs the admin-signed SPK through the
 * certified provider instead of printing, signing and scanning it. Start, then the OTP (the sandbox
 * shows it; Privy sends it and the customer signs on Privy's page), then the status until the admin
 * verifies. The order of signatures is shown, as the document carries them.
 */
export const ProviderSigningPanel = ({ spk, canSign }: { spk: CustomerSpk; canSign: boolean }) => {
  const translate = useTranslate();
  const signing = spk.providerSigning;
  const [account, setAccount] = useState('');
  const [otp, setOtp] = useState('');
  const start = useStep('angsur.customer.psre.started');
  const confirm = useStep('angsur.customer.psre.signed');
  const check = useStep('angsur.customer.psre.checked');
  const needsAccount = spk.signatureProvider === 'privy';
  const open = signing && (signing.state === 'OTP_REQUIRED' || signing.state === 'AWAITING_SIGNER');
  const error = start.error ?? confirm.error ?? check.error;
  if (!signing && (!canSign || !spk.signatureProvider)) return null;
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }} data-testid="psre-panel">
      <Stack spacing={1}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle2">{translate('angsur.customer.psre.title')}</Typography>
          {signing && (
            <Chip size="small" color={STATE_COLORS[signing.state]} label={translate(`angsur.customer.psre.state.${signing.state}`)} data-testid="psre-state" />
          )}
        </Box>
        <Typography variant="body2" color="text.secondary">
          {translate('angsur.customer.psre.order')}
        </Typography>
        {signing?.state === 'FAILED' && signing.failureReason && (
          <Alert severity="error">
            {translate('angsur.customer.psre.failed')}: {signing.failureReason}
          </Alert>
        )}
        {error && <Alert severity="error">{error.message}</Alert>}
        {canSign && !open && (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            {needsAccount && (
              <TextField size="small" label={translate('angsur.customer.psre.account')} value={account} onChange={(e) => setAccount(e.target.value)} slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'psre-account' } }} />
            )}
            <Button
              variant="contained"
              size="small"
              startIcon={<DrawIcon />}
              disabled={start.isPending || (needsAccount && !account.trim())}
              onClick={() => start.mutate(() => callApi(START_PROVIDER_SIGNING, { id: spk.id, input: needsAccount ? { providerAccountId: account.trim() } : null }))}
              data-testid="psre-start"
            >
              {translate('angsur.customer.psre.start')}
            </Button>
          </Box>
        )}
        {signing?.state === 'OTP_REQUIRED' && (
          <>
            {signing.sandboxOtp && (
              <Alert severity="info" data-testid="psre-sandbox-otp">
                {translate('angsur.customer.psre.sandboxOtp', { otp: signing.sandboxOtp })}
              </Alert>
            )}
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <TextField
                size="small"
                label={translate('angsur.customer.psre.otp')}
                value={otp}
                onChange={(e) => setOtp(e.target.value.replace(/\D/g, ''))}
                slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 8, 'data-testid': 'psre-otp' } }}
              />
              <Button
                variant="contained"
                size="small"
                color="success"
                disabled={confirm.isPending || otp.length < 4}
                onClick={() => confirm.mutate(() => callApi(CONFIRM_PROVIDER_OTP, { id: spk.id, input: { otp } }))}
                data-testid="psre-confirm"
              >
                {translate('angsur.customer.psre.confirm')}
              </Button>
            </Box>
          </>
        )}
        {signing?.state === 'AWAITING_SIGNER' && (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            {signing.signingUrl && (
              <Link href={signing.signingUrl} target="_blank" rel="noopener noreferrer" variant="body2">
                {translate('angsur.customer.psre.openProvider')}
              </Link>
            )}
            <Button size="small" startIcon={<RefreshIcon />} disabled={check.isPending} onClick={() => check.mutate(() => callApi(REFRESH_PROVIDER_SIGNING, { id: spk.id }))}>
              {translate('angsur.customer.psre.check')}
            </Button>
          </Box>
        )}
        {signing?.state === 'SIGNED' && (
          <Typography variant="body2" data-testid="psre-done">
            {translate('angsur.customer.psre.done', { provider: signing.provider })}
          </Typography>
        )}
      </Stack>
    </Box>
  );
};
