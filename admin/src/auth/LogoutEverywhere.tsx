import { gql } from '@apollo/client';
import DevicesIcon from '@mui/icons-material/PhonelinkErase';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { forwardRef, useState, type ReactNode } from 'react';
import { Logout, UserMenu, useLogout, useTranslate, useUserMenu } from 'react-admin';
import { ConfirmDialog } from '../actions';
import { callApi } from '../dataProvider';
import { clearSession, loadSession } from './session';
import { TwoFactorDialog } from './TwoFactorMenu';
import SecurityIcon from '@mui/icons-material/Security';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import { useNavigate } from 'react-router';

const LOGOUT_EVERYWHERE = gql`
  mutation LogoutEverywhere {
    data: logoutEverywhere
  }
`;

/** An entry of the user menu that closes the menu and opens its dialog (which lives outside the menu). */
export const UserMenuAction = forwardRef<HTMLLIElement, { onSelect: () => void; icon: ReactNode; label: string }>(function UserMenuAction({ onSelect, icon, label, ...rest }, ref) {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      ref={ref}
      {...rest}
      onClick={() => {
        userMenu?.onClose();
        onSelect();
      }}
    >
      <ListItemIcon>{icon}</ListItemIcon>
      <ListItemText>{translate(label)}</ListItemText>
    </MenuItem>
  );
});

/**
 * Ends every session of the signed-in account, on every device (a lost laptop, a shared computer):
 * the API revokes all refresh tokens and the access tokens already handed out. Then this browser's
 * session is dropped too and react-admin goes to the login page (useLogout also empties its caches).
 */
const LogoutEverywhereDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const logout = useLogout();
  const { mutate, isPending, error, reset } = useMutation<boolean, Error>({
    mutationFn: () => callApi<boolean>(LOGOUT_EVERYWHERE),
    onSuccess: () => {
      // The tokens are dead already: no `logout` call to the API, just forget them here.
      clearSession();
      void logout(null, '/login', false);
    },
  });
  const cancel = () => {
    reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={open}
      title="angsur.auth.logoutEverywhere.title"
      message="angsur.auth.logoutEverywhere.message"
      confirmLabel="angsur.auth.logoutEverywhere.confirm"
      icon={<DevicesIcon />}
      color="error"
      pending={isPending}
      error={error}
      onCancel={cancel}
      onConfirm={() => mutate()}
    />
  );
};

/** react-admin's user menu (every role): two-factor sign-in, log out of every device, then the usual log out. */
export const AngsurUserMenu = () => {
  const [confirming, setConfirming] = useState(false);
  const [twoFactor, setTwoFactor] = useState(false);
  const navigate = useNavigate();
  const staff = loadSession()?.user.role !== 'CUSTOMER';
  return (
    <>
      <UserMenu>
        {staff && <UserMenuAction onSelect={() => void navigate('/my-channels')} icon={<NotificationsActiveIcon fontSize="small" />} label="angsur.channels.menu" />}
        <UserMenuAction onSelect={() => setTwoFactor(true)} icon={<SecurityIcon fontSize="small" />} label="angsur.twoFactor.menu" />
        <UserMenuAction onSelect={() => setConfirming(true)} icon={<DevicesIcon fontSize="small" />} label="angsur.auth.logoutEverywhere.action" />
        <Logout />
      </UserMenu>
      <LogoutEverywhereDialog open={confirming} onClose={() => setConfirming(false)} />
      <TwoFactorDialog open={twoFactor} onClose={() => setTwoFactor(false)} />
    </>
  );
};
