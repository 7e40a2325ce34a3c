import { gql } from '@apollo/client';
import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { DataTable, List, SelectInput, TextInput, TopToolbar, useListContext, useNotify, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { canAccess } from '../auth/permissions';
import { inDisplayOrder } from '../enums';
import { callApi } from '../dataProvider';
import { DateTimeField, RupiahField, StatusChipField, type ChipColor } from '../fields';
import type { RecordStampQuotaPurchaseMutation, StampDutyReportQuery, StampQuotaPurchasesQuery, StampQuotaQuery } from '../gql/graphql';
import type { StampDocumentKind, StampDutyBearer } from '../gql/schema';
import { DownloadFileButton } from '../files';
import { formatRupiah, todayInJakarta } from '../format';

// The kinds and bearers are the schema's enums (generated), in display order: a new value fails to compile here.
const KIND_ORDER: Record<StampDocumentKind, true> = { SPK: true, RECEIPT: true };
const KINDS = inDisplayOrder(KIND_ORDER);
const BEARER_COLORS: Record<StampDutyBearer, ChipColor> = { COMPANY: 'default', CUSTOMER: 'info' };
const BEARERS = inDisplayOrder(BEARER_COLORS);
const R = 'resources.stampDutyLedger';

const thisMonth = () => todayInJakarta().slice(0, 7);

const REPORT = gql`
  query StampDutyReport($month: String!) {
    data: stampDutyReport(month: $month) {
      month stamps amount quotaTracked quotaOpening quotaPurchased purchaseCost quotaUsed quotaClosing
      lines { documentKind borneBy stamps amount }
    }
  }
`;
const QUOTA = gql`
  query StampQuota {
    data: stampQuota { opening bought used remaining low tracked }
  }
`;
const PURCHASES = gql`
  query StampQuotaPurchases {
    data: stampQuotaPurchases { id purchasedOn quantity pricePerStamp reference status voidReason }
  }
`;
const RECORD = gql`
  mutation RecordStampQuotaPurchase($input: StampQuotaPurchaseInput!) {
    data: recordStampQuotaPurchase(input: $input) { id quantity }
  }
`;
const VOID = gql`
  mutation VoidStampQuotaPurchase($id: ID!, $reason: String!) {
    data: voidStampQuotaPurchase(id: $id, reason: $reason) { id status }
  }
`;

/** What the overview shows: the generated result types of its three queries. */
interface Overview {
  report: StampDutyReportQuery['data'];
  quota: StampQuotaQuery['data'];
  purchases: StampQuotaPurchasesQuery['data'];
}

const monthOf = (filterValues: Record<string, unknown>) => {
  const m = filterValues.month as string | undefined;
  return m && /^\d{4}-(0[1-9]|1[0-2])$/.test(m) ? m : thisMonth();
};

/** ADMIN: what the distributor sold us (date, quantity, price per stamp, reference). */
const RecordPurchase = ({ onDone }: { onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ purchasedOn: todayInJakarta(), quantity: '', pricePerStamp: '', reference: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.value });
  const run = async () => {
    setError(null);
    try {
      const data = await callApi<RecordStampQuotaPurchaseMutation['data']>(RECORD, { input: { ...form, quantity: Number(form.quantity) } });
      notify(translate(`${R}.purchases.recorded`, { quantity: data.quantity }), { type: 'info' });
      setOpen(false);
      onDone();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const label = (key: string) => translate(`${R}.purchases.${key}`);
  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)} data-testid="stamp-purchase-record">
        {label('record')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{label('record')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField size="small" type="date" label={label('purchasedOn')} value={form.purchasedOn} onChange={set('purchasedOn')} slotProps={{ inputLabel: { shrink: true } }} />
            <TextField size="small" type="number" label={label('quantity')} value={form.quantity} onChange={set('quantity')} slotProps={{ htmlInput: { name: 'quantity' } }} />
            <TextField size="small" label={label('pricePerStamp')} value={form.pricePerStamp} onChange={set('pricePerStamp')} slotProps={{ htmlInput: { name: 'pricePerStamp', inputMode: 'numeric' } }} />
            <TextField size="small" label={label('reference')} value={form.reference} onChange={set('reference')} slotProps={{ htmlInput: { name: 'reference' } }} />
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.close')}</Button>
          <Button variant="contained" onClick={() => void run()} data-testid="stamp-purchase-save">
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** ADMIN voids a purchase entered by mistake (it stops counting; the audit log keeps both). */
const VoidPurchase = ({ id, onDone }: { id: string; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const run = async () => {
    try {
      await callApi(VOID, { id, reason });
      notify(translate(`${R}.purchases.voided`), { type: 'info' });
      setOpen(false);
      onDone();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button size="small" color="warning" onClick={() => setOpen(true)}>{translate(`${R}.purchases.void`)}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate(`${R}.purchases.void`)}</DialogTitle>
        <DialogContent>
          <TextField fullWidth size="small" sx={{ mt: 1 }} label={translate(`${R}.purchases.voidReason`)} value={reason} onChange={(e) => setReason(e.target.value)} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.close')}</Button>
          <Button variant="contained" color="warning" disabled={!reason.trim()} onClick={() => void run()}>{translate(`${R}.purchases.void`)}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** The month's report (by document and bearer, quota opening/purchased/used/closing), the quota now and its purchases. */
const Overview = () => {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const refreshList = useRefresh();
  const month = monthOf(filterValues);
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    Promise.all([callApi<Overview['report']>(REPORT, { month }), callApi<Overview['quota']>(QUOTA), callApi<Overview['purchases']>(PURCHASES)]).then(
      ([report, quota, purchases]) => setData({ report, quota, purchases }),
      (err: Error) => setError(err.message),
    );
  }, [month]);
  useEffect(load, [load]);
  const reload = () => {
    load();
    refreshList();
  };
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return null;
  const { report, quota, purchases } = data;
  const admin = canAccess(permissions, 'stampDutyLedger', 'purchase');
  const p = (key: string) => translate(`${R}.purchases.${key}`);
  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2, gridTemplateColumns: { md: '1fr 1fr' } }} data-testid="stamp-duty-overview">
      <Box>
        <Typography variant="subtitle1">{translate(`${R}.report.title`, { month: report.month })}</Typography>
        <Typography variant="body2" data-testid="stamp-duty-report">
          {translate(`${R}.report.stamps`, { stamps: report.stamps, amount: formatRupiah(report.amount) })}
        </Typography>
        {report.lines.length === 0 && <Typography variant="body2">{translate(`${R}.report.none`)}</Typography>}
        {report.lines.map((l) => (
          <Typography key={`${l.documentKind}-${l.borneBy}`} variant="body2">
            {translate(`${R}.report.line`, { kind: translate(`${R}.kind.${l.documentKind}`), bearer: translate(`${R}.bearer.${l.borneBy}`), stamps: l.stamps, amount: formatRupiah(l.amount) })}
          </Typography>
        ))}
        <Typography variant="body2" data-testid="stamp-duty-quota-month">
          {report.quotaTracked
            ? translate(`${R}.report.quota`, { opening: report.quotaOpening, purchased: report.quotaPurchased, cost: formatRupiah(report.purchaseCost), used: report.quotaUsed, closing: report.quotaClosing })
            : translate(`${R}.report.untracked`)}
        </Typography>
        <Typography variant="subtitle1" sx={{ mt: 2 }}>{translate(`${R}.quota.title`)}</Typography>
        <Alert severity={quota.tracked && quota.remaining <= quota.low ? 'warning' : 'info'} data-testid="stamp-duty-quota">
          {quota.tracked ? translate(`${R}.quota.now`, quota) : translate(`${R}.report.untracked`)}
        </Alert>
      </Box>
      <Box>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="subtitle1">{p('title')}</Typography>
          {admin && <RecordPurchase onDone={reload} />}
        </Stack>
        {purchases.length === 0 ? (
          <Typography variant="body2">{p('none')}</Typography>
        ) : (
          <Table size="small" data-testid="stamp-purchases">
            <TableHead>
              <TableRow>
                {['purchasedOn', 'quantity', 'pricePerStamp', 'reference', 'status'].map((k) => <TableCell key={k}>{p(k)}</TableCell>)}
                {admin && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {purchases.map((row) => (
                <TableRow key={row.id}>
                  <TableCell>{row.purchasedOn}</TableCell>
                  <TableCell>{row.quantity}</TableCell>
                  <TableCell>{formatRupiah(row.pricePerStamp)}</TableCell>
                  <TableCell>{row.reference}</TableCell>
                  <TableCell title={row.voidReason ?? undefined}>{p(`statuses.${row.status}`)}</TableCell>
                  {admin && <TableCell>{row.status === 'RECORDED' && <VoidPurchase id={row.id} onDone={reload} />}</TableCell>}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </Box>
  );
};

const ExportReport = () => {
  const { filterValues } = useListContext();
  const month = monthOf(filterValues);
  return <DownloadFileButton path={`/exports/stamp-duty.csv?period=${month}`} fallbackName={`bea-meterai-${month}.csv`} label={`${R}.export`} />;
};

const filters = [
  <TextInput key="month" source="month" label={`${R}.fields.month`} alwaysOn helperText="YYYY-MM" />,
  <SelectInput key="documentKind" source="documentKind" label={`${R}.fields.documentKind`} alwaysOn choices={KINDS.map((k) => ({ id: k, name: `${R}.kind.${k}` }))} />,
  <SelectInput key="borneBy" source="borneBy" label={`${R}.fields.borneBy`} alwaysOn choices={BEARERS.map((b) => ({ id: b, name: `${R}.bearer.${b}` }))} />,
];

/**
 * Pajak → Bea Meterai: every e-Meterai used (SPK, receipts) by month, document and bearer, with the
 * month's report and its CSV, the quota as it stands and the purchases from the distributor (ADMIN records them).
 */
export const StampDutyList = () => (
  <List filters={filters} filterDefaultValues={{ month: thisMonth() }} actions={<TopToolbar><ExportReport /></TopToolbar>} sort={{ field: 'ordinal', order: 'DESC' }} exporter={false}>
    <Overview />
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="ordinal" />
      <DataTable.Col source="usedAt">
        <DateTimeField source="usedAt" stacked />
      </DataTable.Col>
      <DataTable.Col source="documentNumber" />
      <DataTable.Col source="serial" disableSort />
      <DataTable.Col source="amount" align="right">
        <RupiahField source="amount" />
      </DataTable.Col>
      <DataTable.Col source="borneBy" disableSort>
        <StatusChipField source="borneBy" prefix={`${R}.bearer`} colors={BEARER_COLORS} />
      </DataTable.Col>
      <DataTable.Col source="chargedInstallmentNumber" disableSort />
    </DataTable>
  </List>
);
