import { gql } from '@apollo/client';
import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useState } from 'react';
import { DataTable, List, SelectInput, TextInput, TopToolbar, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import { callApi } from '../dataProvider';
import { DateField, RupiahField, StatusChipField } from '../fields';
import { DownloadFileButton } from '../files';
import { ReceivablesExportButton } from '../statements/ReceivablesExport';

const STATUSES = ['DRAFT', 'EXPORTED', 'NUMBERED', 'CANCELLED'] as const;
const STATUS_COLORS = { DRAFT: 'default', EXPORTED: 'info', NUMBERED: 'success', CANCELLED: 'warning' } as const;

/** This month in Asia/Jakarta, the period a new list opens on. */
const thisMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

const EXPORT = gql`
  mutation ExportCoretax($period: String!) {
    data: exportCoretaxXml(period: $period) { fileName count xml }
  }
`;
const IMPORT = gql`
  mutation ImportCoretaxNumbers($csv: String!) {
    data: importCoretaxNumbers(csv: $csv) { line reference outcome field message }
  }
`;

interface ImportRow {
  line: number;
  reference: string | null;
  outcome: 'NUMBERED' | 'UNCHANGED' | 'ERROR';
  field: string | null;
  message: string | null;
}

const download = (fileName: string, text: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/xml' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  URL.revokeObjectURL(url);
};

/** Writes the chosen month's invoices as Coretax files (1,000 a file, each its own download). */
const ExportButton = () => {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const period = (filterValues.period as string | undefined) ?? thisMonth();
  const run = async () => {
    try {
      const { data } = await callApi<{ data: { fileName: string; count: number; xml: string }[] }>(EXPORT, { period });
      data.forEach((f) => download(f.fileName, f.xml));
      notify(translate('resources.taxInvoices.export.done', { files: data.length, invoices: data.reduce((s, f) => s + f.count, 0) }), { type: 'info' });
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };
  return (
    <Button size="small" startIcon={<DownloadIcon />} onClick={() => void run()} data-testid="coretax-export">
      {translate('resources.taxInvoices.export.action', { period })}
    </Button>
  );
};

/** Pastes or picks the CSV of numbers Coretax assigned; shows what happened to each row. */
const ImportButton = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [csv, setCsv] = useState('');
  const [rows, setRows] = useState<ImportRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    try {
      setRows((await callApi<{ data: ImportRow[] }>(IMPORT, { csv })).data);
      refresh();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <>
      <Button size="small" startIcon={<UploadIcon />} onClick={() => setOpen(true)} data-testid="coretax-import">
        {translate('resources.taxInvoices.import.action')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>{translate('resources.taxInvoices.import.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Alert severity="info">{translate('resources.taxInvoices.import.help')}</Alert>
            <Button component="label" size="small" variant="outlined" sx={{ alignSelf: 'flex-start' }}>
              {translate('resources.taxInvoices.import.file')}
              <input hidden type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void e.target.files?.[0]?.text().then((text) => setCsv(text))} />
            </Button>
            <TextField multiline minRows={5} value={csv} onChange={(e) => setCsv(e.target.value)} placeholder="FP-202612-000001;04002600000000001" />
            {error && <Alert severity="error">{error}</Alert>}
            {rows && (
              <Table size="small" data-testid="coretax-import-rows">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('resources.taxInvoices.import.line')}</TableCell>
                    <TableCell>{translate('resources.taxInvoices.fields.reference')}</TableCell>
                    <TableCell>{translate('resources.taxInvoices.import.outcome')}</TableCell>
                    <TableCell>{translate('resources.taxInvoices.import.message')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((r) => (
                    <TableRow key={r.line}>
                      <TableCell>{r.line}</TableCell>
                      <TableCell>{r.reference ?? '-'}</TableCell>
                      <TableCell>{translate(`resources.taxInvoices.import.outcomes.${r.outcome}`)}</TableCell>
                      <TableCell>{r.message ?? ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.close')}</Button>
          <Button variant="contained" disabled={!csv.trim()} onClick={() => void run()}>
            {translate('resources.taxInvoices.import.run')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** The month's RETURN records as CSV: Coretax has no seller-side XML import for them (README "Pajak dan kwitansi"). */
const ReturnsButton = () => {
  const { filterValues } = useListContext();
  const period = (filterValues.period as string | undefined) ?? thisMonth();
  return <DownloadFileButton path={`/exports/tax-returns.csv?period=${period}`} fallbackName={`retur-${period}.csv`} label="angsur.statements.returns" tooltip="angsur.statements.returnsHelp" />;
};

const Actions = () => (
  <TopToolbar>
    <ExportButton />
    <ImportButton />
    <ReturnsButton />
    <ReceivablesExportButton />
  </TopToolbar>
);

const filters = [
  <TextInput key="period" source="period" label="resources.taxInvoices.fields.period" alwaysOn helperText="YYYY-MM" />,
  <SelectInput key="status" source="status" label="resources.taxInvoices.fields.status" alwaysOn choices={STATUSES.map((s) => ({ id: s, name: `resources.taxInvoices.status.${s}` }))} />,
  <TextInput key="q" source="q" label="ra.action.search" />,
];

/**
 * Pajak: every Faktur Pajak (one per installment at the tax point) and return note, by month and
 * status; FINANCE exports the month for Coretax and imports the numbers Coretax assigned.
 */
export const TaxInvoiceList = () => (
  <List filters={filters} filterDefaultValues={{ period: thisMonth() }} actions={<Actions />} sort={{ field: 'reference', order: 'ASC' }} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="reference" />
      <DataTable.Col source="invoiceDate">
        <DateField source="invoiceDate" />
      </DataTable.Col>
      <DataTable.Col source="kind" disableSort />
      <DataTable.Col source="status">
        <StatusChipField source="status" prefix="resources.taxInvoices.status" colors={STATUS_COLORS} />
      </DataTable.Col>
      <DataTable.Col source="buyerName" />
      <DataTable.Col source="buyerTin" disableSort />
      <DataTable.Col source="taxBase" align="right" disableSort>
        <RupiahField source="taxBase" />
      </DataTable.Col>
      <DataTable.Col source="otherTaxBase" align="right" disableSort>
        <RupiahField source="otherTaxBase" />
      </DataTable.Col>
      <DataTable.Col source="vat" align="right">
        <RupiahField source="vat" />
      </DataTable.Col>
      <DataTable.Col source="coretaxNumber" disableSort />
    </DataTable>
  </List>
);
