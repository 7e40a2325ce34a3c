import CancelIcon from '@mui/icons-material/Cancel';
import { Alert, Box, Button, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { fitsScreen } from '../layout';
import { Show, useDataProvider, useLocale, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { ActionButton } from '../../actions';
import type { AngsurDataProvider } from '../../dataProvider';
import { formatDate, formatDateTime, formatRupiah, isPositiveRupiah } from '../../format';
import { OrderStatusField } from '../../orders/OrderFields';
import { OrderHistory } from '../../orders/OrderHistory';
import { ScheduleSummary } from '../../orders/OrderOverview';
import type { Order } from '../../orders/choices';
import { specsSummary } from '../../products/choices';
import { ArrearsPanel, isInArrears } from './ArrearsPanel';
import { ContractEndPanel } from './ContractEndPanel';
import { MyPayments } from './MyPayments';
import { MySchedule } from './MySchedule';
import { PayButton } from './PayButton';
import { VirtualAccountPanel } from '../../reconciliation/VirtualAccountPanel';
import { SpkPanel } from './SpkPanel';
import type { CustomerOrder } from './types';

const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const Header = ({ order }: { order: CustomerOrder }) => {
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }}>
      <Typography variant="h6" component="h1" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
        {order.number}
      </Typography>
      <OrderStatusField />
      <Typography variant="body2" color="text.secondary">
        {translate('resources.orders.fields.createdAt')} {formatDateTime(order.createdAt, locale)}
      </Typography>
      {/* The second chance's deadline only means something while money is overdue. */}
      {order.graceUntil && isPositiveRupiah(order.summary?.arrearsAmount) && (
        <Typography variant="body2" sx={{ color: 'warning.dark', fontWeight: 600 }}>
          {translate('resources.orders.fields.graceUntil')}: {formatDate(order.graceUntil, locale)}
        </Typography>
      )}
    </Box>
  );
};

/** A bank transfer whose proof is uploaded and waits for FINANCE: paying again would pay twice. */
const proofAwaitingVerification = (order: CustomerOrder) =>
  order.payments?.find((p) => p.status === 'PENDING' && p.method === 'BANK_TRANSFER' && !!p.proofUrl) ?? null;

/**
 * Pay now or pay off: blocked, with the API's own words, until the SPK is confirmed, and while a
 * transfer proof is being checked (the order says so instead of inviting a second payment).
 */
const PaySection = ({ order }: { order: CustomerOrder }) => {
  const translate = useTranslate();
  if (order.status === 'CANCELLED' || order.status === 'COMPLETED') return null;
  const checking = proofAwaitingVerification(order);
  if (checking) {
    return (
      <Alert severity="info" data-testid="proof-awaiting">
        {translate('angsur.customer.pay.proofAwaiting', { amount: formatRupiah(checking.amount), reference: checking.reference })}
      </Alert>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
      <PayButton orderId={order.id} blockedReason={order.spkNotice} label="angsur.customer.pay.action" />
      {order.spkNotice && (
        <Typography variant="body2" color="text.secondary">
          {order.spkNotice}
        </Typography>
      )}
      {!order.spkNotice && (
        <Typography variant="body2" color="text.secondary">
          {translate('angsur.customer.pay.hint')}
        </Typography>
      )}
    </Box>
  );
};

/** Until the first installment is paid: what it is made of (down payment, setup and admin fees), as the server splits it. */
const FirstPaymentCard = ({ order }: { order: CustomerOrder }) => {
  const translate = useTranslate();
  const first = order.firstPayment;
  const installment0 = order.installments?.find((i) => i.number === 0);
  if (!first || !installment0 || installment0.status === 'PAID' || order.status === 'CANCELLED') return null;
  const lines: [string, string][] = [
    ['angsur.customer.firstPayment.downPayment', first.downPayment],
    ['angsur.customer.firstPayment.setupFee', first.setupFee],
    ['angsur.customer.firstPayment.adminFee', first.adminFee],
    ['angsur.customer.firstPayment.stampDuty', first.stampDuty ?? '0'],
  ];
  return (
    <Section title="angsur.customer.firstPayment.title" testId="first-payment">
      <Stack spacing={0.5}>
        {lines
          .filter(([, amount]) => isPositiveRupiah(amount))
          .map(([label, amount]) => (
            <Box key={label} sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
              <Typography variant="body2">{translate(label)}</Typography>
              <Typography variant="body2">{formatRupiah(amount)}</Typography>
            </Box>
          ))}
        <Divider />
        <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
          <Typography variant="body2" sx={{ fontWeight: 700 }}>
            {translate('angsur.customer.firstPayment.total')}
          </Typography>
          <Typography variant="body2" sx={{ fontWeight: 700 }} data-testid="first-payment-total">
            {formatRupiah(first.total)}
          </Typography>
        </Box>
      </Stack>
    </Section>
  );
};

const Items = ({ order }: { order: CustomerOrder }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1}>
      {(order.items ?? []).map((item) => {
        const service = order.services?.find((s) => s.orderItemId === item.id);
        return (
          <Box key={item.id} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, justifyContent: 'space-between', alignItems: 'center' }}>
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2">
                {item.position}. {item.productName}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {specsSummary(item)}
              </Typography>
            </Box>
            {service || !order.serviceBlockedReason ? (
              <Button component={Link} to="/my-services" size="small">
                {translate(service ? 'angsur.customer.orders.serviceOf' : 'angsur.customer.orders.createService', { label: service?.label ?? '' })}
              </Button>
            ) : (
              // Not yet possible: said now, by the server's gate, not after filling the form.
              <Box sx={{ display: 'grid', justifyItems: 'end', minWidth: 0 }}>
                <Button size="small" disabled>
                  {translate('angsur.customer.orders.createService')}
                </Button>
                <Typography variant="caption" color="warning.dark" data-testid="service-blocked">
                  {order.serviceBlockedReason}
                </Typography>
              </Box>
            )}
          </Box>
        );
      })}
    </Stack>
  );
};

