import { Box, Typography } from '@mui/material';
import { useLocale, useRecordContext, useTranslate } from 'react-admin';
import { StatusChipField } from '../fields';
import { formatDate, formatPhone, formatRupiah, isPositiveRupiah, todayInJakarta } from '../format';
import { ORDER_STATUS_COLORS, type Order } from './choices';

/** Fields of an order row or page, reading the order from the record context. */

interface CellProps {
  label?: string;
  source?: string;
}

/** "Uang muka" for installment 0, "Angsuran ke-3" otherwise. */
export const useInstallmentLabel = () => {
  const translate = useTranslate();
  return (number: number) =>
    number === 0 ? translate('resources.orders.installment.downPayment') : translate('resources.orders.installment.number', { number });
};

export const OrderStatusField = (_props: CellProps) => <StatusChipField source="status" prefix="resources.orders.status" colors={ORDER_STATUS_COLORS} />;

/** The customer's name as on the order, with the phone under it. */
export const CustomerCell = (_props: CellProps) => {
  const order = useRecordContext<Order>();
  if (!order) return null;
  return (
    <Box>
      <Typography variant="body2">{order.customerName}</Typography>
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {formatPhone(order.customerPhone)}
      </Typography>
    </Box>
  );
};

/** Arrears (overdue principal plus unpaid late fees): red when there are any. */
export const ArrearsField = ({ variant = 'body2' }: CellProps & { variant?: 'body2' | 'h6' }) => {
  const order = useRecordContext<Order>();
  const value = order?.summary?.arrearsAmount;
  if (!order || value === undefined) return null;
  const late = isPositiveRupiah(value);
  return (
    <Typography
      component="span"
      variant={variant}
      data-testid="arrears"
      sx={{ whiteSpace: 'nowrap', color: late ? 'error.main' : 'text.secondary', fontWeight: late ? 600 : undefined }}
    >
      {formatRupiah(value)}
    </Typography>
  );
};

/** The next installment still open: its due date, what is left of it, and which one it is. */
export const NextDueField = (_props: CellProps) => {
  const order = useRecordContext<Order>();
  const locale = useLocale();
  const translate = useTranslate();
  const installmentLabel = useInstallmentLabel();
  if (!order) return null;
  const next = order.summary?.nextDue;
  if (!next) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('resources.orders.summary.nothingDue')}
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
        {formatDate(next.dueDate, locale)}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {formatRupiah(next.amount)} · {installmentLabel(next.number)}
      </Typography>
    </Box>
  );
};

/** The staff member handling the order, or "not assigned". */
export const AssigneeField = (_props: CellProps) => {
  const order = useRecordContext<Order>();
  const translate = useTranslate();
  if (!order) return null;
  return order.assignedTo ? (
    <Typography component="span" variant="body2" data-testid="assignee">
      {order.assignedTo.fullName}
    </Typography>
  ) : (
    <Typography component="span" variant="body2" color="text.secondary" data-testid="assignee">
      {translate('resources.orders.assignment.none')}
    </Typography>
  );
};

/** Whole days between two LocalDates ("2026-11-24"), counted on the calendar (no time zone). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * How late the oldest open installment is (summary.nextDue is the oldest one still open), counted in
 * Jakarta days as the API's overdue notice does; nothing when it is not past due.
 */
export const DaysLateField = (_props: CellProps) => {
  const order = useRecordContext<Order>();
  const translate = useTranslate();
  const next = order?.summary?.nextDue;
  const days = next && isPositiveRupiah(order.summary.arrearsAmount) ? daysBetween(next.dueDate, todayInJakarta()) : 0;
  if (days <= 0) return <Typography component="span" variant="body2" color="text.secondary">-</Typography>;
  return (
    <Typography component="span" variant="body2" color="error" data-testid="days-late" sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>
      {translate('resources.orders.overdue.daysLate', { smart_count: days })}
    </Typography>
  );
};
