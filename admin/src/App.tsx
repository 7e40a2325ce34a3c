import { Admin, CustomRoutes, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router';
import audit from './audit';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { AppLayout } from './layout/AppLayout';
import customers from './customers';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import installments from './installments';
import { NotificationsPage } from './notifications/NotificationsPage';
import orders from './orders';
import paymentAnomalies from './paymentAnomalies';
import payments from './payments';
import plans from './plans';
import products from './products';
import deliveries from './deliveries';
import services from './services';
import spks from './spk';
import staffTasks from './staffTasks';
import staff from './staff';
import { theme } from './theme';

/**
 * The Angsur back office. Served by the API server at /admin (any sub-path falls back to index.html).
 * What each role may open is decided in auth/permissions.ts; the menu only lists what the user may open.
 */
export const App = () => (
  <BrowserRouter basename="/admin">
    <Admin
      title="Angsur"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      dashboard={Dashboard}
      theme={theme}
      layout={AppLayout}
      disableTelemetry
    >
      {/* The day's work first: orders and payments (staff only; customers use the customer app). */}
      <Resource name="orders" {...orders} />
      <Resource name="installments" {...installments} />
      <Resource name="payments" {...payments} />
      {/* Right under payments in the menu: gateway money that was not applied (FINANCE and ADMIN). */}
      <Resource name="paymentAnomalies" {...paymentAnomalies} />
      {/* Contracts and hosting: SPKs to process, services, manual tasks, and whether notices reached customers. */}
      <Resource name="spks" {...spks} />
      <Resource name="services" {...services} />
      <Resource name="staffTasks" {...staffTasks} />
      <Resource name="notificationDeliveries" {...deliveries} />
      <Resource name="products" {...products} />
      <Resource name="installmentPlans" {...plans} />
      <Resource name="customers" {...customers} />
      <Resource name="staff" {...staff} />
      <Resource name="auditLog" {...audit} />
      {/* Any account, for references only (the actor of an audit entry); not in the menu. */}
      <Resource name="users" recordRepresentation={(user) => user.fullName || user.username} />
      {/* Every role's own notifications (the bell in the app bar links here). */}
      <CustomRoutes>
        <Route path="/notifications" element={<NotificationsPage />} />
      </CustomRoutes>
    </Admin>
  </BrowserRouter>
);
