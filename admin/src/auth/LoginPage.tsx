import { Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, PasswordInput, required, TextInput, useTranslate } from 'react-admin';

const Brand = () => {
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

/** react-admin's login page, with our name on it, "username or email", and the language menu. */
export const LoginPage = () => (
  <Login>
    <Brand />
    <LoginForm>
      <TextInput source="username" label="angsur.auth.login" autoFocus autoComplete="username" validate={required()} />
      <PasswordInput source="password" label="ra.auth.password" autoComplete="current-password" validate={required()} />
    </LoginForm>
    <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
      <LocalesMenuButton />
    </Box>
  </Login>
);
