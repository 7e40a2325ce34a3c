import AssignIcon from '@mui/icons-material/AssignmentInd';
import CancelIcon from '@mui/icons-material/Block';
import { Alert, Box, CircularProgress, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { TopToolbar, useDataProvider, useGetList, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { ActionButton } from '../actions';
import { canAccess } from '../auth/permissions';
import type { Role } from '../auth/session';
import type { AngsurDataProvider } from '../dataProvider';
import type { OverdueNotice } from './api';
import type { Order } from './choices';
import { OverdueActions, OverdueNoticeResult } from './OverdueActions';

interface StaffMember {
  id: string;
  fullName: string;
  username: string;
  role: Role;
}

/** Active staff accounts (users with staff: true, active: true), for "hand over to". */
const StaffPicker = ({ value, onChange, currentId }: { value: string; onChange: (id: string) => void; currentId: string | null }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useGetList<StaffMember>('assignees', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'fullName', order: 'ASC' },
  });
  if (isPending) return <CircularProgress size={24} />;
  if (error) return <Alert severity="error">{translate((error as Error).message, { _: (error as Error).message })}</Alert>;
  return (
    <TextField
      select
      name="assigneeId"
      label={translate('resources.orders.assign.assignee')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      fullWidth
      required
      margin="dense"
    >
      {(data ?? []).map((staff) => (
        <MenuItem key={staff.id} value={staff.id} disabled={staff.id === currentId}>
          {staff.fullName} ({translate(`angsur.roles.${staff.role}`)})
          {staff.id === currentId ? ` · ${translate('resources.orders.assign.current')}` : ''}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** "Serahkan ke staf lain": SUPPORT/ADMIN hand the order and its customer's data to a colleague. */
const AssignOrderButton = ({ order, allowed }: { order: Order; allowed: boolean }) => {
  const dataProvider = useDataProvider<AngsurDataProvider>();
  const [assigneeId, setAssigneeId] = useState('');
  return (
    <ActionButton
      label="resources.orders.assign.action"
      icon={<AssignIcon />}
      disabledReason={allowed ? null : 'resources.orders.blocked.assignRole'}
      title="resources.orders.assign.title"
      message="resources.orders.assign.message"
      messageArgs={{ number: order.number }}
      ready={!!assigneeId && assigneeId !== order.assignedTo?.id}
      onConfirm={() => dataProvider.assignOrder({ id: order.id, assigneeId })}
      successMessage="resources.orders.assign.done"
      onClose={() => setAssigneeId('')}
    >
      <StaffPicker value={assigneeId} onChange={setAssigneeId} currentId={order.assignedTo?.id ?? null} />
    </ActionButton>
  );
};

/** "Batalkan pesanan": SUPPORT/ADMIN, while the order's state allows it (before the service starts). */
const CancelOrderButton = ({ order, allowed }: { order: Order; allowed: boolean }) => {
  const dataProvider = useDataProvider<AngsurDataProvider>();
  const cancellable = order.allowedActions?.includes('CANCEL') ?? false;
  return (
    <ActionButton
      label="resources.orders.cancel.action"
      icon={<CancelIcon />}
      color="error"
      disabledReason={!allowed ? 'resources.orders.blocked.cancelRole' : !cancellable ? 'resources.orders.blocked.cancelState' : null}
      title="resources.orders.cancel.title"
      message="resources.orders.cancel.message"
      messageArgs={{ number: order.number }}
      reasonLabel="resources.orders.cancel.reason"
      reasonHelper="resources.orders.cancel.reasonHelper"
      onConfirm={(reason) => dataProvider.cancelOrder({ id: order.id, reason })}
      successMessage="resources.orders.cancel.done"
    />
  );
};

/**
 * The order page's buttons: shown to every staff role, disabled (with the reason) when not allowed.
 * The overdue notice's answer (days late, arrears, the WhatsApp link) stays under the toolbar until closed.
 */
export const OrderActions = () => {
  const order = useRecordContext<Order>();
  const { permissions } = usePermissions();
  const [notice, setNotice] = useState<OverdueNotice | null>(null);
  if (!order) return <TopToolbar />;
  return (
    <Box sx={{ width: '100%' }}>
      <TopToolbar sx={{ flexWrap: 'wrap' }}>
        <OverdueActions order={order} allowed={canAccess(permissions, 'orders', 'notice')} onNotice={setNotice} />
        <AssignOrderButton order={order} allowed={canAccess(permissions, 'orders', 'assign')} />
        <CancelOrderButton order={order} allowed={canAccess(permissions, 'orders', 'cancel')} />
      </TopToolbar>
      {notice && <OverdueNoticeResult notice={notice} onClose={() => setNotice(null)} />}
    </Box>
  );
};
