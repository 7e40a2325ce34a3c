import { Divider, Tab, Tabs } from '@mui/material';
import {
  DataTable,
  FilterButton,
  List,
  SelectArrayInput,
  SelectInput,
  TopToolbar,
  useGetList,
  useListContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField, RupiahField } from '../fields';
import { ExportCsvButton } from '../files';
import { paymentMethodChoices, paymentStatusChoices } from './choices';
import { MethodCell, OrderLinkField, PaymentStatusField, ReferenceCell } from './PaymentFields';

const filters = [
  <SelectArrayInput key="status" source="status" choices={paymentStatusChoices} sx={{ minWidth: 220 }} />,
  <SelectInput key="method" source="method" choices={paymentMethodChoices} />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportCsvButton path="/exports/payments.csv" fallbackName="pembayaran.csv" tooltip="resources.payments.export" />
  </TopToolbar>
);

/**
 * "Menunggu verifikasi" (bank transfers with a proof, oldest first: the FINANCE queue) and "Semua"
 * (newest first, with status and method filters). The API's queue filter fixes status and method,
 * so those filters are dropped when switching to the queue.
 */
const QueueTabs = () => {
  const { filterValues, displayedFilters, setFilters, setSort } = useListContext();
  const translate = useTranslate();
  const { total: waiting } = useGetList('payments', { pagination: { page: 1, perPage: 1 }, filter: { awaitingVerification: true } });
  const tab = filterValues.awaitingVerification === true ? 'queue' : 'all';
  const change = (_event: unknown, value: 'queue' | 'all') => {
    if (value === 'queue') {
      const { status: _status, method: _method, ...rest } = filterValues;
      setFilters({ ...rest, awaitingVerification: true }, { ...displayedFilters, status: false, method: false });
      setSort({ field: 'createdAt', order: 'ASC' });
    } else {
      setFilters({ ...filterValues, awaitingVerification: false }, displayedFilters);
      setSort({ field: 'createdAt', order: 'DESC' });
    }
  };
  return (
    <>
      <Tabs value={tab} onChange={change} indicatorColor="primary" sx={{ px: 1 }}>
        <Tab
          value="queue"
          label={waiting === undefined ? translate('resources.payments.tabs.queue') : `${translate('resources.payments.tabs.queue')} (${waiting})`}
        />
        <Tab value="all" label={translate('resources.payments.tabs.all')} />
      </Tabs>
      <Divider />
    </>
  );
};

/** The queue shows what FINANCE needs to decide; "Semua" adds when each payment was settled. */
const PaymentTable = () => {
  const { filterValues } = useListContext();
  const queue = filterValues.awaitingVerification === true;
  return (
    <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& td': { verticalAlign: 'top' } }}>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" stacked />
      </DataTable.Col>
      <DataTable.Col source="reference" disableSort>
        <ReferenceCell />
      </DataTable.Col>
      <DataTable.Col source="orderId" disableSort>
        <OrderLinkField />
      </DataTable.Col>
      <DataTable.Col source="method" disableSort>
        <MethodCell />
      </DataTable.Col>
      <DataTable.Col source="amount" align="right">
        <RupiahField source="amount" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <PaymentStatusField />
      </DataTable.Col>
      {!queue && (
        <DataTable.Col source="settledAt">
          <DateTimeField source="settledAt" emptyText="-" stacked />
        </DataTable.Col>
      )}
    </DataTable>
  );
};

export const PaymentList = () => (
  <List
    sort={{ field: 'createdAt', order: 'ASC' }}
    filterDefaultValues={{ awaitingVerification: true }}
    filters={filters}
    actions={<Actions />}
    exporter={false}
  >
    <QueueTabs />
    <PaymentTable />
  </List>
);
