import DoneIcon from '@mui/icons-material/TaskAlt';
import { Box, Typography } from '@mui/material';
import { DataTable, ExportButton, FunctionField, List, ReferenceField, TextField, TopToolbar, type RaRecord, usePermissions, useRecordContext } from 'react-admin';
import { ActionButton } from '../actions';
import { canAccess } from '../auth/permissions';
import { DateTimeField, EnumField, StatusChipField } from '../fields';
import { FilterTabs, type FilterTab } from '../FilterTabs';
import { completeStaffTask } from './api';
import { staffTaskExporter } from '../export/lists';

interface StaffTask extends RaRecord {
  id: string;
  action: string;
  status: 'OPEN' | 'DONE' | 'CANCELLED';
  instructions: string;
  note: string | null;
  createdAt: string;
  completedAt: string | null;
  /** A driver task's service; none for an end-of-contract request, which is about `order`. */
  service: { id: string; label: string; status: string; driver: string; orderId: string } | null;
  order: { id: string; number: string } | null;
}

/** Open tasks first, oldest first: the order they should be done in. */
const TABS: FilterTab[] = [
  { id: 'open', label: 'resources.staffTasks.tabs.open', value: 'OPEN', sort: { field: 'createdAt', order: 'ASC' } },
  { id: 'done', label: 'resources.staffTasks.tabs.done', value: 'DONE', sort: { field: 'createdAt', order: 'DESC' } },
  // The API sorts statuses by name: descending puts OPEN before DONE and CANCELLED.
  { id: 'all', label: 'resources.staffTasks.tabs.all', sort: { field: 'status', order: 'DESC' } },
];

const CompleteButton = (_props: { label?: string }) => {
  const task = useRecordContext<StaffTask>();
  const { permissions } = usePermissions();
  if (!task) return null;
  if (task.status !== 'OPEN') return <DateTimeField source="completedAt" emptyText="-" stacked />;
  return (
    <Box onClick={(e) => e.stopPropagation()}>
      <ActionButton
        label="resources.staffTasks.complete.action"
        icon={<DoneIcon />}
        color="success"
        disabledReason={canAccess(permissions, 'staffTasks', 'complete') ? null : 'resources.staffTasks.complete.role'}
        title="resources.staffTasks.complete.title"
        message="resources.staffTasks.complete.message"
        messageArgs={{ label: task.service?.label ?? task.order?.number ?? '' }}
        reasonLabel="resources.staffTasks.complete.note"
        reasonOptional
        onConfirm={(note) => completeStaffTask(task.id, note)}
        successMessage="resources.staffTasks.complete.done"
      />
    </Box>
  );
};

/** No filter button: the tabs are the filter. */
const Actions = () => (
  <TopToolbar>
    <ExportButton />
  </TopToolbar>
);

export const StaffTaskList = () => (
  <List sort={{ field: 'createdAt', order: 'ASC' }} filterDefaultValues={{ status: 'OPEN' }} exporter={staffTaskExporter} actions={<Actions />}>
    <FilterTabs source="status" tabs={TABS} counted />
    <DataTable bulkActionButtons={false} rowClick={false} sx={{ '& td': { verticalAlign: 'top' } }}>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" stacked />
      </DataTable.Col>
      <DataTable.Col source="action" disableSort>
        <EnumField source="action" prefix="resources.services.actions" />
      </DataTable.Col>
      <DataTable.Col source="service" disableSort>
        <FunctionField<StaffTask>
          render={(task) =>
            task.service ? (
              <ReferenceField source="service.id" reference="services" link="show">
                <TextField source="label" sx={{ fontFamily: 'monospace' }} />
              </ReferenceField>
            ) : task.order ? (
              <ReferenceField source="order.id" reference="orders" link="show">
                <TextField source="number" sx={{ fontFamily: 'monospace' }} />
              </ReferenceField>
            ) : null
          }
        />
      </DataTable.Col>
      <DataTable.Col source="instructions" disableSort>
        <FunctionField<StaffTask>
          render={(task) => (
            <Box>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
                {task.instructions}
              </Typography>
              {task.note && (
                <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'pre-line' }}>
                  {task.note}
                </Typography>
              )}
            </Box>
          )}
        />
      </DataTable.Col>
      <DataTable.Col source="status">
        <StatusChipField source="status" prefix="resources.staffTasks.status" colors={{ OPEN: 'warning', DONE: 'success', CANCELLED: 'default' }} />
      </DataTable.Col>
      <DataTable.Col source="completedAt" disableSort>
        <CompleteButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
