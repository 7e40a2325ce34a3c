import { BooleanInput, DataTable, FilterButton, List, SearchInput, SelectArrayInput, SelectInput, TextField, TopToolbar } from 'react-admin';
import { RupiahField } from '../fields';
import { ExportCsvButton } from '../files';
import { assignmentChoices, orderStatusChoices } from './choices';
import { ArrearsField, AssigneeField, CustomerCell, NextDueField, OrderStatusField } from './OrderFields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="assignment" source="assignment" choices={assignmentChoices} alwaysOn sx={{ minWidth: 220 }} />,
  <SelectArrayInput key="status" source="status" choices={orderStatusChoices} sx={{ minWidth: 220 }} />,
  // Added from the filter menu already switched on: "only orders in arrears".
  <BooleanInput key="overdue" source="overdue" defaultValue />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportCsvButton path="/exports/orders.csv" fallbackName="pesanan.csv" tooltip="resources.orders.export" />
  </TopToolbar>
);

/** Every order, newest first; staff only (customers see theirs in the customer app). */
export const OrderList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} actions={<Actions />} exporter={false}>
    {/* Seven columns on a laptop screen: a little less padding than react-admin's default. */}
    <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& .MuiTableCell-root': { px: 1.25 } }}>
      <DataTable.Col source="number">
        <TextField source="number" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col source="customerName">
        <CustomerCell />
      </DataTable.Col>
      <DataTable.Col source="status">
        <OrderStatusField />
      </DataTable.Col>
      <DataTable.Col source="totalPrice" align="right">
        <RupiahField source="totalPrice" />
      </DataTable.Col>
      <DataTable.Col source="summary.arrearsAmount" align="right" disableSort>
        <ArrearsField />
      </DataTable.Col>
      <DataTable.Col source="summary.nextDue" label="resources.orders.list.nextDue" disableSort>
        <NextDueField />
      </DataTable.Col>
      <DataTable.Col source="assignedTo" disableSort>
        <AssigneeField />
      </DataTable.Col>
    </DataTable>
  </List>
);
