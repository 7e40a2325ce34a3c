import { BooleanField, DataTable, List, NullableBooleanInput, SearchInput, SelectInput } from 'react-admin';
import { EnumField, RupiahField } from '../fields';
import { categoryChoices } from './choices';
import { SpecsField } from './SpecsField';
import { productExporter } from '../export/lists';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="category" source="category" choices={categoryChoices} />,
  <NullableBooleanInput key="active" source="active" />,
];

export const ProductList = () => (
  // No export: the API pages by at most 200 rows and refuses costly queries.
  <List sort={{ field: 'name', order: 'ASC' }} filters={filters} exporter={productExporter}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="category">
        <EnumField source="category" prefix="resources.products.category" />
      </DataTable.Col>
      <DataTable.Col label="resources.products.sections.specs" disableSort>
        <SpecsField />
      </DataTable.Col>
      <DataTable.Col source="cashPrice" align="right">
        <RupiahField source="cashPrice" />
      </DataTable.Col>
      <DataTable.Col source="setupFee" align="right" disableSort>
        <RupiahField source="setupFee" />
      </DataTable.Col>
      <DataTable.Col source="active" disableSort>
        <BooleanField source="active" />
      </DataTable.Col>
    </DataTable>
  </List>
);
