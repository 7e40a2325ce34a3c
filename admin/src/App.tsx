import { Admin, CustomRoutes, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router';
import audit from './audit';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { ForgotPasswordPage, ResetPasswordPage } from './auth/ForgotPassword';
import { AppLayout } from './layout/AppLayout';
import customers from './customers';
import { customerResources } from './customer';
import { Home } from './customer/Home';
import { RegisterPage } from './customer/register/RegisterPage';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import installments from './installments';
import { NotificationsPage } from './notifications/NotificationsPage';
import { ChannelsPage } from './notifications/ChannelsPage';
import { PrivacyQueuePage } from './privacy/PrivacyQueuePage';
import { ReconciliationPage } from './reconciliation/ReconciliationPage';
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
import taxInvoices from './taxInvoices';
import stampDuty from './stampDuty';
import { branding } from './branding';
import { brandTheme } from './theme';

/** Staff resources: the day's work first (orders and payments), then the catalog, accounts and the audit log. */
const staffResources = [
  <Resource key="orders" name="orders" {...orders} />,
  <Resource key="installments" name="installments" {...installments} />,
  <Resource key="payments" name="payments" {...payments} />,
  // Right under payments in the menu: gateway money that was not applied (FINANCE and ADMIN).
  <Resource key="paymentAnomalies" name="paymentAnomalies" {...paymentAnomalies} />,
  // Pajak: tax invoices by month, Coretax export and import of numbers (FINANCE and ADMIN).
  <Resource key="taxInvoices" name="taxInvoices" {...taxInvoices} />,
  // Pajak → Bea Meterai: the stamp-duty ledger, the month's report, the quota and its purchases.
  <Resource key="stampDutyLedger" name="stampDutyLedger" {...stampDuty} />,
  // Contracts and hosting: SPKs to process, services, manual tasks, and whether notices reached customers.
  <Resource key="spks" name="spks" {...spks} />,
  <Resource key="services" name="services" {...services} />,
  <Resource key="staffTasks" name="staffTasks" {...staffTasks} />,
  <Resource key="notificationDeliveries" name="notificationDeliveries" {...deliveries} />,
  <Resource key="products" name="products" {...products} />,
  <Resource key="installmentPlans" name="installmentPlans" {...plans} />,
  <Resource key="customers" name="customers" {...customers} />,
  <Resource key="staff" name="staff" {...staff} />,
  <Resource key="auditLog" name="auditLog" {...audit} />,
  // Any account, for references only (the actor of an audit entry); not in the menu.
  <Resource key="users" name="users" recordRepresentation={(user) => user.fullName || user.username} />,
];

/**
 * Angsur's web app, served by the API server at /admin (any sub-path falls back to index.html).
 * Staff and customers sign in on the same page; each role gets its own resources, so a customer has
 * no route to a staff page at all (and the API refuses staff queries to customers anyway). What
 * each staff role may open is decided in auth/permissions.ts; the menu only lists what the user may open.
 */
export const App = () => (
  <BrowserRouter basename="/admin">
    <Admin
      title={branding.companyName}
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      dashboard={Home}
      theme={brandTheme}
      layout={AppLayout}
      disableTelemetry
    >
      <CustomRoutes noLayout>
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
      </CustomRoutes>
      {/* Every role's own notifications (the bell in the app bar links here). */}
      <CustomRoutes>
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route path="/privacy-requests" element={<PrivacyQueuePage />} />
        <Route path="/my-channels" element={<ChannelsPage />} />
        <Route path="/reconciliation" element={<ReconciliationPage />} />
      </CustomRoutes>
      {(permissions: unknown) => (permissions === 'CUSTOMER' ? customerResources : permissions ? staffResources : [])}
    </Admin>
  </BrowserRouter>
);
