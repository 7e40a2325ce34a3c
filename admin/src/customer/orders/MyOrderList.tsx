import { Box, Button, Typography, useMediaQuery, type Theme } from '@mui/material';
import { Link } from 'react-router';
import { DataTable, List, RecordContextProvider, SimpleList, TextField, useRecordContext, useTranslate } from 'react-admin';
import { RupiahField } from '../../fields';
import { fitsScreen } from '../layout';
import { formatRupiah, isPositiveRupiah } from '../../format';
import type { Order } from '../../orders/choices';
import { ArrearsField, NextDueField, OrderStatusField } from '../../orders/OrderFields';

/** "3 dari 13" installments paid. */
const PaidCountField = (_props: { label?: string }) => {
  const order = useRecordContext<Order>();
  const translate = useTranslate();
  if (!order) return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {translate('resources.orders.summary.paidOf', { paid: order.summary.paidCount, total: order.summary.installmentsCount })}
    </Typography>
  );
};

/** What a phone shows per order: the number and status, then total, arrears and the next due date. */
const PhoneRow = ({ order }: { order: Order }) => {
  const translate = useTranslate();
  return (
    <RecordContextProvider value={order}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, alignItems: 'center' }}>
        <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
          {order.number}
        </Typography>
        <OrderStatusField />
      </Box>
      <Typography variant="body2" component="div">
        {formatRupiah(order.totalPrice)} · <PaidCountField />
      </Typography>
      {isPositiveRupiah(order.summary.arrearsAmount) && (
        <Typography variant="body2" color="error" component="div">
          {translate('resources.orders.fields.summary.arrearsAmount')}: {formatRupiah(order.summary.arrearsAmount)}
        </Typography>
      )}
    </RecordContextProvider>
  );
};

/** Pesanan saya: the customer's orders, newest first; a table on wide screens, a simple list on phones. */
export const MyOrderList = () => {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <List resource="my-orders" title="angsur.customer.orders.title" actions={false} sx={fitsScreen} sort={{ field: 'createdAt', order: 'DESC' }} empty={<NoOrders />}>
      {phone ? (
        <SimpleList<Order> primaryText={(order) => <PhoneRow order={order} />} secondaryText={(order) => <NextDueText order={order} />} linkType="show" />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="number" label="resources.orders.fields.number">
            <TextField source="number" sx={{ fontFamily: 'monospace' }} />
          </DataTable.Col>
          <DataTable.Col source="status" label="resources.orders.fields.status">
            <OrderStatusField />
          </DataTable.Col>
          <DataTable.Col source="totalPrice" label="resources.orders.fields.totalPrice" align="right">
            <RupiahField source="totalPrice" />
          </DataTable.Col>
          <DataTable.Col label="resources.orders.summary.installments" disableSort>
            <PaidCountField />
          </DataTable.Col>
          <DataTable.Col label="resources.orders.fields.summary.arrearsAmount" align="right" disableSort>
            <ArrearsField />
          </DataTable.Col>
          <DataTable.Col label="resources.orders.fields.summary.nextDue" disableSort>
            <NextDueField />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};

const NextDueText = ({ order }: { order: Order }) => (
  <RecordContextProvider value={order}>
    <NextDueField />
  </RecordContextProvider>
);

const NoOrders = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 3, textAlign: 'center' }}>
      <Typography variant="h6">{translate('angsur.customer.orders.empty')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('angsur.customer.orders.emptyHint')}
      </Typography>
      <Button component={Link} to="/catalog" variant="contained" sx={{ mt: 2 }}>
        {translate('angsur.customer.cart.toCatalog')}
      </Button>
    </Box>
  );
};
