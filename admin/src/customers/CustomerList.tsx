import { BooleanField, DataTable, List, NullableBooleanInput, SearchInput, TextField } from 'react-admin';
import { DateField, DateTimeField, PhoneField } from '../fields';
import { NameField } from './NameField';
import { customerExporter } from '../export/lists';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <NullableBooleanInput key="active" source="active" />];

export const CustomerList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} exporter={customerExporter}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="fullName">
        <NameField />
      </DataTable.Col>
      <DataTable.Col source="email" />
      <DataTable.Col source="phone" disableSort>
        <PhoneField source="phone" />
      </DataTable.Col>
      <DataTable.Col source="company" disableSort>
        <TextField source="company" emptyText="-" />
      </DataTable.Col>
      <DataTable.Col source="active" disableSort>
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="lastLoginAt">
        <DateTimeField source="lastLoginAt" emptyText="-" />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);
