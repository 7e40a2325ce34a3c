import { Alert, Box, Link as MuiLink, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Form, Login, PasswordInput, SaveButton, TextInput, email, minLength, required, useNotify, useTranslate } from 'react-admin';
import { Link, useLocation } from 'react-router';
import { Brand } from './LoginPage';
import { gql } from '@apollo/client';
import type { DocumentNode } from 'graphql';
import { graphqlRequest } from './session';

const REQUEST_RESET = gql`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) { done: requestPasswordReset(input: $input) }
`;
const RESET = gql`
  mutation ResetPassword($input: ResetPasswordInput!) { done: resetPassword(input: $input) }
`;

/** Sends one of the two anonymous password mutations; the API's localized message when it refuses. */
async function call(mutation: DocumentNode, input: Record<string, string>): Promise<{ ok: true } | { ok: false; message: string; field?: string | null }> {
  const result = await graphqlRequest<{ done: boolean }>(mutation, { input });
  const error = result.errors?.[0];
  return error ? { ok: false, message: error.message, field: error.extensions?.field } : { ok: true };
}

/** The login page's card with a title, the form or its outcome, and the way back to sign in. */
const Frame = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Login>
      <Brand />
      <Box sx={{ px: 2, pt: 1, width: 320, maxWidth: '100%', boxSizing: 'border-box' }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, textAlign: 'center' }}>
          {translate(title)}
        </Typography>
        {children}
      </Box>
      <Box sx={{ textAlign: 'center', p: 2 }}>
        <MuiLink component={Link} to="/login" underline="hover" variant="body2">
          {translate('angsur.passwordReset.backToLogin')}
        </MuiLink>
      </Box>
    </Login>
  );
};

/**
 * "Lupa kata sandi": the e-mail address, then the same answer whatever it was (the API never says
 * whether an account exists), telling to look in the inbox.
 */
export const ForgotPasswordPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [sent, setSent] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    const answer = await call(REQUEST_RESET, { email: String(values.email ?? '').trim() });
    if (answer.ok) return void setSent(true);
    if (answer.field) return { [answer.field]: answer.message };
    notify(answer.message, { type: 'error', messageArgs: { _: answer.message } });
    return undefined;
  };
  return (
    <Frame title="angsur.passwordReset.forgotTitle">
        {sent ? (
          <Alert severity="success" sx={{ mt: 1 }} data-testid="reset-sent">
            {translate('angsur.passwordReset.sent')}
          </Alert>
        ) : (
          <Form onSubmit={submit} noValidate>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate('angsur.passwordReset.forgotIntro')}
            </Typography>
            <TextInput source="email" label="angsur.passwordReset.email" type="email" autoComplete="email" fullWidth validate={[required(), email()]} />
            <SaveButton label="angsur.passwordReset.send" fullWidth />
          </Form>
        )}
    </Frame>
  );
};

/** The page the e-mailed link opens: the token is in the address's fragment (#token=…), never sent to the server's logs. */
export const ResetPasswordPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const token = new URLSearchParams(useLocation().hash.replace(/^#/, '')).get('token') ?? '';
  const [done, setDone] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    if (values.newPassword !== values.repeat) return { repeat: translate('angsur.passwordReset.mismatch') };
    const answer = await call(RESET, { token, newPassword: String(values.newPassword ?? '') });
    if (answer.ok) return void setDone(true);
    if (answer.field && answer.field !== 'token') return { [answer.field]: answer.message };
    notify(answer.message, { type: 'error', messageArgs: { _: answer.message } });
    return undefined;
  };
  return (
    <Frame title="angsur.passwordReset.resetTitle">
        {done ? (
          <Alert severity="success" sx={{ mt: 1 }} data-testid="reset-done">
            {translate('angsur.passwordReset.done')}
          </Alert>
        ) : !token ? (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {translate('angsur.passwordReset.noToken')}
          </Alert>
        ) : (
          <Form onSubmit={submit} noValidate>
            <PasswordInput source="newPassword" label="angsur.passwordReset.newPassword" autoComplete="new-password" fullWidth helperText="angsur.customer.register.passwordHelp" validate={[required(), minLength(10)]} />
            <PasswordInput source="repeat" label="angsur.passwordReset.repeat" autoComplete="new-password" fullWidth validate={[required()]} />
            <SaveButton label="angsur.passwordReset.save" fullWidth />
          </Form>
        )}
    </Frame>
  );
};

/** The login page's way in. */
export const ForgotPasswordLink = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', pb: 1 }}>
      <MuiLink component={Link} to="/forgot-password" underline="hover" variant="body2">
        {translate('angsur.passwordReset.forgotLink')}
      </MuiLink>
    </Box>
  );
};
