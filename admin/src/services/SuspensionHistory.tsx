import { Typography } from '@mui/material';
import { ArrayField, DataTable, TextField, useTranslate } from 'react-admin';
import { DateField, DateTimeField, EnumField } from '../fields';

/** Every suspension and unsuspension of the service in the record context: who, why, and the deadline given. */
export const SuspensionHistory = (_props: { label?: false }) => {
  const translate = useTranslate();
  return (
    <ArrayField source="suspensionHistory">
      <DataTable
        bulkActionButtons={false}
        rowClick={false}
        data-testid="suspension-history"
        empty={
          <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
            {translate('resources.services.suspension.empty')}
          </Typography>
        }
      >
        <DataTable.Col source="at" label="resources.services.suspension.at">
          <DateTimeField source="at" />
        </DataTable.Col>
        <DataTable.Col source="action" label="resources.services.suspension.action">
          <EnumField source="action" prefix="resources.services.suspension.actions" />
        </DataTable.Col>
        <DataTable.Col source="actorRole" label="resources.services.suspension.actor">
          <EnumField source="actorRole" prefix="angsur.roles" emptyText="-" />
        </DataTable.Col>
        <DataTable.Col source="cause" label="resources.services.suspension.cause">
          <EnumField source="cause" prefix="resources.services.suspension.causes" emptyText="-" />
        </DataTable.Col>
        <DataTable.Col source="reason" label="resources.services.suspension.reason">
          <TextField source="reason" emptyText="-" />
        </DataTable.Col>
        <DataTable.Col source="payUntil" label="resources.services.suspension.payUntil">
          <DateField source="payUntil" emptyText="-" />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
};
