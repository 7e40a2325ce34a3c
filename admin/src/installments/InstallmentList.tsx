import { Box, Chip, Typography } from '@mui/material';
import {
  DataTable,
  DateInput,
  ExportButton,
  FilterButton,
  List,
  SelectArrayInput,
  TextField,
  TopToolbar,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateField, RupiahField, StatusChipField } from '../fields';
import { formatPhone, formatRupiah, isPositiveRupiah, todayInJakarta } from '../format';
import { INSTALLMENT_STATUSES, INSTALLMENT_STATUS_COLORS, installmentDisplayStatus, PAYABLE_STATUSES } from '../orders/choices';
import { useInstallmentLabel } from '../orders/OrderFields';
import { BillingPassButton } from './BillingPass';
import { installmentExporter } from './exporter';
import type { InstallmentRow } from './types';

interface CellProps {
  label?: string;
  source?: string;
}

const statusChoices = INSTALLMENT_STATUSES.map((id) => ({ id, name: `resources.installments.status.${id}` }));

const filters = [
  <SelectArrayInput key="status" source="status" choices={statusChoices} sx={{ minWidth: 200 }} />,
  <DateInput key="dueFrom" source="dueFrom" />,
  <DateInput key="dueTo" source="dueTo" />,
];

/** The two questions staff ask most, one click each: who is late, and what falls due this week. */
const QUICK_FILTERS = [
  { key: 'overdue', label: 'resources.installments.quick.overdue' },
  { key: 'dueThisWeek', label: 'resources.installments.quick.dueThisWeek' },
] as const;

const QuickFilters = () => {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  return (
    <Box sx={{ display: 'flex', gap: 1, px: 2, pt: 1.5, pb: 0.5 }} role="group" aria-label={translate('resources.installments.quick.label')}>
      {QUICK_FILTERS.map(({ key, label }) => {
        const active = !!filterValues[key];
        return (
          <Chip
            key={key}
            label={translate(label)}
            color={active ? 'primary' : 'default'}
            variant={active ? 'filled' : 'outlined'}
            aria-pressed={active}
            data-testid={`quick-${key}`}
            onClick={() => {
              const { [key]: _dropped, ...rest } = filterValues;
              setFilters(active ? rest : { ...rest, [key]: true }, displayedFilters);
            }}
          />
        );
      })}
    </Box>
  );
};

const OrderCell = (_props: CellProps) => {
  const row = useRecordContext<InstallmentRow>();
  if (!row?.order) return null;
  return (
    <Box>
      <Typography variant="body2" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
        {row.order.number}
      </Typography>
      <Typography variant="body2">{row.order.customerName}</Typography>
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {formatPhone(row.order.customerPhone)}
      </Typography>
    </Box>
  );
};

const NumberCell = (_props: CellProps) => {
  const row = useRecordContext<InstallmentRow>();
  const installmentLabel = useInstallmentLabel();
  return row ? <TextField source="number" record={{ id: row.id, number: installmentLabel(row.number) }} sx={{ whiteSpace: 'nowrap' }} /> : null;
};

/** Still owed (amount plus late fee, less what is paid), with the late fee under it when there is one. */
const OwedCell = (_props: CellProps) => {
  const row = useRecordContext<InstallmentRow>();
  const translate = useTranslate();
  if (!row) return null;
  const owed = BigInt(row.amount) - BigInt(row.paidAmount) + BigInt(row.lateFee) - BigInt(row.lateFeePaid);
  return (
    <Box sx={{ textAlign: 'right' }}>
      <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }} data-testid="installment-owed">
        {formatRupiah(owed)}
      </Typography>
      {isPositiveRupiah(row.lateFee) && (
        <Typography variant="caption" color="error" sx={{ whiteSpace: 'nowrap' }}>
          {translate('resources.installments.list.lateFee', { amount: formatRupiah(row.lateFee) })}
        </Typography>
      )}
    </Box>
  );
};

/** What the status means today: an unpaid installment past its due date is late even before the billing pass. */
const StatusCell = (_props: CellProps) => {
  const row = useRecordContext<InstallmentRow>();
  if (!row) return null;
  const payable = !!row.order && PAYABLE_STATUSES.includes(row.order.status);
  return (
    <StatusChipField source="status" prefix="resources.installments.status" colors={INSTALLMENT_STATUS_COLORS} value={installmentDisplayStatus(row, todayInJakarta(), payable)} />
  );
};

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    {/* Every matching row, read page by page (see dataProvider getLongList); 5 000 rows at most. */}
    <ExportButton maxResults={5_000} />
    <BillingPassButton />
  </TopToolbar>
);

/** Every order's installments, soonest due first; a row opens its order. Staff only. */
export const InstallmentList = () => (
  <List sort={{ field: 'dueDate', order: 'ASC' }} filters={filters} actions={<Actions />} exporter={installmentExporter}>
    <QuickFilters />
    <DataTable rowClick={(_id, _resource, record) => `/orders/${(record as InstallmentRow).orderId}/show`} bulkActionButtons={false}>
      <DataTable.Col source="order" label="resources.installments.fields.order" disableSort>
        <OrderCell />
      </DataTable.Col>
      <DataTable.Col source="number" disableSort>
        <NumberCell />
      </DataTable.Col>
      <DataTable.Col source="dueDate">
        <DateField source="dueDate" />
      </DataTable.Col>
      <DataTable.Col source="amount" align="right">
        <RupiahField source="amount" />
      </DataTable.Col>
      <DataTable.Col source="owed" label="resources.installments.fields.owed" align="right" disableSort>
        <OwedCell />
      </DataTable.Col>
      <DataTable.Col source="status">
        <StatusCell />
      </DataTable.Col>
    </DataTable>
  </List>
);
