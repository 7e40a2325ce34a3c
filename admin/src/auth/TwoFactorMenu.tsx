import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { gql } from '@apollo/client';
import type { DocumentNode } from 'graphql';
import { graphqlRequest, loadSession, saveSession } from './session';

const DISABLE = gql`
  mutation DisableTwoFactor($p: String!) { data: disableTwoFactor(password: $p) }
`;
const NEW_CODES = gql`
  mutation RegenerateRecoveryCodes($p: String!) { data: regenerateRecoveryCodes(password: $p) }
`;
const STATUS = gql`
  query TwoFactorStatus { data: me { twoFactorEnabled } }
`;
import { EnrolmentSteps, RecoveryCodes } from './TwoFactor';

async function sessionCall<T>(query: DocumentNode, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await graphqlRequest<{ data: T }>(query, variables, loadSession()?.accessToken ?? null);
  if (result.data?.data === undefined || result.data?.data === null) throw new Error(result.errors?.[0]?.message ?? 'ra.notification.http_error');
  return result.data.data;
}

/** Turning off, or new recovery codes: both need the password (the API checks it). */
const ManageTwoFactor = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const run = async (action: 'disable' | 'codes') => {
    setError(null);
    try {
      if (action === 'disable') {
        await sessionCall<boolean>(DISABLE, { p: password });
        notify('angsur.twoFactor.disabled', { type: 'success' });
        onClose();
      } else {
        setCodes(await sessionCall<string[]>(NEW_CODES, { p: password }));
      }
    } catch (err) {
      setError((err as Error).message);
    }
  };
  if (codes) return <RecoveryCodes codes={codes} onDone={onClose} />;
  return (
    <Stack spacing={1.5}>
      <Alert severity="success">{translate('angsur.twoFactor.isOn')}</Alert>
      <TextField name="password" type="password" label={translate('ra.auth.password')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" size="small" />
      {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" disabled={!password} onClick={() => void run('codes')}>
          {translate('angsur.twoFactor.newCodes')}
        </Button>
        <Button variant="outlined" color="error" disabled={!password} onClick={() => void run('disable')}>
          {translate('angsur.twoFactor.disable')}
        </Button>
      </Stack>
    </Stack>
  );
};

/**
 * Two-factor sign-in for the signed-in account: set it up (QR code, first code, recovery codes; the
 * API answers a new two-factor session, stored here so this tab stays signed in), or manage it.
 */
export const TwoFactorDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => {
    if (!open) return setEnabled(null);
    sessionCall<{ twoFactorEnabled: boolean }>(STATUS)
      .then((me) => setEnabled(me.twoFactorEnabled))
      .catch(() => setEnabled(null));
  }, [open]);
  return (
    <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{translate('angsur.twoFactor.title')}</DialogTitle>
      <DialogContent>
        {enabled === false && (
          <EnrolmentSteps
            onDone={(session) => {
              saveSession(session);
              notify('angsur.twoFactor.enabled', { type: 'success' });
              onClose();
            }}
          />
        )}
        {enabled === true && <ManageTwoFactor onClose={onClose} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
