import { Typography } from '@mui/material';
import { VirtualAccountPanel } from '../reconciliation/VirtualAccountPanel';
import { ArrayField, DataTable, ResourceContextProvider, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, RupiahField } from '../fields';
import { AllocationsField, MethodCell, PaymentStatusField, ReferenceCell } from '../payments/PaymentFields';
import type { Order } from './choices';

/** Pembayaran: every payment on the order, oldest first, with where its money went; a row opens the payment. */
export const OrderPayments = (_props: { label?: false }) => {
  const order = useRecordContext<Order>();
  const translate = useTranslate();
  if (!order) return null;
  if (!order.payments?.length) {
    return (
      <>
        <VirtualAccountPanel orderId={order.id} />
        <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
          {translate('resources.payments.empty')}
        </Typography>
      </>
    );
  }
  return (
    <ResourceContextProvider value="payments">
      <VirtualAccountPanel orderId={order.id} />
      <ArrayField source="payments">
        <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& td': { verticalAlign: 'top' } }}>
          <DataTable.Col source="createdAt" disableSort>
            <DateTimeField source="createdAt" stacked />
          </DataTable.Col>
          <DataTable.Col source="reference" disableSort>
            <ReferenceCell />
          </DataTable.Col>
          <DataTable.Col source="method" disableSort>
            <MethodCell />
          </DataTable.Col>
          <DataTable.Col source="amount" align="right" disableSort>
            <RupiahField source="amount" />
          </DataTable.Col>
          <DataTable.Col source="status" disableSort>
            <PaymentStatusField />
          </DataTable.Col>
          <DataTable.Col source="allocations" disableSort>
            <AllocationsField />
          </DataTable.Col>
          <DataTable.Col source="settledAt" disableSort>
            <DateTimeField source="settledAt" emptyText="-" stacked />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
    </ResourceContextProvider>
  );
};
