import { DataTable, ExportButton, FilterButton, List, NumberField, SelectArrayInput, TopToolbar } from 'react-admin';
import { DateTimeField } from '../fields';
import { FilterTabs, type FilterTab } from '../FilterTabs';
import { CUSTOMER_WAITING, spkStatusChoices, STAFF_WAITING } from './choices';
import { SpkCustomerField, SpkNumberField, SpkOrderField, SpkStatusField } from './SpkFields';
import { spkExporter } from '../export/lists';

const filters = [<SelectArrayInput key="status" source="status" choices={spkStatusChoices} sx={{ minWidth: 240 }} />];

/** The staff's queue first (oldest change first), then the customers' turn, then everything. */
const TABS: FilterTab[] = [
  { id: 'staff', label: 'resources.spks.tabs.staff', value: STAFF_WAITING, sort: { field: 'updatedAt', order: 'ASC' } },
  { id: 'customer', label: 'resources.spks.tabs.customer', value: CUSTOMER_WAITING, sort: { field: 'updatedAt', order: 'ASC' } },
  { id: 'confirmed', label: 'resources.spks.tabs.confirmed', value: ['CONFIRMED'], sort: { field: 'updatedAt', order: 'DESC' } },
  { id: 'all', label: 'resources.spks.tabs.all', sort: { field: 'updatedAt', order: 'DESC' } },
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButton />
  </TopToolbar>
);

export const SpkList = () => (
  <List sort={{ field: 'updatedAt', order: 'ASC' }} filterDefaultValues={{ status: STAFF_WAITING }} filters={filters} actions={<Actions />} exporter={spkExporter}>
    <FilterTabs source="status" tabs={TABS} counted />
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="number">
        <SpkNumberField />
      </DataTable.Col>
      <DataTable.Col source="order" disableSort>
        <SpkOrderField />
      </DataTable.Col>
      <DataTable.Col source="customer" disableSort>
        <SpkCustomerField />
      </DataTable.Col>
      <DataTable.Col source="status">
        <SpkStatusField />
      </DataTable.Col>
      <DataTable.Col source="currentVersion" disableSort align="right">
        <NumberField source="currentVersion" />
      </DataTable.Col>
      <DataTable.Col source="updatedAt">
        <DateTimeField source="updatedAt" stacked />
      </DataTable.Col>
    </DataTable>
  </List>
);
