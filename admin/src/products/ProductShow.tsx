import { Box, Stack, Typography } from '@mui/material';
import {
  BooleanField,
  EditButton,
  Labeled,
  NumberField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumField, RupiahField } from '../fields';
import type { Product } from './choices';
import { ProductPlans } from './ProductPlans';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const row = { display: 'flex', gap: 4, flexWrap: 'wrap' } as const;

/** Only the specs that matter for the category, and only those filled in. */
const Specs = () => {
  const product = useRecordContext<Product>();
  const translate = useTranslate();
  if (!product) return null;
  const keys =
    product.category === 'COLOCATION'
      ? (['rackUnits', 'powerWatts', 'bandwidth', 'ipv4Count'] as const)
      : (['cpu', 'ramGb', 'storageGb', 'storageType', 'bandwidth', 'ipv4Count'] as const);
  return (
    <Box>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {translate('resources.products.sections.specs')}
      </Typography>
      <Box sx={row}>
        {keys
          .filter((key) => product.specs?.[key] !== null && product.specs?.[key] !== undefined && product.specs?.[key] !== '')
          .map((key) =>
            typeof product.specs[key] === 'number' ? (
              <Labeled key={key} source={`specs.${key}`}>
                <NumberField source={`specs.${key}`} />
              </Labeled>
            ) : (
              <Labeled key={key} source={`specs.${key}`}>
                <TextField source={`specs.${key}`} />
              </Labeled>
            ),
          )}
      </Box>
    </Box>
  );
};

export const ProductShow = () => (
  <Show actions={<Actions />}>
    <Stack spacing={2} sx={{ p: 2 }}>
      <Box sx={row}>
        <Labeled source="name">
          <TextField source="name" variant="h6" />
        </Labeled>
        <Labeled source="category">
          <EnumField source="category" prefix="resources.products.category" />
        </Labeled>
        <Labeled source="slug">
          <TextField source="slug" />
        </Labeled>
        <Labeled source="active">
          <BooleanField source="active" />
        </Labeled>
      </Box>
      <Labeled source="description">
        <TextField source="description" sx={{ whiteSpace: 'pre-line' }} emptyText="-" />
      </Labeled>
      <Specs />
      <Box sx={row}>
        <Labeled source="cashPrice">
          <RupiahField source="cashPrice" variant="h6" />
        </Labeled>
        <Labeled source="setupFee">
          <RupiahField source="setupFee" />
        </Labeled>
        <Labeled source="createdAt">
          <DateTimeField source="createdAt" />
        </Labeled>
        <Labeled source="updatedAt">
          <DateTimeField source="updatedAt" />
        </Labeled>
      </Box>
    </Stack>
    <ProductPlans />
  </Show>
);
