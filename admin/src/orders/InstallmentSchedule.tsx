import { Box, Typography } from '@mui/material';
import { ArrayField, DataTable, ResourceContextProvider, useRecordContext, useTranslate } from 'react-admin';
import { DateField, DateTimeField, RupiahField, StatusChipField } from '../fields';
import { formatRupiah, isPositiveRupiah, todayInJakarta } from '../format';
import { INSTALLMENT_STATUS_COLORS, installmentDisplayStatus, PAYABLE_STATUSES, type Installment, type Order } from './choices';
import { useInstallmentLabel } from './OrderFields';

interface CellProps {
  label?: string;
  source?: string;
}

const NumberCell = (_props: CellProps) => {
  const installment = useRecordContext<Installment>();
  const installmentLabel = useInstallmentLabel();
  if (!installment) return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {installmentLabel(installment.number)}
    </Typography>
  );
};

/** What the installment's status means today (an unpaid one past its due date is overdue). */
export const StatusCell = ({ today, payable }: CellProps & { today: string; payable: boolean }) => {
  const installment = useRecordContext<Installment>();
  if (!installment) return null;
  return (
    <StatusChipField
      source="status"
      prefix="resources.installments.status"
      colors={INSTALLMENT_STATUS_COLORS}
      value={installmentDisplayStatus(installment, today, payable)}
    />
  );
};

/** Late fee accrued, and how much of it is paid when any is. */
export const LateFeeCell = (_props: CellProps) => {
  const installment = useRecordContext<Installment>();
  const translate = useTranslate();
  if (!installment) return null;
  if (!isPositiveRupiah(installment.lateFee)) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        -
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="body2" color="error" sx={{ whiteSpace: 'nowrap' }}>
        {formatRupiah(installment.lateFee)}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {translate('resources.installments.lateFeePaid', { amount: formatRupiah(installment.lateFeePaid) })}
      </Typography>
    </Box>
  );
};

/**
 * Jadwal angsuran: every installment with its due date (a Jakarta calendar date), amount, what is
 * paid, late fees and status; rows past due and unpaid are highlighted.
 */
export const InstallmentSchedule = (_props: { label?: false }) => {
  const order = useRecordContext<Order>();
  const translate = useTranslate();
  if (!order) return null;
  if (!order.installments?.length) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
        {translate('resources.installments.empty')}
      </Typography>
    );
  }
  const today = todayInJakarta();
  const payable = PAYABLE_STATUSES.includes(order.status);
  const stamped = order.installments.some((i) => isPositiveRupiah(i.stampDuty ?? '0'));
  const overdue = (installment: Installment) => installmentDisplayStatus(installment, today, payable) === 'OVERDUE';
  return (
    <ResourceContextProvider value="installments">
      <ArrayField source="installments">
        <DataTable
          bulkActionButtons={false}
          hover={false}
          rowSx={(installment) => (overdue(installment as Installment) ? { bgcolor: 'rgba(211, 47, 47, 0.08)' } : {})}
          sx={{ '& td': { verticalAlign: 'top' } }}
        >
          <DataTable.Col source="number" disableSort>
            <NumberCell />
          </DataTable.Col>
          <DataTable.Col source="dueDate" disableSort>
            <DateField source="dueDate" />
          </DataTable.Col>
          <DataTable.Col source="amount" align="right" disableSort>
            <RupiahField source="amount" />
          </DataTable.Col>
          {/* The PPN included in each amount (server/src/tax/vat.ts); absent on orders sold without VAT. */}
          <DataTable.Col source="vat" align="right" disableSort>
            <RupiahField source="vat" />
          </DataTable.Col>
          {/* Customer-borne e-Meterai added to a line (server/src/tax/stamp-ledger.ts), included in the amount; only when there is one. */}
          {stamped && (
            <DataTable.Col source="stampDuty" align="right" disableSort>
              <RupiahField source="stampDuty" />
            </DataTable.Col>
          )}
          <DataTable.Col source="paidAmount" align="right" disableSort>
            <RupiahField source="paidAmount" />
          </DataTable.Col>
          <DataTable.Col source="lateFee" align="right" disableSort>
            <LateFeeCell />
          </DataTable.Col>
          <DataTable.Col source="status" disableSort>
            <StatusCell today={today} payable={payable} />
          </DataTable.Col>
          <DataTable.Col source="paidAt" disableSort>
            <DateTimeField source="paidAt" emptyText="-" stacked />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
    </ResourceContextProvider>
  );
};
