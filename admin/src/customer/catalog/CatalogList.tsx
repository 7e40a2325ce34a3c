import { Box, Card, CardActionArea, CardContent, Chip, Tab, Tabs, Typography } from '@mui/material';
import { List, Pagination, RecordContextProvider, useCreatePath, useListContext, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { formatRupiah } from '../../format';
import { fitsScreen } from '../layout';
import { PRODUCT_CATEGORIES, specsSummary, type Product } from '../../products/choices';

type CatalogProduct = Product & { plans?: { id: string; tenorMonths: number; monthlyInstallment: string }[] };

/** "Cicilan 6-24 bulan": the shortest and longest tenor on offer. */
const useTenorText = () => {
  const translate = useTranslate();
  return (plans: { tenorMonths: number }[] = []) => {
    if (!plans.length) return translate('angsur.customer.catalog.noPlans');
    const tenors = plans.map((p) => p.tenorMonths);
    const min = Math.min(...tenors);
    const max = Math.max(...tenors);
    return translate('angsur.customer.catalog.tenors', { range: min === max ? String(min) : `${min}–${max}` });
  };
};

/** One tab per category (and "all"): the filter the API takes. */
const CategoryTabs = () => {
  const { filterValues, setFilters } = useListContext();
  const translate = useTranslate();
  const current = (filterValues.category as string | undefined) ?? 'ALL';
  return (
    <Tabs
      value={current}
      onChange={(_event, value: string) => setFilters(value === 'ALL' ? {} : { category: value }, {})}
      variant="scrollable"
      scrollButtons="auto"
      allowScrollButtonsMobile
      sx={{ mb: 2, maxWidth: '100%' }}
    >
      <Tab value="ALL" label={translate('angsur.customer.catalog.all')} />
      {PRODUCT_CATEGORIES.map((category) => (
        <Tab key={category} value={category} label={translate(`resources.products.category.${category}`)} />
      ))}
    </Tabs>
  );
};

const ProductCard = ({ product }: { product: CatalogProduct }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const tenorText = useTenorText();
  // The longest tenor has the lowest monthly amount: "from Rp … / month" (the server computes it).
  const cheapest = [...(product.plans ?? [])].sort((a, b) => Number(BigInt(a.monthlyInstallment) - BigInt(b.monthlyInstallment)))[0];
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="catalog-product">
      <CardActionArea component={Link} to={createPath({ resource: 'catalog', type: 'show', id: product.id })} sx={{ height: '100%' }}>
        <CardContent>
          <Chip size="small" label={translate(`resources.products.category.${product.category}`)} sx={{ mb: 1 }} />
          <Typography variant="h6" component="h2" sx={{ fontWeight: 600, lineHeight: 1.3 }}>
            {product.name}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            {specsSummary(product)}
          </Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-end' }}>
            <Box>
              <Typography variant="caption" color="text.secondary" component="div">
                {translate('resources.products.fields.cashPrice')}
              </Typography>
              <Typography variant="h6" sx={{ fontWeight: 700, color: 'primary.main' }}>
                {formatRupiah(product.cashPrice)}
              </Typography>
            </Box>
            {cheapest && (
              <Box data-testid="catalog-monthly">
                <Typography variant="caption" color="text.secondary" component="div">
                  {translate('angsur.customer.catalog.monthlyFrom')}
                </Typography>
                <Typography variant="h6" sx={{ fontWeight: 700 }}>
                  {translate('angsur.customer.catalog.perMonth', { amount: formatRupiah(cheapest.monthlyInstallment) })}
                </Typography>
              </Box>
            )}
          </Box>
          <Typography variant="body2">{tenorText(product.plans)}</Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

const ProductGrid = () => {
  const { data, isPending } = useListContext<CatalogProduct>();
  const translate = useTranslate();
  if (isPending) return null;
  if (!data?.length) {
    return (
      <Typography color="text.secondary" sx={{ p: 2 }}>
        {translate('angsur.customer.catalog.empty')}
      </Typography>
    );
  }
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 260px), 1fr))', gap: 2, p: { xs: 1, sm: 2 } }}>
      {data.map((product) => (
        <RecordContextProvider key={product.id} value={product}>
          <ProductCard product={product} />
        </RecordContextProvider>
      ))}
    </Box>
  );
};

/** Katalog: what can be bought on installments, by category, with the cash price and the tenors on offer. */
export const CatalogList = () => (
  <List
    resource="catalog"
    title="angsur.customer.catalog.title"
    actions={false}
    sort={{ field: 'cashPrice', order: 'ASC' }}
    perPage={50}
    pagination={<Pagination rowsPerPageOptions={[50]} />}
    component="div"
    sx={fitsScreen}
  >
    <CategoryTabs />
    <ProductGrid />
  </List>
);
