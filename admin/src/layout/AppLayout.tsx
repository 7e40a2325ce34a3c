import NotificationsIcon from '@mui/icons-material/Notifications';
import PrivacyIcon from '@mui/icons-material/PrivacyTip';
import ReconcileIcon from '@mui/icons-material/CompareArrows';
import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, LocalesMenuButton, Menu, useTranslate } from 'react-admin';
import { Navigate, useLocation } from 'react-router';
import { AngsurUserMenu } from '../auth/LogoutEverywhere';
import { CustomerLayout } from '../customer/CustomerLayout';
import { loadSession } from '../auth/session';
import { NotificationBell } from '../notifications/NotificationBell';

/**
 * react-admin's layout, drawn only when a session is stored: without one, straight to the login page,
 * with no menu flashing and no anonymous API calls first. (The session is read synchronously from
 * localStorage; whether it is still valid is for authProvider.checkAuth and the API to say.
 * Admin's `requireAuth` would do this too, but with react-admin 5.15 + react-router 7 it loops
 * logout -> /login for seconds before the login page shows.)
 */
export const AppLayout = ({ children }: { children: ReactNode }) => {
  const location = useLocation();
  const session = loadSession();
  if (!session) return <Navigate to="/login" replace state={{ nextPathname: location.pathname, nextSearch: location.search }} />;
  // Customers get the hosting company's portal (customer/CustomerLayout.tsx), staff the console.
  if (session.user.role === 'CUSTOMER') return <CustomerLayout>{children}</CustomerLayout>;
  return (
    // react-admin's layout grows to its widest content (min-width: fit-content), so one wide table made
    // the whole console scroll sideways; held to the screen, a wide list scrolls inside its own card.
    <Layout appBar={AngsurAppBar} menu={AppMenu} sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }}>
      {children}
    </Layout>
  );
};

/**
 * react-admin's app bar with the notification bell (every role) before the language menu, and a user
 * menu that can also end every session of the account (auth/LogoutEverywhere.tsx).
 */
const AngsurAppBar = () => (
  <AppBar
    userMenu={<AngsurUserMenu />}
    toolbar={
      <>
        <NotificationBell />
        <LocalesMenuButton />
        <LoadingIndicator />
      </>
    }
  />
);

const NotificationsItem = () => {
  const translate = useTranslate();
  return <Menu.Item to="/notifications" primaryText={translate('angsur.notifications.title')} leftIcon={<NotificationsIcon />} />;
};

/** The personal-data request queue (UU PDP), for the roles that handle it: SUPPORT and ADMIN. */
const PrivacyItem = () => {
  const translate = useTranslate();
  const role = loadSession()?.user.role;
  if (role !== 'ADMIN' && role !== 'SUPPORT') return null;
  return <Menu.Item to="/privacy-requests" primaryText={translate('angsur.privacy.menu')} leftIcon={<PrivacyIcon />} />;
};

/** FINANCE's bank-statement reconciliation (and ADMIN's). */
const ReconciliationItem = () => {
  const translate = useTranslate();
  const role = loadSession()?.user.role;
  if (role !== 'ADMIN' && role !== 'FINANCE') return null;
  return <Menu.Item to="/reconciliation" primaryText={translate('angsur.reconciliation.menu')} leftIcon={<ReconcileIcon />} />;
};

/** The resources the user may open (react-admin checks canAccess), then their notifications. */
const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    <Menu.ResourceItems />
    <PrivacyItem />
    <ReconciliationItem />
    <NotificationsItem />
  </Menu>
);

