import { DataTable, ExportButton, FilterButton, List, NumberField, ReferenceField, SelectArrayInput, TextField, TopToolbar } from 'react-admin';
import { DateTimeField } from '../fields';
import { FilterTabs, type FilterTab } from '../FilterTabs';
import { serviceStatusChoices } from './choices';
import { LastErrorField, ProvisioningField, ServiceLabelField, ServiceStatusField } from './ServiceFields';
import { serviceExporter } from '../export/lists';

const filters = [<SelectArrayInput key="status" source="status" choices={serviceStatusChoices} sx={{ minWidth: 220 }} />];

/** Driver failures waiting for a retry first: what support has to look at. */
const TABS: FilterTab[] = [
  { id: 'failing', label: 'resources.services.tabs.failing', value: true },
  { id: 'all', label: 'resources.services.tabs.all' },
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButton />
  </TopToolbar>
);

export const ServiceList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} actions={<Actions />} exporter={serviceExporter}>
    <FilterTabs source="failing" tabs={TABS} counted />
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="label">
        <ServiceLabelField />
      </DataTable.Col>
      <DataTable.Col source="orderId" disableSort>
        <ReferenceField source="orderId" reference="orders" link="show" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <ServiceStatusField />
      </DataTable.Col>
      <DataTable.Col source="provisioning" disableSort>
        <ProvisioningField />
      </DataTable.Col>
      <DataTable.Col source="driver" disableSort>
        <TextField source="driver" />
      </DataTable.Col>
      <DataTable.Col source="attempts" disableSort align="right">
        <NumberField source="attempts" />
      </DataTable.Col>
      <DataTable.Col source="lastError" disableSort>
        <LastErrorField />
      </DataTable.Col>
      <DataTable.Col source="updatedAt" disableSort>
        <DateTimeField source="updatedAt" stacked />
      </DataTable.Col>
    </DataTable>
  </List>
);
