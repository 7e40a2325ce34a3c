import { Box, Typography } from '@mui/material';
import {
  ArrayField,
  BooleanField,
  CreateButton,
  DataTable,
  NumberField,
  ResourceContextProvider,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { PercentField, RupiahField } from '../fields';
import { DownPaymentField } from '../plans/DownPaymentField';
import type { Product } from './choices';

/**
 * The product's installment plans (the `plans` field of Product, already in the record) with a
 * button that opens the plan form for this product.
 */
export const ProductPlans = () => {
  const product = useRecordContext<Product>();
  const translate = useTranslate();
  if (!product) return null;
  return (
    <ResourceContextProvider value="installmentPlans">
      <Box sx={{ borderTop: 1, borderColor: 'divider', p: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate('resources.products.fields.plans')}
          </Typography>
          <CreateButton label="resources.products.plans.add" state={{ record: { productId: product.id } }} />
        </Box>
        {product.plans?.length ? (
          <ArrayField source="plans">
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="name" disableSort>
                <TextField source="name" />
              </DataTable.Col>
              <DataTable.Col source="tenorMonths" disableSort>
                <NumberField source="tenorMonths" />
              </DataTable.Col>
              <DataTable.Col source="downPaymentValue" disableSort>
                <DownPaymentField />
              </DataTable.Col>
              <DataTable.Col source="marginBpsPerMonth" disableSort>
                <PercentField source="marginBpsPerMonth" />
              </DataTable.Col>
              <DataTable.Col source="adminFee" disableSort align="right">
                <RupiahField source="adminFee" />
              </DataTable.Col>
              <DataTable.Col source="active" disableSort>
                <BooleanField source="active" />
              </DataTable.Col>
            </DataTable>
          </ArrayField>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.products.plans.empty')}
          </Typography>
        )}
      </Box>
    </ResourceContextProvider>
  );
};
