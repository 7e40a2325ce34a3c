import NoticeIcon from '@mui/icons-material/NotificationImportant';
import ResumeIcon from '@mui/icons-material/PlayCircle';
import SuspendIcon from '@mui/icons-material/PauseCircle';
import WhatsAppIcon from '@mui/icons-material/WhatsApp';
import { Alert, Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { ActionButton } from '../actions';
import { formatRupiah, isPositiveRupiah, todayInJakarta } from '../format';
import { sendOverdueNotice, suspendOrder, unsuspendOrder, type OverdueNotice } from './api';
import type { Order } from './choices';

/** What the notice found, with the customer's WhatsApp chat ready to open. */
export const OverdueNoticeResult = ({ notice, onClose }: { notice: OverdueNotice; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Alert
      severity="info"
      onClose={onClose}
      data-testid="overdue-notice-result"
      action={
        <Button color="success" variant="contained" size="small" href={notice.waLink} target="_blank" rel="noopener noreferrer" startIcon={<WhatsAppIcon />}>
          {translate('resources.orders.overdue.openWhatsApp')}
        </Button>
      }
    >
      {translate('resources.orders.overdue.sent', { smart_count: notice.daysLate, arrears: formatRupiah(notice.arrearsAmount) })}
    </Alert>
  );
};

/**
 * "Kirim pemberitahuan tunggakan", "Tangguhkan", "Aktifkan kembali" for SUPPORT/ADMIN. The notice
 * needs arrears; suspending and unsuspending follow the order's allowedActions.
 */
export const OverdueActions = ({ order, allowed, onNotice }: { order: Order; allowed: boolean; onNotice: (notice: OverdueNotice) => void }) => {
  const [payUntil, setPayUntil] = useState('');
  const translate = useTranslate();
  const can = (action: 'SUSPEND' | 'UNSUSPEND') => order.allowedActions?.includes(action) ?? false;
  const role = allowed ? null : 'resources.orders.overdue.role';
  const args = { number: order.number, customer: order.customerName, arrears: formatRupiah(order.summary.arrearsAmount) };
  return (
    <>
      <ActionButton
        label="resources.orders.overdue.notice.action"
        icon={<NoticeIcon />}
        color="warning"
        disabledReason={role ?? (isPositiveRupiah(order.summary.arrearsAmount) ? null : 'resources.orders.overdue.notice.noArrears')}
        title="resources.orders.overdue.notice.title"
        message="resources.orders.overdue.notice.message"
        messageArgs={args}
        onConfirm={async () => onNotice(await sendOverdueNotice(order.id))}
        successMessage="resources.orders.overdue.notice.done"
      />
      <ActionButton
        label="resources.orders.overdue.suspend.action"
        icon={<SuspendIcon />}
        color="error"
        disabledReason={role ?? (can('SUSPEND') ? null : 'resources.orders.overdue.suspend.state')}
        title="resources.orders.overdue.suspend.title"
        message="resources.orders.overdue.suspend.message"
        messageArgs={args}
        reasonLabel="resources.orders.overdue.suspend.reason"
        onConfirm={(reason) => suspendOrder(order.id, reason)}
        successMessage="resources.orders.overdue.suspend.done"
      />
      <ActionButton
        label="resources.orders.overdue.unsuspend.action"
        icon={<ResumeIcon />}
        color="success"
        disabledReason={role ?? (can('UNSUSPEND') ? null : 'resources.orders.overdue.unsuspend.state')}
        title="resources.orders.overdue.unsuspend.title"
        message="resources.orders.overdue.unsuspend.message"
        messageArgs={args}
        reasonLabel="resources.orders.overdue.unsuspend.reason"
        onConfirm={(reason) => unsuspendOrder(order.id, reason, payUntil)}
        successMessage="resources.orders.overdue.unsuspend.done"
        onClose={() => setPayUntil('')}
      >
        <TextField
          type="date"
          name="payUntil"
          label={translate('resources.orders.overdue.unsuspend.payUntil')}
          helperText={translate('resources.orders.overdue.unsuspend.payUntilHelp')}
          value={payUntil}
          onChange={(event) => setPayUntil(event.target.value)}
          fullWidth
          margin="dense"
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: todayInJakarta() } }}
        />
      </ActionButton>
    </>
  );
};
