import { BooleanField, DataTable, List, NullableBooleanInput, SearchInput, SelectInput } from 'react-admin';
import { DateTimeField, EnumField, PhoneField } from '../fields';
import { NameField } from '../customers/NameField';
import { STAFF_ROLE_CHOICES } from './roles';
import { staffExporter } from '../export/lists';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={STAFF_ROLE_CHOICES} />,
  <NullableBooleanInput key="active" source="active" />,
];

export const StaffList = () => (
  <List sort={{ field: 'fullName', order: 'ASC' }} filters={filters} exporter={staffExporter}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="fullName">
        <NameField />
      </DataTable.Col>
      <DataTable.Col source="role">
        <EnumField source="role" prefix="angsur.roles" />
      </DataTable.Col>
      <DataTable.Col source="email" />
      <DataTable.Col source="phone" disableSort>
        <PhoneField source="phone" />
      </DataTable.Col>
      <DataTable.Col source="active" disableSort>
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="lastLoginAt">
        <DateTimeField source="lastLoginAt" emptyText="-" />
      </DataTable.Col>
    </DataTable>
  </List>
);
