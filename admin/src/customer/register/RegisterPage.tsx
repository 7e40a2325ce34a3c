import { Box, Link as MuiLink, Typography } from '@mui/material';
import { Form, Login, PasswordInput, SaveButton, TextInput, email, maxLength, minLength, regex, required, useLogin, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import type { RegisterInput } from '../../auth/authProvider';
import { ApiError } from '../../auth/session';
import { Brand } from '../../auth/LoginPage';
import { PhoneInput } from '../profile/PhoneInput';

const USERNAME = /^[a-zA-Z0-9._-]+$/; // lowercased before sending, as the API stores it

/**
 * Daftar: a customer opens an account (username, full name, email, phone, password) and is signed in
 * at once. What the API refuses (email or username taken, phone not Indonesian) shows under the input.
 */
export const RegisterPage = () => {
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();
  const submit = async (values: Record<string, unknown>) => {
    const input: RegisterInput = {
      username: String(values.username ?? '').trim().toLowerCase(),
      fullName: String(values.fullName ?? '').trim(),
      email: String(values.email ?? '').trim(),
      phone: String(values.phone ?? '').trim(),
      password: String(values.password ?? ''),
    };
    try {
      await login({ register: input }, '/');
      return undefined;
    } catch (error) {
      const failure = error as ApiError;
      if (failure instanceof ApiError && failure.field) return { [failure.field]: failure.message };
      notify(failure.message, { type: 'error', messageArgs: { _: failure.message } });
      return undefined;
    }
  };
  return (
    <Login>
      <Brand />
      <Form onSubmit={submit} noValidate>
        <Box sx={{ px: 2, pt: 1, display: 'grid' }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, textAlign: 'center' }}>
            {translate('angsur.customer.register.title')}
          </Typography>
          <TextInput source="fullName" label="angsur.customer.profile.fullName" autoComplete="name" validate={[required(), maxLength(120)]} />
          <TextInput source="email" label="angsur.customer.profile.email" type="email" autoComplete="email" validate={[required(), email()]} />
          <PhoneInput />
          <TextInput
            source="username"
            label="ra.auth.username"
            autoComplete="username"
            helperText="angsur.customer.register.usernameHelp"
            validate={[required(), minLength(3), maxLength(32), regex(USERNAME, 'angsur.customer.register.usernameInvalid')]}
          />
          <PasswordInput source="password" label="ra.auth.password" autoComplete="new-password" helperText="angsur.customer.register.passwordHelp" validate={[required(), minLength(10)]} />
          <SaveButton label="angsur.customer.register.submit" sx={{ mt: 1 }} />
        </Box>
      </Form>
      <Box sx={{ textAlign: 'center', p: 2 }}>
        <MuiLink component={Link} to="/login" underline="hover">
          {translate('angsur.customer.register.haveAccount')}
        </MuiLink>
      </Box>
    </Login>
  );
};
