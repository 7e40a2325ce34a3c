import { Box, Stack, Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  Labeled,
  NumberField,
  RecordContextProvider,
  ResourceContextProvider,
  TextField,
  useLocale,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumField, RupiahField } from '../fields';
import { formatPercentBps, formatRupiah } from '../format';
import { DownPaymentField, LateFeeField } from '../plans/DownPaymentField';
import { specsSummary } from '../products/choices';
import type { Order, OrderItem, PlanTermsSnapshot } from './choices';

const row = { display: 'flex', gap: 4, flexWrap: 'wrap' } as const;

/** The product as sold, with its specs in one line. */
const ProductCell = (_props: { label?: string; source?: string }) => {
  const item = useRecordContext<OrderItem>();
  if (!item) return null;
  return (
    <Box>
      <Typography variant="body2">{item.productName}</Typography>
      <Typography variant="caption" color="text.secondary">
        {specsSummary(item)}
      </Typography>
    </Box>
  );
};

/**
 * The plan's terms as they were when the order was placed (OrderItem.planTerms): later changes to
 * the plan do not touch this order. One order is one plan, so the first unit's terms are everyone's.
 */
const PlanTerms = ({ terms }: { terms: PlanTermsSnapshot }) => {
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <ResourceContextProvider value="installmentPlans">
      <RecordContextProvider value={terms}>
        <Stack spacing={1}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate('resources.orders.sections.planTerms')}
          </Typography>
          <Box sx={row}>
            <Labeled source="name">
              <TextField source="planName" />
            </Labeled>
            <Labeled source="tenorMonths">
              <NumberField source="tenorMonths" />
            </Labeled>
            <Labeled source="downPaymentValue">
              <DownPaymentField />
            </Labeled>
            <Labeled source="marginBpsPerMonth">
              <Typography component="span" variant="body2">
                {translate('resources.installmentPlans.summary.margin', { value: formatPercentBps(terms.marginBpsPerMonth, locale) })}
              </Typography>
            </Labeled>
            <Labeled source="adminFee">
              <RupiahField source="adminFee" />
            </Labeled>
          </Box>
          <Box sx={row}>
            <Labeled source="lateFeeValue">
              <LateFeeField />
            </Labeled>
            <Labeled source="lateFeeGraceDays">
              <NumberField source="lateFeeGraceDays" />
            </Labeled>
            <Labeled source="lateFeeCap">
              <Typography component="span" variant="body2">
                {terms.lateFeeCap === null ? translate('resources.installmentPlans.summary.noCap') : formatRupiah(terms.lateFeeCap)}
              </Typography>
            </Labeled>
            <Labeled source="autoSuspendAfterDays">
              <Typography component="span" variant="body2">
                {terms.autoSuspendAfterDays === null
                  ? translate('resources.installmentPlans.summary.never')
                  : translate('resources.orders.items.days', { smart_count: terms.autoSuspendAfterDays })}
              </Typography>
            </Labeled>
          </Box>
        </Stack>
      </RecordContextProvider>
    </ResourceContextProvider>
  );
};

/** Item: each unit sold (product, specs and prices as sold) and the plan's terms. */
export const OrderItems = (_props: { label?: false }) => {
  const order = useRecordContext<Order>();
  const translate = useTranslate();
  if (!order) return null;
  const items = order.items ?? [];
  return (
    <Stack spacing={3} sx={{ py: 1 }}>
      {items.length ? (
        <ResourceContextProvider value="orderItems">
          <ArrayField source="items">
            <DataTable bulkActionButtons={false} hover={false}>
              <DataTable.Col source="position" disableSort>
                <NumberField source="position" />
              </DataTable.Col>
              <DataTable.Col source="productName" disableSort>
                <ProductCell />
              </DataTable.Col>
              <DataTable.Col source="category" disableSort>
                <EnumField source="category" prefix="resources.products.category" />
              </DataTable.Col>
              <DataTable.Col source="cashPrice" align="right" disableSort>
                <RupiahField source="cashPrice" />
              </DataTable.Col>
              <DataTable.Col source="setupFee" align="right" disableSort>
                <RupiahField source="setupFee" />
              </DataTable.Col>
              <DataTable.Col source="totalPrice" align="right" disableSort>
                <RupiahField source="totalPrice" />
              </DataTable.Col>
            </DataTable>
          </ArrayField>
        </ResourceContextProvider>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.orders.items.empty')}
        </Typography>
      )}
      {items[0]?.planTerms && <PlanTerms terms={items[0].planTerms} />}
    </Stack>
  );
};
