import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import AnomalyIcon from '@mui/icons-material/ReportProblem';
import CustomerIcon from '@mui/icons-material/People';
import PaymentIcon from '@mui/icons-material/Payments';
import PlanIcon from '@mui/icons-material/CreditScore';
import ProductIcon from '@mui/icons-material/Inventory2';
import { Title, useGetIdentity, useGetList, usePermissions, useTranslate } from 'react-admin';
import { canAccess } from '../auth/permissions';
import type { Role } from '../auth/session';
import { AgingChart } from './AgingChart';
import { ActiveOrdersCard, CollectionsCard, ListCountCard, OverdueCard, ReceivablesCard, useCountFormat } from './FigureCards';
import { filtered } from './StatCard';
import { SpkQueueCard, UpcomingDueCard } from './WorkTables';
import { DayWorkCards } from './DayWorkCards';

const Row = ({ children }: { children: ReactNode }) => <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2, alignItems: 'stretch' }}>{children}</Box>;

const ProductsCard = () => {
  const translate = useTranslate();
  const count = useCountFormat();
  const active = useGetList('products', { pagination: { page: 1, perPage: 1 }, filter: { active: true } });
  return (
    <ListCountCard
      resource="products"
      icon={<ProductIcon />}
      title={translate('angsur.dashboard.products')}
      to="/products"
      testId="products"
      detail={active.total === undefined ? undefined : translate('angsur.dashboard.activeProducts', { smart_count: count(active.total) ?? 0 })}
    />
  );
};

/**
 * The first page after login, per role: the day's money for FINANCE (receivables, collections,
 * aging, transfers to verify, gateway money not applied), the day's work for SUPPORT (arrears to
 * chase, SPKs waiting), everything for ADMIN; then what falls due this week, and the catalog and customers.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Role>();
  const money = canAccess(permissions ?? null, 'dashboard', 'money');
  const spk = canAccess(permissions ?? null, 'dashboard', 'spk');
  // Gateway money not applied: FINANCE and ADMIN, who may open the list behind the card.
  const anomalies = money && canAccess(permissions ?? null, 'paymentAnomalies', 'list');
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="ra.page.dashboard" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('angsur.dashboard.welcome', { name: identity?.fullName ?? '' })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
        {translate('angsur.dashboard.intro')}
      </Typography>
      <Row>
        <DayWorkCards />
      </Row>
      <Row>
        <OverdueCard />
        {money && (
          <ListCountCard
            resource="payments"
            filter={{ awaitingVerification: true }}
            icon={<PaymentIcon />}
            title={translate('angsur.dashboard.awaitingVerification')}
            to={filtered('/payments', { awaitingVerification: true })}
            testId="awaiting-verification"
            alert
          />
        )}
        {anomalies && (
          <ListCountCard
            resource="paymentAnomalies"
            filter={{ unresolved: true }}
            icon={<AnomalyIcon />}
            title={translate('angsur.dashboard.unresolvedAnomalies')}
            to={filtered('/paymentAnomalies', { unresolved: true })}
            testId="unresolved-anomalies"
            alert
          />
        )}
        <ActiveOrdersCard />
        {money && <ReceivablesCard />}
        {money && <CollectionsCard />}
      </Row>
      {money && (
        <Row>
          <AgingChart />
        </Row>
      )}
      <Row>
        <UpcomingDueCard />
        {spk && <SpkQueueCard />}
      </Row>
      <Row>
        <ProductsCard />
        <ListCountCard resource="installmentPlans" filter={{ active: true }} icon={<PlanIcon />} title={translate('angsur.dashboard.plans')} to="/installmentPlans" testId="installmentPlans" />
        <ListCountCard resource="customers" icon={<CustomerIcon />} title={translate('angsur.dashboard.customers')} to="/customers" testId="customers" />
      </Row>
    </Box>
  );
};
