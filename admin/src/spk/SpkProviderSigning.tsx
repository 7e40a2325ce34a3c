import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Box, Chip, Link, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { ActionButton } from '../actions';
import { callApi } from '../dataProvider';
import { formatDateTime } from '../format';
import { REFRESH_PROVIDER_SIGNING } from './api';
import type { Spk } from './choices';

const STATE_COLORS = { STARTING: 'default', OTP_REQUIRED: 'warning', AWAITING_SIGNER: 'info', SIGNED: 'success', FAILED: 'error' } as const;

/** Where the customer's certified electronic signature (PSrE) stands, on the staff SPK page. */
export const SpkProviderSigning = () => {
  const spk = useRecordContext<Spk>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!spk) return null;
  const s = spk.providerSigning;
  const item = (key: string, value: ReactNode) => (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {translate(`resources.spks.psre.${key}`)}
      </Typography>
      <Typography variant="body2">{value ?? '-'}</Typography>
    </Box>
  );
  return (
    <Stack spacing={1} data-testid="spk-provider-signing">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <Typography variant="subtitle2">{translate('resources.spks.psre.title')}</Typography>
        {s && <Chip size="small" color={STATE_COLORS[s.state]} label={translate(`resources.spks.psre.state.${s.state}`)} data-testid="spk-psre-state" />}
      </Box>
      {!s ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.spks.psre.none', { provider: spk.signatureProvider ?? '-' })}
        </Typography>
      ) : (
        <>
          <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
            {item('provider', s.provider)}
            {item('reference', <span style={{ fontFamily: 'monospace' }}>{s.reference}</span>)}
            {item('adminSignedVersion', s.adminSignedVersion)}
            {item('signedVersion', s.signedVersion)}
            {item('callbacks', s.callbacks)}
            {item('completedAt', s.completedAt ? formatDateTime(s.completedAt, locale) : null)}
            {s.signingUrl &&
              item(
                'signingUrl',
                <Link href={s.signingUrl} target="_blank" rel="noopener noreferrer">
                  {s.signingUrl}
                </Link>,
              )}
          </Box>
          {s.state === 'FAILED' && s.failureReason && <Alert severity="warning">{`${translate('resources.spks.psre.failureReason')}: ${s.failureReason}`}</Alert>}
          {(s.state === 'OTP_REQUIRED' || s.state === 'AWAITING_SIGNER') && (
            <Box>
              <ActionButton
                label="resources.spks.psre.check"
                icon={<RefreshIcon />}
                title="resources.spks.psre.check"
                message="resources.spks.psre.title"
                successMessage="resources.spks.psre.checked"
                onConfirm={() => callApi(REFRESH_PROVIDER_SIGNING, { id: spk.id })}
              />
            </Box>
          )}
        </>
      )}
    </Stack>
  );
};
