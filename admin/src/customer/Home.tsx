import { lazy } from 'react';
import { usePermissions } from 'react-admin';
import { Navigate } from 'react-router';

/** Staff only: a customer never downloads the dashboard's code. */
const Dashboard = lazy(() => import('../dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));

/** The start page: staff get the dashboard; a customer starts at their orders (with arrears and the SPK to act on). */
export const Home = () => {
  const { permissions, isPending } = usePermissions();
  if (isPending) return null;
  return permissions === 'CUSTOMER' ? <Navigate to="/my-orders" replace /> : <Dashboard />;
};
