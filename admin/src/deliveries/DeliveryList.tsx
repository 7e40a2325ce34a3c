import { Typography } from '@mui/material';
import { DataTable, FunctionField, List, NumberField, SelectInput, TextField } from 'react-admin';
import { DateTimeField, EnumField, StatusChipField } from '../fields';
import { FilterTabs, type FilterTab } from '../FilterTabs';
import { deliveryExporter } from '../export/lists';

interface Delivery {
  id: string;
  lastError: string | null;
}

const channelChoices = ['EMAIL', 'WHATSAPP'].map((id) => ({ id, name: `resources.notificationDeliveries.channel.${id}` }));
const filters = [<SelectInput key="channel" source="channel" choices={channelChoices} alwaysOn />];

/** Failures first: a customer who never got a notice must be reached another way. */
const TABS: FilterTab[] = [
  { id: 'failed', label: 'resources.notificationDeliveries.tabs.failed', value: ['FAILED'] },
  { id: 'pending', label: 'resources.notificationDeliveries.tabs.pending', value: ['PENDING'] },
  { id: 'all', label: 'resources.notificationDeliveries.tabs.all' },
];

/** The outbox: every email and WhatsApp message, with its status, attempts and the provider's last error. */
export const DeliveryList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} filterDefaultValues={{ status: ['FAILED'] }} filters={filters} exporter={deliveryExporter}>
    <FilterTabs source="status" tabs={TABS} counted />
    <DataTable bulkActionButtons={false} rowClick={false} sx={{ '& td': { verticalAlign: 'top' } }}>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" stacked />
      </DataTable.Col>
      <DataTable.Col source="channel" disableSort>
        <EnumField source="channel" prefix="resources.notificationDeliveries.channel" />
      </DataTable.Col>
      <DataTable.Col source="target" disableSort>
        <TextField source="target" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <StatusChipField source="status" prefix="resources.notificationDeliveries.status" colors={{ FAILED: 'error', PENDING: 'info', SENT: 'success' }} />
      </DataTable.Col>
      <DataTable.Col source="attempts" disableSort align="right">
        <NumberField source="attempts" />
      </DataTable.Col>
      <DataTable.Col source="lastError" disableSort>
        <FunctionField<Delivery>
          render={(d) =>
            d.lastError ? (
              <Typography variant="body2" color="error" sx={{ whiteSpace: 'pre-line', maxWidth: 360 }}>
                {d.lastError}
              </Typography>
            ) : (
              '-'
            )
          }
        />
      </DataTable.Col>
      <DataTable.Col source="nextAttemptAt" disableSort>
        <DateTimeField source="nextAttemptAt" emptyText="-" stacked />
      </DataTable.Col>
      <DataTable.Col source="sentAt" disableSort>
        <DateTimeField source="sentAt" emptyText="-" stacked />
      </DataTable.Col>
    </DataTable>
  </List>
);
