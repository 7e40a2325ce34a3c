import { BooleanInput, DataTable, FilterButton, List, SearchInput, SelectArrayInput, SelectInput, TextField, TopToolbar, useListContext } from 'react-admin';
import { DateTimeField, PhoneField, RupiahField } from '../fields';
import { ExportCsvButton } from '../files';
import { assignmentChoices, orderStatusChoices } from './choices';
import { ArrearsField, AssigneeField, CustomerCell, DaysLateField, NextDueField, OrderStatusField } from './OrderFields';

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

/**
 * The columns; orders in arrears (filter `overdue`) trade the next due date and the total for what
 * a follow-up call needs: the phone with its WhatsApp link, days late and when the last notice went out.
 */
const OrderTable = () => {
  const { filterValues } = useListContext();
  const overdue = filterValues.overdue === true;
  return (
    // Seven columns on a laptop screen: a little less padding than react-admin's default.
    <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& .MuiTableCell-root': { px: 1.25 } }}>
      <DataTable.Col source="number">
        <TextField source="number" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col source="customerName">
        <CustomerCell />
      </DataTable.Col>
      {overdue && (
        <DataTable.Col source="customerPhone" disableSort>
          <PhoneField source="customerPhone" />
        </DataTable.Col>
      )}
      <DataTable.Col source="status">
        <OrderStatusField />
      </DataTable.Col>
      {!overdue && (
        <DataTable.Col source="totalPrice" align="right">
          <RupiahField source="totalPrice" />
        </DataTable.Col>
      )}
      <DataTable.Col source="summary.arrearsAmount" align="right" disableSort>
        <ArrearsField />
      </DataTable.Col>
      {overdue ? (
        <DataTable.Col source="daysLate" label="resources.orders.overdue.daysLateColumn" disableSort>
          <DaysLateField />
        </DataTable.Col>
      ) : (
        <DataTable.Col source="summary.nextDue" label="resources.orders.list.nextDue" disableSort>
          <NextDueField />
        </DataTable.Col>
      )}
      {overdue && (
        <DataTable.Col source="lastOverdueNoticeAt" disableSort>
          <DateTimeField source="lastOverdueNoticeAt" emptyText="-" stacked />
        </DataTable.Col>
      )}
      <DataTable.Col source="assignedTo" disableSort>
        <AssigneeField />
      </DataTable.Col>
    </DataTable>
  );
};

/** Every order, newest first; staff only (customers see theirs in the customer app). */
export const OrderList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} actions={<Actions />} exporter={false}>
    <OrderTable />
  </List>
);
