import { Alert, Box, Button, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { gql } from '@apollo/client';
import type { DocumentNode } from 'graphql';
import { AUTH_PAYLOAD, graphqlRequest, loadSession, type Session } from './session';

/**
 * Two-factor sign-in screens shared by the login page (second step, or set-up when the role requires it)
 * and the user menu (set-up from a session). The API does the work: these call its mutations and show
 * the QR code it renders, the recovery codes once, and its localized errors.
 */

interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
}

/** The token of the session, unless a second-step token speaks for the user (login page). */
const tokenFor = (secondStepToken?: string) => (secondStepToken ? null : (loadSession()?.accessToken ?? null));

const VERIFY = gql`
  mutation VerifyTwoFactorLogin($input: TwoFactorLoginInput!) { data: verifyTwoFactorLogin(input: $input) { ...AuthPayloadFields } }
  ${AUTH_PAYLOAD}
`;
const BEGIN = gql`
  mutation BeginTwoFactorEnrolment($t: String) { data: beginTwoFactorEnrolment(secondStepToken: $t) { secret otpauthUrl qrCodeDataUrl } }
`;
const CONFIRM = gql`
  mutation ConfirmTwoFactorEnrolment($input: ConfirmTwoFactorInput!) {
    data: confirmTwoFactorEnrolment(input: $input) { recoveryCodes session { ...AuthPayloadFields } }
  }
  ${AUTH_PAYLOAD}
`;

async function call<T>(query: DocumentNode, variables: Record<string, unknown>, secondStepToken?: string): Promise<T> {
  const result = await graphqlRequest<{ data: T }>(query, variables, tokenFor(secondStepToken));
  if (!result.data?.data) throw new Error(result.errors?.[0]?.message ?? 'ra.notification.http_error');
  return result.data.data;
}

export const verifyTwoFactorLogin = (secondStepToken: string, code: string) =>
  call<Session>(VERIFY, { input: { secondStepToken, code } });

/** The code field: digits from the app, or a recovery code (letters and a dash) where allowed. */
export const CodeForm = ({ label, submitLabel, onSubmit, allowRecovery = false }: { label: string; submitLabel: string; onSubmit: (code: string) => Promise<void>; allowRecovery?: boolean }) => {
  const translate = useTranslate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Shows its own failure, so the form starts it without awaiting.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(code.trim());
    } catch (err) {
      setError(translate((err as Error).message, { _: (err as Error).message }));
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={(event) => void submit(event)} noValidate sx={{ display: 'grid', gap: 1.5 }}>
      <TextField
        name="code"
        label={translate(label)}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoFocus
        autoComplete="one-time-code"
        slotProps={{ htmlInput: { inputMode: allowRecovery ? 'text' : 'numeric', maxLength: allowRecovery ? 20 : 6 } }}
        helperText={allowRecovery ? translate('angsur.twoFactor.recoveryHint') : undefined}
        error={!!error}
        size="small"
      />
      {error && <Alert severity="error">{error}</Alert>}
      <Button type="submit" variant="contained" disabled={busy || !code.trim()}>
        {translate(submitLabel)}
      </Button>
    </Box>
  );
};

export const RecoveryCodes = ({ codes, onDone }: { codes: string[]; onDone: () => void }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1.5}>
      <Alert severity="success">{translate('angsur.twoFactor.enabled')}</Alert>
      <Typography variant="body2">{translate('angsur.twoFactor.recoveryCodesIntro')}</Typography>
      <Box component="ul" data-testid="recovery-codes" sx={{ fontFamily: 'monospace', columns: 2, m: 0, pl: 3 }}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </Box>
      <Button variant="contained" onClick={onDone}>
        {translate('angsur.twoFactor.continue')}
      </Button>
    </Stack>
  );
};

/**
 * Set-up: the API makes a secret and its otpauth QR code; the first code from the app confirms it.
 * Ends with the recovery codes shown once and a new two-factor session for `onDone`.
 */
export const EnrolmentSteps = ({ secondStepToken, onDone }: { secondStepToken?: string; onDone: (session: Session) => void }) => {
  const translate = useTranslate();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ recoveryCodes: string[]; session: Session } | null>(null);
  useEffect(() => {
    call<Enrolment>(BEGIN, { t: secondStepToken ?? null }, secondStepToken)
      .then(setEnrolment)
      .catch((err: Error) => setError(err.message));
  }, [secondStepToken]);
  if (error) return <Alert severity="error">{translate(error, { _: error })}</Alert>;
  if (done) return <RecoveryCodes codes={done.recoveryCodes} onDone={() => onDone(done.session)} />;
  if (!enrolment) return <CircularProgress size={24} />;
  const confirm = async (code: string) => {
    setDone(
      await call<{ recoveryCodes: string[]; session: Session }>(
        CONFIRM,
        { input: { code, secondStepToken: secondStepToken ?? null } },
        secondStepToken,
      ),
    );
  };
  return (
    <Stack spacing={1.5}>
      <Typography variant="body2">{translate('angsur.twoFactor.scan')}</Typography>
      <Box sx={{ textAlign: 'center' }}>
        <img src={enrolment.qrCodeDataUrl} alt={translate('angsur.twoFactor.qrAlt')} width={200} height={200} />
      </Box>
      <Typography variant="body2" color="text.secondary">
        {translate('angsur.twoFactor.manual')}{' '}
        <Box component="code" data-testid="totp-secret" sx={{ wordBreak: 'break-all' }}>
          {enrolment.secret}
        </Box>
      </Typography>
      <CodeForm label="angsur.twoFactor.code" submitLabel="angsur.twoFactor.confirm" onSubmit={confirm} />
    </Stack>
  );
};
