import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { DataTable, List, useListContext, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, EnumField, RupiahField, StatusChipField } from '../fields';
import { FilterTabs, type FilterTab } from '../FilterTabs';
import { formatRupiah } from '../format';
import { ANOMALY_KIND_COLORS, detailValue, type PaymentAnomaly } from './choices';
import { anomalyExporter } from '../export/lists';

interface CellProps {
  label?: string;
  source?: string;
}

/** Unresolved first (the work), then everything; the API's `unresolved` argument. */
const TABS: FilterTab[] = [
  { id: 'unresolved', label: 'resources.paymentAnomalies.tabs.unresolved', value: true },
  { id: 'all', label: 'resources.paymentAnomalies.tabs.all', value: false },
];

/** The kind as a chip, with what it means under it. */
const KindCell = (_props: CellProps) => {
  const anomaly = useRecordContext<PaymentAnomaly>();
  const translate = useTranslate();
  if (!anomaly) return null;
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start', maxWidth: 180 }}>
      <StatusChipField source="kind" prefix="resources.paymentAnomalies.kind" colors={ANOMALY_KIND_COLORS} />
      <Typography variant="caption" color="text.secondary">
        {translate(`resources.paymentAnomalies.kindHint.${anomaly.kind}`, { _: '' })}
      </Typography>
    </Stack>
  );
};

const ReferenceCell = (_props: CellProps) => {
  const anomaly = useRecordContext<PaymentAnomaly>();
  if (!anomaly) return null;
  return (
    <Box>
      <Typography variant="body2" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} data-testid="anomaly-reference">
        {anomaly.reference}
      </Typography>
      <EnumField source="provider" prefix="resources.paymentAnomalies.provider" variant="caption" color="text.secondary" />
    </Box>
  );
};

/** Received, and how far it is from what was expected ("kurang Rp 5.000" / "lebih Rp 5.000"). */
const ReceivedCell = (_props: CellProps) => {
  const anomaly = useRecordContext<PaymentAnomaly>();
  const translate = useTranslate();
  if (!anomaly) return null;
  const difference = anomaly.expected === null ? 0n : BigInt(anomaly.received) - BigInt(anomaly.expected);
  return (
    <Box sx={{ textAlign: 'right' }}>
      <RupiahField source="received" data-testid="anomaly-received" />
      {difference !== 0n && (
        <Typography variant="caption" color={difference < 0n ? 'error' : 'info.main'} component="div" sx={{ whiteSpace: 'nowrap' }}>
          {translate(difference < 0n ? 'resources.paymentAnomalies.short' : 'resources.paymentAnomalies.over', { amount: formatRupiah(difference < 0n ? -difference : difference) })}
        </Typography>
      )}
    </Box>
  );
};

/** Open, or when it was resolved and how. */
const ResolutionCell = (_props: CellProps) => {
  const anomaly = useRecordContext<PaymentAnomaly>();
  const translate = useTranslate();
  if (!anomaly) return null;
  if (!anomaly.resolvedAt) return <Chip size="small" color="warning" label={translate('resources.paymentAnomalies.state.OPEN')} />;
  return (
    <Box sx={{ maxWidth: 180 }}>
      <Chip size="small" color="success" label={translate('resources.paymentAnomalies.state.RESOLVED')} />
      <DateTimeField source="resolvedAt" variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }} />
      {anomaly.resolution && <Typography variant="caption">{translate('resources.paymentAnomalies.resolutionNote', { note: anomaly.resolution })}</Typography>}
    </Box>
  );
};

const DETAIL_LINES = 5;

/** The gateway's notification as "key: value" lines; long ones fold after a few lines. */
const DetailsCell = (_props: CellProps) => {
  const anomaly = useRecordContext<PaymentAnomaly>();
  const translate = useTranslate();
  const [all, setAll] = useState(false);
  if (!anomaly) return null;
  const entries = Object.entries(anomaly.details ?? {});
  if (!entries.length) return <Typography variant="body2">-</Typography>;
  const shown = all ? entries : entries.slice(0, DETAIL_LINES);
  return (
    <Box sx={{ minWidth: 200, maxWidth: 360 }} data-testid="anomaly-details">
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1, typography: 'caption' }}>
        {shown.map(([key, value]) => (
          <Box key={key} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ color: 'text.secondary' }}>
              {key}
            </Box>
            <Box component="dd" sx={{ m: 0, fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
              {detailValue(value)}
            </Box>
          </Box>
        ))}
      </Box>
      {entries.length > DETAIL_LINES && (
        <Button
          size="small"
          sx={{ px: 0, minWidth: 0 }}
          onClick={(event) => {
            event.stopPropagation();
            setAll(!all);
          }}
        >
          {translate(all ? 'resources.paymentAnomalies.details.less' : 'resources.paymentAnomalies.details.more', { smart_count: entries.length })}
        </Button>
      )}
    </Box>
  );
};

/** "Semua" adds how each anomaly was resolved; on the unresolved tab every row is still open. */
const AnomalyTable = () => {
  const { filterValues } = useListContext();
  const unresolvedOnly = filterValues.unresolved !== false;
  return (
    <DataTable bulkActionButtons={false} rowClick={false} sx={{ '& td': { verticalAlign: 'top' } }}>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" stacked />
      </DataTable.Col>
      <DataTable.Col source="kind">
        <KindCell />
      </DataTable.Col>
      <DataTable.Col source="reference" disableSort>
        <ReferenceCell />
      </DataTable.Col>
      <DataTable.Col source="expected" align="right" disableSort>
        <RupiahField source="expected" emptyText="-" data-testid="anomaly-expected" />
      </DataTable.Col>
      <DataTable.Col source="received" align="right" disableSort>
        <ReceivedCell />
      </DataTable.Col>
      <DataTable.Col source="details" disableSort>
        <DetailsCell />
      </DataTable.Col>
      {!unresolvedOnly && (
        <DataTable.Col source="resolvedAt" disableSort>
          <ResolutionCell />
        </DataTable.Col>
      )}
    </DataTable>
  );
};

/**
 * Money a gateway reported that was not applied to any installment: a wrong amount, a reference we
 * do not know, more than is still owed, or a settlement after the payment had expired. FINANCE
 * compares them with the gateway's dashboard and sorts them out (usually a refund there).
 * Its own menu entry right under "Pembayaran" rather than a tab of the payments list: an anomaly is
 * not a payment (it may match none), so the payments list's columns, filters and pages do not fit it.
 */
export const AnomalyList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} filterDefaultValues={{ unresolved: true }} exporter={anomalyExporter}>
    <FilterTabs source="unresolved" tabs={TABS} counted />
    <AnomalyTable />
  </List>
);
