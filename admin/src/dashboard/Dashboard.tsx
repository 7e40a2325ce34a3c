import { Box, Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import CustomerIcon from '@mui/icons-material/People';
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

const StatCard = ({ icon, title, to, value, detail }: { icon: ReactNode; title: string; to: string; value?: number; detail?: string }) => {
  const locale = useLocale();
  return (
    <Card sx={{ flex: '1 1 240px', maxWidth: 360 }}>
      <CardActionArea component={Link} to={to}>
        <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Box sx={{ color: 'primary.main', display: 'flex', '& svg': { fontSize: 44 } }}>{icon}</Box>
          <Box>
            <Typography variant="body2" color="text.secondary">
              {title}
            </Typography>
            <Typography variant="h4" component="p" data-testid={`count-${to.replace(/^\//, '')}`}>
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

/** The first page after login: a few numbers now, the day's work (orders, payments due) later. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const products = useCount('products');
  const activeProducts = useCount('products', { active: true });
  const plans = useCount('installmentPlans', { active: true });
  const customers = useCount('customers');
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="ra.page.dashboard" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('angsur.dashboard.welcome', { name: identity?.fullName ?? '' })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
        {translate('angsur.dashboard.intro')}
      </Typography>
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
