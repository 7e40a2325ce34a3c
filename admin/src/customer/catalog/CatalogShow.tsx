import { Box, Card, CardContent, Chip, Typography } from '@mui/material';
import { fitsScreen } from '../layout';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { formatRupiah, isPositiveRupiah } from '../../format';
import type { InstallmentPlan } from '../../plans/choices';
import type { Product, ProductSpecs } from '../../products/choices';
import { BuyForm } from './BuyForm';

type CatalogProduct = Product & { plans?: InstallmentPlan[] };

const SPEC_KEYS: (keyof ProductSpecs)[] = ['cpu', 'ramGb', 'storageGb', 'storageType', 'bandwidth', 'rackUnits', 'powerWatts', 'ipv4Count'];

/** The specs that are set, one per line, with the same labels as the staff product page. */
const Specs = ({ specs }: { specs: ProductSpecs }) => {
  const translate = useTranslate();
  const rows = SPEC_KEYS.filter((key) => specs[key] !== null && specs[key] !== undefined && specs[key] !== '');
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 0.5, columnGap: 2, m: 0 }} data-testid="product-specs">
      {rows.map((key) => (
        <Box key={key} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {translate(`resources.products.fields.specs.${key}`)}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }}>
            {String(specs[key])}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

const ProductDetail = () => {
  const product = useRecordContext<CatalogProduct>();
  const translate = useTranslate();
  if (!product) return null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 2fr) minmax(0, 3fr)' }, gap: 2, p: { xs: 1, sm: 2 } }}>
      <Card variant="outlined">
        <CardContent>
          <Chip size="small" label={translate(`resources.products.category.${product.category}`)} sx={{ mb: 1 }} />
          <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
            {product.name}
          </Typography>
          {product.description && (
            <Typography variant="body2" color="text.secondary" sx={{ my: 1, whiteSpace: 'pre-line' }}>
              {product.description}
            </Typography>
          )}
          <Typography variant="caption" color="text.secondary">
            {translate('resources.products.fields.cashPrice')}
          </Typography>
          <Typography variant="h5" sx={{ fontWeight: 700, color: 'primary.main' }} data-testid="product-price">
            {formatRupiah(product.cashPrice)}
          </Typography>
          {isPositiveRupiah(product.setupFee) && (
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('resources.products.fields.setupFee')}: {formatRupiah(product.setupFee)}
            </Typography>
          )}
          <Specs specs={product.specs} />
        </CardContent>
      </Card>
      <BuyForm product={product} plans={product.plans ?? []} />
    </Box>
  );
};

/** One product: its specs and price, then a plan and a quantity with the full quote, and "add to cart". */
export const CatalogShow = () => (
  <Show resource="catalog" actions={false} component="div" title={<CatalogTitle />} sx={fitsScreen}>
    <ProductDetail />
  </Show>
);

const CatalogTitle = () => {
  const product = useRecordContext<Product>();
  return <span>{product?.name ?? ''}</span>;
};
