import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useLocale, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import type { ChipColor } from '../../fields';
import type { OrderStatus } from '../../orders/choices';
import { MY_ORDERS_FOR_SERVICES, MY_SERVICES, OS_TEMPLATES } from '../api';
import { callApi } from '../../dataProvider';
import { ArrearsPanel, isInArrears } from '../orders/ArrearsPanel';
import { CreateServiceButton, type ServiceableItem } from './CreateServiceButton';
import { ServerPanel, type PowerAction, type ServerDetails } from './ServerPanel';
import { formatDate, formatRupiah, isPositiveRupiah, osName } from '../../format';

interface MyService {
  id: string;
  label: string;
  hostname: string | null;
  status: 'PENDING_SETUP' | 'ACTIVE' | 'SUSPENDED' | 'TERMINATED';
  provisioning: string;
  driver: string;
  hostingUrl: string;
  osTemplate: string | null;
  orderId: string;
  orderItemId: string;
  suspensionCause: string | null;
  lastError: string | null;
  details: ServerDetails | null;
  powerActions: PowerAction[];
}

interface ServicesOrder {
  id: string;
  number: string;
  status: OrderStatus;
  /** The server's reason no service can be made yet (SPK, down payment), or null. */
  serviceBlockedReason: string | null;
  summary: { arrearsAmount: string; nextDue: { dueDate: string; amount: string } | null };
  items: ServiceableItem[];
  services: { id: string; orderItemId: string }[];
}

const STATUS_COLORS: Record<MyService['status'], ChipColor> = { PENDING_SETUP: 'info', ACTIVE: 'success', SUSPENDED: 'error', TERMINATED: 'default' };
/** Orders whose items may still get a service; the API decides the rest (SPK, down payment). */
const OPEN_ORDER: readonly OrderStatus[] = ['AWAITING_SPK', 'SPK_IN_PROGRESS', 'AWAITING_DOWN_PAYMENT', 'ACTIVE'];

/** The installments that keep the service running: paid off, on time (the next due date), or in arrears. */
const InstallmentStanding = ({ order }: { order: ServicesOrder }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const arrears = isPositiveRupiah(order.summary.arrearsAmount);
  const next = order.summary.nextDue;
  const text =
    order.status === 'COMPLETED'
      ? translate('angsur.customer.services.standing.paidOff')
      : arrears
        ? translate('angsur.customer.services.standing.arrears', { amount: formatRupiah(order.summary.arrearsAmount) })
        : next
          ? translate('angsur.customer.services.standing.onTime', { date: formatDate(next.dueDate, locale), amount: formatRupiah(next.amount) })
          : null;
  if (!text) return null;
  return (
    <Typography variant="body2" data-testid="service-installments" sx={{ color: arrears ? 'error.main' : 'text.secondary' }}>
      {text}
    </Typography>
  );
};

const ServiceCard = ({ service, order }: { service: MyService; order?: ServicesOrder }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid="my-service" data-label={service.label}>
      <CardContent sx={{ display: 'grid', gap: 1 }}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
          <Typography variant="h6" component="h2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {service.label}
          </Typography>
          <Chip size="small" data-status={service.status} color={STATUS_COLORS[service.status]} label={translate(`angsur.customer.services.status.${service.status}`)} />
        </Box>
        <Typography variant="body2" color="text.secondary">
          {[order?.items.find((i) => i.id === service.orderItemId)?.productName, osName(service.osTemplate), order?.number].filter(Boolean).join(' · ')}
        </Typography>
        {service.status === 'SUSPENDED' && (
          <Alert severity="error">{translate(`angsur.customer.services.suspendedBy.${service.suspensionCause ?? 'ADMIN'}`)}</Alert>
        )}
        {order && service.status !== 'SUSPENDED' && service.status !== 'TERMINATED' && <InstallmentStanding order={order} />}
        <ServerPanel serviceId={service.id} label={service.label} details={service.details} powerActions={service.powerActions} />
        {service.status === 'PENDING_SETUP' && (
          <Alert severity="info">{translate(service.driver === 'manual' ? 'angsur.customer.services.pendingManual' : 'angsur.customer.services.pending')}</Alert>
        )}
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          {service.driver === 'local' && service.status !== 'TERMINATED' && (
            <Button size="small" variant="outlined" href={service.hostingUrl} target="_blank" rel="noopener" startIcon={<OpenInNewIcon />}>
              {translate('angsur.customer.services.open')}
            </Button>
          )}
          {order && (
            <Button size="small" component={Link} to={`/my-orders/${order.id}/show`}>
              {translate('angsur.customer.services.order', { number: order.number })}
            </Button>
          )}
        </Box>
      </CardContent>
    </Card>
  );
};

/** Items of open orders that have no service yet, with the reason when the order cannot have one yet. */
const ItemsWithoutService = ({ orders, osTemplates }: { orders: ServicesOrder[]; osTemplates: string[] }) => {
  const translate = useTranslate();
  const rows = orders
    .filter((order) => OPEN_ORDER.includes(order.status))
    .flatMap((order) => order.items.filter((item) => !order.services.some((s) => s.orderItemId === item.id)).map((item) => ({ order, item })));
  if (!rows.length) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('angsur.customer.services.withoutService')}
        </Typography>
        <Stack spacing={1.5}>
          {rows.map(({ order, item }) => (
            <Box key={item.id} data-testid="serviceable-item" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
              <Box sx={{ minWidth: 0 }}>
                <Typography variant="body2">{item.productName}</Typography>
                <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                  {order.number}
                </Typography>
                {order.serviceBlockedReason && (
                  <Typography variant="caption" color="warning.dark" component="div" data-testid="service-blocked">
                    {order.serviceBlockedReason}
                  </Typography>
                )}
              </Box>
              <CreateServiceButton item={item} osTemplates={osTemplates} blockedReason={order.serviceBlockedReason} />
            </Box>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};

/**
 * Layanan saya: the hosting made from the customer's orders (status, suspension, a link to the
 * hosting page), the items still waiting for one, and the pay-or-suspend choice for late orders.
 */
export const MyServicesPage = () => {
  const translate = useTranslate();
  const services = useQuery({ queryKey: ['customer', 'myServices'], queryFn: () => callApi<MyService[]>(MY_SERVICES) });
  const orders = useQuery({ queryKey: ['customer', 'ordersForServices'], queryFn: () => callApi<{ items: ServicesOrder[] }>(MY_ORDERS_FOR_SERVICES) });
  const osTemplates = useQuery({ queryKey: ['customer', 'osTemplates'], queryFn: () => callApi<string[]>(OS_TEMPLATES), staleTime: Infinity });
  const error = services.error ?? orders.error ?? osTemplates.error;
  const orderList = orders.data?.items ?? [];
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title="angsur.customer.services.title" />
      {error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : services.isPending || orders.isPending ? (
        <CircularProgress />
      ) : (
        <>
          {orderList.filter(isInArrears).map((order) => (
            <ArrearsPanel key={order.id} order={order} />
          ))}
          {!services.data?.length && (
            <Typography color="text.secondary">{translate('angsur.customer.services.empty')}</Typography>
          )}
          {services.data?.map((service) => (
            <ServiceCard key={service.id} service={service} order={orderList.find((o) => o.id === service.orderId)} />
          ))}
          <ItemsWithoutService orders={orderList} osTemplates={osTemplates.data ?? []} />
        </>
      )}
    </Stack>
  );
};
