import { Box, Typography } from '@mui/material';
import { Form, PasswordInput, SaveButton, minLength, required, useNotify, useTranslate } from 'react-admin';
import { authProvider } from '../../auth/authProvider';
import { loadSession } from '../../auth/session';
import { callApi } from '../../dataProvider';
import { CHANGE_PASSWORD } from '../api';
import { fieldErrorsOf } from './ProfilePage';

const sameAsNew = (value: unknown, values: Record<string, unknown>) => (value === values.newPassword ? undefined : 'angsur.customer.password.mismatch');

/**
 * Ganti kata sandi. The API ends every session of the account on a new password (a leak is the usual
 * reason to change it), so this device signs in again with the new one right away.
 */
export const PasswordForm = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const change = async (values: Record<string, unknown>) => {
    const currentPassword = String(values.currentPassword ?? '');
    const newPassword = String(values.newPassword ?? '');
    try {
      await callApi(CHANGE_PASSWORD, { input: { currentPassword, newPassword } });
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (fields) return fields;
      notify((error as Error).message, { type: 'error', messageArgs: { _: (error as Error).message } });
      return undefined;
    }
    const username = loadSession()?.user.username;
    if (username) await authProvider.login({ username, password: newPassword });
    notify('angsur.customer.password.changed', { type: 'success' });
    return undefined;
  };
  return (
    <Form onSubmit={change} noValidate resetOptions={{ keepValues: false }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('angsur.customer.password.title')}
      </Typography>
      <Box sx={{ display: 'grid' }}>
        <PasswordInput source="currentPassword" label="angsur.customer.password.current" autoComplete="current-password" validate={required()} />
        <PasswordInput source="newPassword" label="angsur.customer.password.new" autoComplete="new-password" helperText="angsur.customer.register.passwordHelp" validate={[required(), minLength(10)]} />
        <PasswordInput source="confirmPassword" label="angsur.customer.password.confirm" autoComplete="new-password" validate={[required(), sameAsNew]} />
        <Box>
          <SaveButton label="angsur.customer.password.submit" />
        </Box>
      </Box>
    </Form>
  );
};
