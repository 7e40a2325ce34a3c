import { gql } from '@apollo/client';
import ResolveIcon from '@mui/icons-material/TaskAlt';
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { DataTable, List, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { ActionButton } from '../actions';
import { canAccess } from '../auth/permissions';
import { callApi } from '../dataProvider';
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
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start', maxWidth: 160 }}>
      <StatusChipField source="kind" prefix="resources.paymentAnomalies.kind" colors={ANOMALY_KIND_COLORS} />
      <Typography variant="caption" color="text.secondary">
        {translate(`resources.paymentAnomalies.kindHint.${anomaly.kind}`, { _: '' })}
      </Typography>
    </Stack>
  );
};

/** Long references and ids break after their dashes (PAY-20261202-…), never inside a word. */
const Breakable = ({ text }: { text: string }) => (
  <>
    {text.split(/(?<=-)/).map((part, i) => (
      <span key={i}>
        {i > 0 && <wbr />}
        {part}
      </span>
    ))}
  </>
);

const ReferenceCell = (_props: CellProps) => {
  const anomaly = useRecordContext<PaymentAnomaly>();
  if (!anomaly) return null;
  return (
    <Box>
      <Typography variant="body2" sx={{ fontFamily: 'monospace', maxWidth: 160 }} data-testid="anomaly-reference">
        <Breakable text={anomaly.reference} />
      </Typography>
      <EnumField source="provider" prefix="resources.paymentAnomalies.provider" variant="caption" color="text.secondary" />
    </Box>
  );
};

/** Received, what was expected, and how far apart ("kurang Rp 5.000"): one column, so the table fits a laptop screen. */
const ReceivedCell = (_props: CellProps) => {
  const anomaly = useRecordContext<PaymentAnomaly>();
  const translate = useTranslate();
  if (!anomaly) return null;
  const difference = anomaly.expected === null ? 0n : BigInt(anomaly.received) - BigInt(anomaly.expected);
  return (
    <Box sx={{ textAlign: 'right' }}>
      <RupiahField source="received" data-testid="anomaly-received" />
      {anomaly.expected !== null && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ whiteSpace: 'nowrap' }}>
          {translate('resources.paymentAnomalies.fields.expected')}: <span data-testid="anomaly-expected">{formatRupiah(anomaly.expected)}</span>
        </Typography>
      )}
      {difference !== 0n && (
        <Typography variant="caption" color={difference < 0n ? 'error' : 'info.main'} component="div" sx={{ whiteSpace: 'nowrap' }}>
          {translate(difference < 0n ? 'resources.paymentAnomalies.short' : 'resources.paymentAnomalies.over', { amount: formatRupiah(difference < 0n ? -difference : difference) })}
        </Typography>
      )}
    </Box>
  );
};

const RESOLVE = gql`
  mutation ResolvePaymentAnomaly($id: ID!, $input: ResolutionInput!) {
    data: resolvePaymentAnomaly(id: $id, input: $input) { id resolvedAt }
  }
`;

/** FINANCE/ADMIN record what was done with the money; the row then leaves the unresolved tab. */
const ResolveButton = ({ anomaly }: { anomaly: PaymentAnomaly }) => {
  const { permissions } = usePermissions();
  if (!canAccess(permissions, 'paymentAnomalies', 'resolve')) return null;
  return (
    <ActionButton
      label="resources.paymentAnomalies.resolve.action"
      icon={<ResolveIcon />}
      title="resources.paymentAnomalies.resolve.title"
      message="resources.paymentAnomalies.resolve.message"
      messageArgs={{ reference: anomaly.reference }}
      reasonLabel="resources.paymentAnomalies.resolve.reason"
      onConfirm={(resolution) => callApi(RESOLVE, { id: anomaly.id, input: { resolution } })}
      successMessage="resources.paymentAnomalies.resolve.done"
    />
  );
};

/** Open (with the way to resolve it), or when it was resolved and how. */
const ResolutionCell = (_props: CellProps) => {
  const anomaly = useRecordContext<PaymentAnomaly>();
  const translate = useTranslate();
  if (!anomaly) return null;
  if (!anomaly.resolvedAt) {
    return (
      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        <Chip size="small" color="warning" label={translate('resources.paymentAnomalies.state.OPEN')} />
        <ResolveButton anomaly={anomaly} />
      </Stack>
    );
  }
  return (
    <Box sx={{ maxWidth: 160 }}>
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
    <Box sx={{ minWidth: 140, maxWidth: 220 }} data-testid="anomaly-details">
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1, typography: 'caption' }}>
        {shown.map(([key, value]) => (
          <Box key={key} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ color: 'text.secondary' }}>
              {key}
            </Box>
            <Box component="dd" sx={{ m: 0, fontFamily: 'monospace', overflowWrap: 'break-word' }}>
              <Breakable text={detailValue(value)} />
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

const AnomalyTable = () => (
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
    <DataTable.Col source="received" align="right" disableSort>
      <ReceivedCell />
    </DataTable.Col>
    <DataTable.Col source="details" disableSort>
      <DetailsCell />
    </DataTable.Col>
    <DataTable.Col source="resolvedAt" disableSort>
      <ResolutionCell />
    </DataTable.Col>
  </DataTable>
);

/**
 * Money a gateway reported that was not applied to any installment: a wrong amount, a reference we
 * do not know, more than is still owed, or a settlement after the payment had expired. FINANCE
 * compares them with the gateway's dashboard and sorts them out (usually a refund there).
 * Its own menu entry right under "Pembayaran" rather than a tab of the payments list: an anomaly is
 * not a payment (it may match none), so the payments list's columns, filters and pages do not fit it.
 */
export const AnomalyList = () => (
  // A long provider payload or reference may still need more room than a 1280-pixel screen leaves beside
  // the menu: the table then scrolls inside its card instead of widening the page.
  <List
    sort={{ field: 'createdAt', order: 'DESC' }}
    filterDefaultValues={{ unresolved: true }}
    exporter={anomalyExporter}
    sx={{ '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto' } }}
  >
    <FilterTabs source="unresolved" tabs={TABS} counted />
    <AnomalyTable />
  </List>
);
