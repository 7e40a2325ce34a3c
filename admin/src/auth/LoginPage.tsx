import { Box, Link as MuiLink, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, PasswordInput, required, TextInput, useTranslate } from 'react-admin';
import { Link } from 'react-router';

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

/**
 * react-admin's login page, with our name on it, "username or email", the language menu, and the
 * way to sign up for customers who have no account yet. Staff and customers use the same page.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <Brand />
      <LoginForm>
        <TextInput source="username" label="angsur.auth.login" autoFocus autoComplete="username" validate={required()} />
        <PasswordInput source="password" label="ra.auth.password" autoComplete="current-password" validate={required()} />
      </LoginForm>
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
