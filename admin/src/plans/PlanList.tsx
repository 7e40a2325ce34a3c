import { AutocompleteInput, BooleanField, DataTable, List, NullableBooleanInput, NumberField, ReferenceField, ReferenceInput } from 'react-admin';
import { PercentField, RupiahField } from '../fields';
import { DownPaymentField } from './DownPaymentField';
import { planExporter } from '../export/lists';

const filters = [
  <ReferenceInput key="productId" source="productId" reference="products" alwaysOn>
    <AutocompleteInput filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <NullableBooleanInput key="active" source="active" />,
];

export const PlanList = () => (
  <List sort={{ field: 'tenorMonths', order: 'ASC' }} filters={filters} exporter={planExporter}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="productId" disableSort>
        <ReferenceField source="productId" reference="products" link="show" />
      </DataTable.Col>
      <DataTable.Col source="tenorMonths">
        <NumberField source="tenorMonths" />
      </DataTable.Col>
      <DataTable.Col source="downPaymentValue" disableSort>
        <DownPaymentField />
      </DataTable.Col>
      <DataTable.Col source="marginBpsPerMonth" disableSort>
        <PercentField source="marginBpsPerMonth" />
      </DataTable.Col>
      <DataTable.Col source="adminFee" align="right" disableSort>
        <RupiahField source="adminFee" />
      </DataTable.Col>
      <DataTable.Col source="active" disableSort>
        <BooleanField source="active" />
      </DataTable.Col>
    </DataTable>
  </List>
);