const OrderPage = () => {
  const order = useRecordContext<CustomerOrder>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AngsurDataProvider>();
  if (!order) return null;
  const canCancel = order.allowedActions?.includes('CANCEL') && !order.spkConfirmedAt;
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 }, minWidth: 0 }}>
      <Header order={order} />
      {order.status === 'CANCELLED' && order.cancelReason && (
        <Alert severity="warning">
          {translate('resources.orders.cancel.reasonShown')}: {order.cancelReason}
        </Alert>
      )}
      {isInArrears(order) && <ArrearsPanel order={order} />}
      {/* An order confirmed without an SPK of its own (migrated data) has nothing to show here. */}
      {(order.spk || !order.spkConfirmedAt) && <SpkPanel order={order} />}
      <ScheduleSummary order={order as Order} />
      <ContractEndPanel order={order} />
      <FirstPaymentCard order={order} />
      <VirtualAccountPanel orderId={order.id} />
      <PaySection order={order} />
      <Section title="resources.orders.tabs.installments" testId="my-schedule">
        <MySchedule />
      </Section>
      <Section title="resources.orders.tabs.payments" testId="my-payments">
        <MyPayments payments={order.payments ?? []} />
      </Section>
      <Section title="resources.orders.tabs.items">
        <Items order={order} />
      </Section>
      <Section title="resources.orders.tabs.history" testId="my-history">
        <OrderHistory portal />
      </Section>
      {canCancel && (
        <Box>
          <ActionButton
            label="resources.orders.cancel.action"
            icon={<CancelIcon />}
            color="error"
            title="resources.orders.cancel.title"
            message="angsur.customer.orders.cancelMessage"
            messageArgs={{ number: order.number }}
            reasonLabel="resources.orders.cancel.reason"
            successMessage="resources.orders.cancel.done"
            onConfirm={(reason) => dataProvider.cancelOrder({ id: order.id, reason })}
          />
        </Box>
      )}
    </Stack>
  );
};

const OrderTitle = () => {
  const order = useRecordContext<CustomerOrder>();
  return <span>{order?.number ?? ''}</span>;
};

/** One of the customer's orders: the SPK, arrears and what to pay, the schedule, payments and items. */
export const MyOrderShow = () => (
  <Show resource="my-orders" actions={false} component="div" title={<OrderTitle />} sx={fitsScreen}>
    <OrderPage />
  </Show>
);
