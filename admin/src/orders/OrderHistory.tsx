import { Alert, Box, Typography } from '@mui/material';
import { DataTable, ReferenceField, ReferenceManyField, useRecordContext, useTranslate, usePermissions } from 'react-admin';
import { canAccess } from '../auth/permissions';
import { DateTimeField, EnumField } from '../fields';
import type { Order } from './choices';

interface AuditEntry {
  id: string;
  action: string;
  data?: Record<string, unknown> | null;
  requestId?: string | null;
}

/** "order.assign" -> "Diserahkan ke staf lain"; an action without a text shows as it is. */
const ActionCell = (_props: { label?: string; source?: string }) => {
  const entry = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!entry) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(`resources.orders.history.actions.${entry.action}`, { _: entry.action })}
    </Typography>
  );
};

/** The entry's data (what changed, before/after) as indented JSON, as in the audit log. */
const EntryData = () => {
  const entry = useRecordContext<AuditEntry>();
  if (!entry) return null;
  return (
    <Box component="pre" sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12, overflow: 'auto', maxHeight: 360 }}>
      {JSON.stringify({ ...(entry.data ?? {}), requestId: entry.requestId }, null, 2)}
    </Box>
  );
};

/**
 * Riwayat: the audit log entries about this order (entityId = the order's id), newest first.
 * The API lets only ADMIN read the audit log; other roles are told so instead of getting an error.
 */
export const OrderHistory = (_props: { label?: false }) => {
  const order = useRecordContext<Order>();
  const { permissions } = usePermissions();
  const translate = useTranslate();
  if (!order) return null;
  if (!canAccess(permissions, 'auditLog', 'list')) {
    return (
      <Alert severity="info" sx={{ my: 1 }}>
        {translate('resources.orders.history.adminOnly')}
      </Alert>
    );
  }
  return (
    <ReferenceManyField reference="auditLog" target="entityId" sort={{ field: 'at', order: 'DESC' }} perPage={100}>
      <DataTable
        bulkActionButtons={false}
        expand={<EntryData />}
        rowClick="expand"
        empty={
          <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
            {translate('resources.orders.history.empty')}
          </Typography>
        }
      >
        <DataTable.Col source="at" disableSort>
          <DateTimeField source="at" />
        </DataTable.Col>
        <DataTable.Col source="action" disableSort>
          <ActionCell />
        </DataTable.Col>
        <DataTable.Col source="actorId" disableSort>
          <ReferenceField source="actorId" reference="users" link={false} emptyText="-" />
        </DataTable.Col>
        <DataTable.Col source="actorRole" disableSort>
          <EnumField source="actorRole" prefix="angsur.roles" emptyText="-" />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
};
