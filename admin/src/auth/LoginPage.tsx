import { Box, Button, CardContent, Link as MuiLink, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { LocalesMenuButton, Login, useLogin, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { SecondStepRequired } from './authProvider';
import type { Session } from './session';
import { CodeForm, EnrolmentSteps, verifyTwoFactorLogin } from './TwoFactor';

export const Brand = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', px: 2 }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700, color: 'primary.main' }}>
        Angsur
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('angsur.auth.subtitle')}
      </Typography>
    </Box>
  );
};

/** Username (or email) and password; a two-factor account then gets its second step. */
const PasswordForm = ({ onSecondStep }: { onSecondStep: (step: SecondStepRequired) => void }) => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [values, setValues] = useState({ username: '', password: '' });
  const [busy, setBusy] = useState(false);
  // Reports its own failure (notify), so the form starts it without awaiting.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await login(values);
    } catch (error) {
      setBusy(false);
      if (error instanceof SecondStepRequired) return onSecondStep(error);
      const message = (error as Error).message || 'ra.auth.sign_in_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    }
  };
  const set = (key: 'username' | 'password') => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  return (
    <Box component="form" onSubmit={(event) => void submit(event)} noValidate sx={{ display: 'grid', gap: 2 }}>
      <TextField name="username" label={translate('angsur.auth.login')} value={values.username} onChange={set('username')} autoFocus autoComplete="username" required size="small" />
      <TextField name="password" type="password" label={translate('ra.auth.password')} value={values.password} onChange={set('password')} autoComplete="current-password" required size="small" />
      <Button type="submit" variant="contained" disabled={busy || !values.username.trim() || !values.password}>
        {translate('ra.auth.sign_in')}
      </Button>
    </Box>
  );
};

/**
 * The login page, with our name on it, "username or email", the language menu, and the way to sign up
 * for customers who have no account yet. Staff and customers use the same page. After the password, a
 * two-factor account enters a code (TOTP or a recovery code); a role that must use two-factor sign-in
 * but has not set it up does so here first (see auth/TwoFactor.tsx).
 */
export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const [step, setStep] = useState<SecondStepRequired | null>(null);
  const open = (session: Session) => login({ session });
  return (
    <Login>
      <Brand />
      <CardContent sx={{ width: 320, maxWidth: '100%' }}>
        {!step && <PasswordForm onSecondStep={setStep} />}
        {step?.step === 'TOTP' && (
          <>
            <Typography variant="body2" sx={{ mb: 1.5 }}>
              {translate('angsur.twoFactor.enterCode')}
            </Typography>
            <CodeForm label="angsur.twoFactor.code" submitLabel="angsur.twoFactor.verify" allowRecovery onSubmit={async (code) => open(await verifyTwoFactorLogin(step.token, code))} />
          </>
        )}
        {step?.step === 'ENROL' && (
          <>
            <Typography variant="body2" sx={{ mb: 1.5 }}>
              {translate('angsur.twoFactor.required')}
            </Typography>
            <EnrolmentSteps secondStepToken={step.token} onDone={(session) => void open(session)} />
          </>
        )}
        {step && (
          <Button size="small" sx={{ mt: 1 }} onClick={() => setStep(null)}>
            {translate('angsur.twoFactor.back')}
          </Button>
        )}
      </CardContent>
      <Box sx={{ textAlign: 'center', px: 2 }}>
        <Typography variant="body2" component="span" color="text.secondary">
          {translate('angsur.customer.register.noAccount')}{' '}
        </Typography>
        <MuiLink component={Link} to="/register" underline="hover" variant="body2">
          {translate('angsur.customer.register.link')}
        </MuiLink>
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
