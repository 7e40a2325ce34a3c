import PauseCircleIcon from '@mui/icons-material/PauseCircleOutlined';
import { Alert, AlertTitle, Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ActionButton } from '../../actions';
import { formatRupiah, isPositiveRupiah } from '../../format';
import { suspendOrder } from '../../orders/api';
import { PAYABLE_STATUSES, type OrderStatus } from '../../orders/choices';
import { PayButton } from './PayButton';

export interface ArrearsOrder {
  id: string;
  number: string;
  status: OrderStatus;
  summary: { arrearsAmount: string };
}

/** Whether the order is in arrears now (only a confirmed, open order can be). */
export const isInArrears = (order: ArrearsOrder) => PAYABLE_STATUSES.includes(order.status) && isPositiveRupiah(order.summary.arrearsAmount);

/**
 * The customer's choice when an order is overdue (README "the customer's choice"): pay the
 * arrears, or have the hosting switched off until they are paid. Shown on the order page and,
 * for each late order, on the services page.
 */
export const ArrearsPanel = ({ order }: { order: ArrearsOrder }) => {
  const translate = useTranslate();
  if (!isInArrears(order)) return null;
  const suspended = order.status === 'SUSPENDED';
  const amount = formatRupiah(order.summary.arrearsAmount);
  return (
    <Alert severity="error" data-testid="arrears-panel" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>{translate('angsur.customer.arrears.title', { amount, number: order.number })}</AlertTitle>
      {translate(suspended ? 'angsur.customer.arrears.suspendedText' : 'angsur.customer.arrears.text')}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1.5 }}>
        <PayButton orderId={order.id} mode="arrears" label="angsur.customer.arrears.pay" color="error" />
        {!suspended && (
          <ActionButton
            label="angsur.customer.arrears.suspend"
            icon={<PauseCircleIcon />}
            color="warning"
            title="angsur.customer.arrears.suspendTitle"
            message="angsur.customer.arrears.suspendMessage"
            messageArgs={{ number: order.number, amount }}
            successMessage="angsur.customer.arrears.suspended"
            onConfirm={() => suspendOrder(order.id, null)}
          />
        )}
      </Box>
    </Alert>
  );
};
