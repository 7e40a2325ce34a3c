import { gql } from '@apollo/client';
import DevicesIcon from '@mui/icons-material/PhonelinkErase';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { forwardRef, useState } from 'react';
import { Logout, UserMenu, useLogout, useTranslate, useUserMenu } from 'react-admin';
import { ConfirmDialog } from '../actions';
import { callApi } from '../dataProvider';
import { clearSession } from './session';

const LOGOUT_EVERYWHERE = gql`
  mutation LogoutEverywhere {
    data: logoutEverywhere
  }
`;

/** The user menu's entry: closes the menu and asks for confirmation (the dialog lives outside the menu). */
const LogoutEverywhereItem = forwardRef<HTMLLIElement, { onSelect: () => void }>(function LogoutEverywhereItem({ onSelect, ...rest }, ref) {
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
      <ListItemIcon>
        <DevicesIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('angsur.auth.logoutEverywhere.action')}</ListItemText>
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

/** react-admin's user menu (every role): log out of every device, then the usual log out. */
export const AngsurUserMenu = () => {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <UserMenu>
        <LogoutEverywhereItem onSelect={() => setConfirming(true)} />
        <Logout />
      </UserMenu>
      <LogoutEverywhereDialog open={confirming} onClose={() => setConfirming(false)} />
    </>
  );
};
