import SettleIcon from '@mui/icons-material/CheckCircle';
import RejectIcon from '@mui/icons-material/Cancel';
import RefundIcon from '@mui/icons-material/Undo';
import { TopToolbar, useDataProvider, usePermissions, useRecordContext } from 'react-admin';
import { ActionButton } from '../actions';
import { canAccess } from '../auth/permissions';
import type { AngsurDataProvider } from '../dataProvider';
import { formatRupiah } from '../format';
import { paymentActionBlock, type Payment, type PaymentAction } from './choices';

const ACTIONS: Record<'settle' | 'reject' | 'refund', PaymentAction> = { settle: 'SETTLE', reject: 'REJECT', refund: 'REFUND' };

/**
 * Settle / reject / refund, for FINANCE and ADMIN. Every staff role sees the buttons; they are
 * disabled, with the reason as a tooltip, when the role or the payment's state does not allow them.
 */
export const PaymentActions = () => {
  const payment = useRecordContext<Payment>();
  const { permissions } = usePermissions();
  const dataProvider = useDataProvider<AngsurDataProvider>();
  if (!payment) return <TopToolbar />;
  // The API decides (allowedActions); the tooltip only explains a refusal.
  const blocked = (action: 'settle' | 'reject' | 'refund') =>
    payment.allowedActions?.includes(ACTIONS[action])
      ? null
      : !canAccess(permissions, 'payments', action)
        ? 'resources.payments.blocked.role'
        : (paymentActionBlock(payment, action) ?? 'resources.payments.blocked.notPending');
  const args = { reference: payment.reference, amount: formatRupiah(payment.amount), number: payment.order?.number ?? '' };
  return (
    <TopToolbar>
      <ActionButton
        label="resources.payments.settle.action"
        icon={<SettleIcon />}
        color="success"
        disabledReason={blocked('settle')}
        title="resources.payments.settle.title"
        message="resources.payments.settle.message"
        messageArgs={args}
        onConfirm={() => dataProvider.settlePayment({ id: payment.id })}
        successMessage="resources.payments.settle.done"
      />
      <ActionButton
        label="resources.payments.reject.action"
        icon={<RejectIcon />}
        color="error"
        disabledReason={blocked('reject')}
        title="resources.payments.reject.title"
        message="resources.payments.reject.message"
        messageArgs={args}
        reasonLabel="resources.payments.reject.reason"
        reasonHelper="resources.payments.reject.reasonHelper"
        onConfirm={(reason) => dataProvider.rejectPayment({ id: payment.id, reason })}
        successMessage="resources.payments.reject.done"
      />
      <ActionButton
        label="resources.payments.refund.action"
        icon={<RefundIcon />}
        color="warning"
        disabledReason={blocked('refund')}
        title="resources.payments.refund.title"
        message="resources.payments.refund.message"
        messageArgs={args}
        reasonLabel="resources.payments.refund.reason"
        onConfirm={(reason) => dataProvider.refundPayment({ id: payment.id, reason })}
        successMessage="resources.payments.refund.done"
      />
    </TopToolbar>
  );
};
