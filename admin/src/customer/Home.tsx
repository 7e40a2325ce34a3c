import { usePermissions } from 'react-admin';
import { Navigate } from 'react-router';
import { Dashboard } from '../dashboard/Dashboard';

/** The start page: staff get the dashboard; a customer starts at their orders (with arrears and the SPK to act on). */
export const Home = () => {
  const { permissions, isPending } = usePermissions();
  if (isPending) return null;
  return permissions === 'CUSTOMER' ? <Navigate to="/my-orders" replace /> : <Dashboard />;
};
