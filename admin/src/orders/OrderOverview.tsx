import { Alert, Box, Card, CardContent, Link as MuiLink, Stack, Typography } from '@mui/material';
import { EmailField, Labeled, Link, TextField, useCreatePath, useLocale, useRecordContext, useTranslate } from 'react-admin';
import type { ReactNode } from 'react';
import { DateField, DateTimeField, PhoneField, StatusChipField } from '../fields';
import { formatDate, formatRupiah } from '../format';
import { SPK_STATUS_COLORS, type Order } from './choices';
import { ArrearsField, AssigneeField, OrderStatusField, useInstallmentLabel } from './OrderFields';

const row = { display: 'flex', gap: 4, flexWrap: 'wrap' } as const;

const SectionTitle = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
      {translate(title)}
    </Typography>
  );
};

/** One number of the summary card: a caption and the value under it. */
const Figure = ({ caption, children, testId }: { caption: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Box data-testid={testId}>
      <Typography variant="caption" color="text.secondary">
        {translate(caption)}
      </Typography>
      <Typography component="div" variant="h6">
        {children}
      </Typography>
    </Box>
  );
};

/** Paid x of y, paid, outstanding, arrears (red when any) and the next due date, from Order.summary. */
export const ScheduleSummary = ({ order }: { order: Order }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const installmentLabel = useInstallmentLabel();
  const s = order.summary;
  return (
    <Card variant="outlined">
      <CardContent>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 2 }}>
          <Figure caption="resources.orders.summary.installments" testId="summary-paid-count">
            {translate('resources.orders.summary.paidOf', { paid: s.paidCount, total: s.installmentsCount })}
          </Figure>
          <Figure caption="resources.orders.fields.summary.paidAmount">{formatRupiah(s.paidAmount)}</Figure>
          <Figure caption="resources.orders.fields.summary.outstandingAmount">{formatRupiah(s.outstandingAmount)}</Figure>
          <Figure caption="resources.orders.fields.summary.arrearsAmount">
            <ArrearsField variant="h6" />
            {s.overdueCount > 0 && (
              <Typography variant="caption" color="error" component="div">
                {translate('resources.orders.summary.overdueCount', { smart_count: s.overdueCount })}
              </Typography>
            )}
          </Figure>
          <Figure caption="resources.orders.fields.summary.nextDue">
            {s.nextDue ? (
              <>
                {formatDate(s.nextDue.dueDate, locale)}
                <Typography variant="caption" color="text.secondary" component="div">
                  {formatRupiah(s.nextDue.amount)} · {installmentLabel(s.nextDue.number)}
                </Typography>
              </>
            ) : (
              <Typography color="text.secondary">{translate('resources.orders.summary.nothingDue')}</Typography>
            )}
          </Figure>
          <Figure caption="resources.orders.fields.totalPrice">{formatRupiah(order.totalPrice)}</Figure>
        </Box>
      </CardContent>
    </Card>
  );
};

/** The customer as on the order (name, phone with WhatsApp, email), with a link to their profile. */
const CustomerBlock = ({ order }: { order: Order }) => {
  const createPath = useCreatePath();
  return (
    <Stack spacing={1}>
      <SectionTitle title="resources.orders.sections.customer" />
      <Box sx={row}>
        <Labeled source="customerName" label="resources.customers.fields.fullName">
          {order.customer ? (
            <MuiLink component={Link} to={createPath({ resource: 'customers', type: 'show', id: order.customer.id })} underline="hover">
              {order.customerName}
            </MuiLink>
          ) : (
            <TextField source="customerName" />
          )}
        </Labeled>
        <Labeled source="customerPhone">
          <PhoneField source="customerPhone" />
        </Labeled>
        <Labeled source="customerEmail">
          <EmailField source="customerEmail" />
        </Labeled>
        {order.customer && (
          <Labeled source="customer.username">
            <TextField source="customer.username" />
          </Labeled>
        )}
      </Box>
      {order.customer?.note && (
        <Labeled source="customer.note">
          <TextField source="customer.note" sx={{ whiteSpace: 'pre-line' }} />
        </Labeled>
      )}
    </Stack>
  );
};

/** Ringkasan: who, what state, who handles it, and where the installments stand. */
export const OrderOverview = (_props: { label?: false }) => {
  const order = useRecordContext<Order>();
  const translate = useTranslate();
  if (!order) return null;
  return (
    <Stack spacing={3} sx={{ py: 1 }}>
      <Stack spacing={1.5}>
        <Box sx={row}>
          <Labeled source="number">
            <TextField source="number" variant="h6" sx={{ fontFamily: 'monospace' }} />
          </Labeled>
          <Labeled source="status">
            <OrderStatusField />
          </Labeled>
          <Labeled source="assignedTo">
            <AssigneeField />
          </Labeled>
          <Labeled source="createdAt">
            <DateTimeField source="createdAt" />
          </Labeled>
          <Labeled source="startDate">
            <DateField source="startDate" />
          </Labeled>
          {order.graceUntil && (
            <Labeled source="graceUntil">
              <DateField source="graceUntil" sx={{ color: 'warning.dark', fontWeight: 600 }} />
            </Labeled>
          )}
        </Box>
        <Box sx={row}>
          <Labeled source="spk.number">
            <TextField source="spk.number" emptyText={translate('resources.orders.spk.none')} sx={{ fontFamily: order.spk ? 'monospace' : undefined }} />
          </Labeled>
          {order.spk && (
            <Labeled source="spk.status">
              <StatusChipField source="spk.status" prefix="resources.orders.spk.status" colors={SPK_STATUS_COLORS} />
            </Labeled>
          )}
          <Labeled source="spkConfirmedAt">
            <DateTimeField source="spkConfirmedAt" emptyText="-" />
          </Labeled>
        </Box>
      </Stack>
      {order.spkNotice && order.status !== 'CANCELLED' && (
        <Alert severity="warning" data-testid="spk-notice">
          {translate('resources.orders.spk.notice')}
        </Alert>
      )}
      {order.status === 'CANCELLED' && order.cancelReason && (
        <Alert severity="warning">
          {translate('resources.orders.cancel.reasonShown')}: {order.cancelReason}
        </Alert>
      )}
      <CustomerBlock order={order} />
      <Stack spacing={1}>
        <SectionTitle title="resources.orders.sections.schedule" />
        <ScheduleSummary order={order} />
      </Stack>
      {order.notes && (
        <Labeled source="notes">
          <TextField source="notes" sx={{ whiteSpace: 'pre-line' }} />
        </Labeled>
      )}
    </Stack>
  );
};
