import { Box, Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import CustomerIcon from '@mui/icons-material/People';
import OverdueIcon from '@mui/icons-material/EventBusy';
import PaymentIcon from '@mui/icons-material/Payments';
import PlanIcon from '@mui/icons-material/CreditScore';
import ProductIcon from '@mui/icons-material/Inventory2';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Title, useGetIdentity, useGetList, useLocale, useTranslate } from 'react-admin';

/** A count from the API's list total (a one-row page is enough). */
const useCount = (resource: string, filter: Record<string, unknown> = {}) => {
  const { total, isPending, error } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, filter });
  return { total, isPending, error };
};

/** A list link with its filter, e.g. /orders?filter={"overdue":true}. */
const filtered = (path: string, filter: Record<string, unknown>) => `${path}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

const StatCard = ({
  icon,
  title,
  to,
  value,
  detail,
  testId,
  alert = false,
}: {
  icon: ReactNode;
  title: string;
  to: string;
  value?: number;
  detail?: string;
  testId?: string;
  /** Work waiting (arrears, transfers to verify): the number turns red/orange when above zero. */
  alert?: boolean;
}) => {
  const locale = useLocale();
  const pending = alert && !!value;
  return (
    <Card sx={{ flex: '1 1 240px', maxWidth: 360 }}>
      <CardActionArea component={Link} to={to}>
        <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Box sx={{ color: pending ? 'warning.main' : 'primary.main', display: 'flex', '& svg': { fontSize: 44 } }}>{icon}</Box>
          <Box>
            <Typography variant="body2" color="text.secondary">
              {title}
            </Typography>
            <Typography variant="h4" component="p" data-testid={`count-${testId ?? to.replace(/^\//, '')}`} sx={pending ? { color: 'warning.dark' } : undefined}>
              {value === undefined ? <Skeleton width={60} /> : new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID').format(value)}
            </Typography>
            {detail && (
              <Typography variant="caption" color="text.secondary">
                {detail}
              </Typography>
            )}
          </Box>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/** The first page after login: the day's work (orders in arrears, transfers to verify), then the catalog and customers. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const products = useCount('products');
  const activeProducts = useCount('products', { active: true });
  const plans = useCount('installmentPlans', { active: true });
  const customers = useCount('customers');
  const overdueOrders = useCount('orders', { overdue: true });
  const awaitingVerification = useCount('payments', { awaitingVerification: true });
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="ra.page.dashboard" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('angsur.dashboard.welcome', { name: identity?.fullName ?? '' })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
        {translate('angsur.dashboard.intro')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        <StatCard
          icon={<OverdueIcon />}
          title={translate('angsur.dashboard.overdueOrders')}
          to={filtered('/orders', { overdue: true })}
          testId="overdue-orders"
          value={overdueOrders.total}
          alert
        />
        <StatCard
          icon={<PaymentIcon />}
          title={translate('angsur.dashboard.awaitingVerification')}
          to={filtered('/payments', { awaitingVerification: true })}
          testId="awaiting-verification"
          value={awaitingVerification.total}
          alert
        />
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <StatCard
          icon={<ProductIcon />}
          title={translate('angsur.dashboard.products')}
          to="/products"
          value={products.total}
          detail={activeProducts.total === undefined ? undefined : translate('angsur.dashboard.activeProducts', { smart_count: activeProducts.total })}
        />
        <StatCard icon={<PlanIcon />} title={translate('angsur.dashboard.plans')} to="/installmentPlans" value={plans.total} />
        <StatCard icon={<CustomerIcon />} title={translate('angsur.dashboard.customers')} to="/customers" value={customers.total} />
      </Box>
    </Box>
  );
};
