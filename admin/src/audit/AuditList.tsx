import { Box } from '@mui/material';
import { DataTable, List, ReferenceField, TextField, TextInput, useRecordContext } from 'react-admin';
import { DateTimeField, EnumField } from '../fields';
import { auditExporter } from '../export/lists';

const filters = [
  <TextInput key="action" source="action" alwaysOn />,
  <TextInput key="entityType" source="entityType" />,
  <TextInput key="entityId" source="entityId" />,
];

/** The entry's data (what changed, before/after) as indented JSON. */
const AuditData = () => {
  const entry = useRecordContext<{ data?: unknown; requestId?: string }>();
  if (!entry) return null;
  return (
    <Box component="pre" sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12, overflow: 'auto', maxHeight: 360 }}>
      {JSON.stringify({ ...(entry.data as object), requestId: entry.requestId }, null, 2)}
    </Box>
  );
};

/** Who did what, newest first. Read-only; ADMIN only. */
export const AuditList = () => (
  <List sort={{ field: 'at', order: 'DESC' }} filters={filters} exporter={auditExporter}>
    <DataTable bulkActionButtons={false} expand={<AuditData />} rowClick="expand">
      <DataTable.Col source="at">
        <DateTimeField source="at" />
      </DataTable.Col>
      <DataTable.Col source="action">
        <TextField source="action" sx={{ fontFamily: 'monospace' }} />
      </DataTable.Col>
      <DataTable.Col source="actorId" disableSort>
        <ReferenceField source="actorId" reference="users" link={false} emptyText="-" />
      </DataTable.Col>
      <DataTable.Col source="actorRole" disableSort>
        <EnumField source="actorRole" prefix="angsur.roles" emptyText="-" />
      </DataTable.Col>
      <DataTable.Col source="entityType" />
      <DataTable.Col source="entityId" disableSort>
        <TextField source="entityId" sx={{ fontFamily: 'monospace', fontSize: 12 }} />
      </DataTable.Col>
    </DataTable>
  </List>
);
