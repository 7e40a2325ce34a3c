import { gql } from '@apollo/client';
import { Alert, Box, Button, Card, Chip, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { callApi } from '../dataProvider';
import { formatRupiah } from '../format';

const LINES = gql`query StatementLines { data: statementLines(perPage: 50) { total items { id bookedOn amount description payerName
  suggestions { paymentId reference orderNumber customerName expected difference reasons } } } }`;
const IMPORT = gql`mutation ImportBankStatement($input: ImportStatementInput!) { data: importBankStatement(input: $input) { lines imported duplicates matched unmatched } }`;
const MATCH = gql`mutation MatchStatementLine($id: ID!, $paymentId: ID!) { data: matchStatementLine(id: $id, paymentId: $paymentId) { id } }`;
const DISMISS = gql`mutation DismissStatementLine($id: ID!, $input: DismissStatementLineInput!) { data: dismissStatementLine(id: $id, input: $input) { id } }`;

const SOURCES = ['BCA', 'MANDIRI', 'BNI', 'BRI', 'MT940'] as const;

interface Suggestion { paymentId: string; reference: string; orderNumber: string; customerName: string; expected: string; difference: string; reasons: string[] }
interface Line { id: string; bookedOn: string; amount: string; description: string; payerName: string | null; suggestions: Suggestion[] }

const LineActions = ({ line, onDone }: { line: Line; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      notify(done, { type: 'success' });
      onDone();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Stack spacing={1} data-testid={`line-actions-${line.id}`}>
      <TextField size="small" name={`note-${line.id}`} label={translate('angsur.reconciliation.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <Button size="small" variant="outlined" disabled={!note.trim()} onClick={() => void run(() => callApi(DISMISS, { id: line.id, input: { note } }), 'angsur.reconciliation.dismissed')}>
        {translate('angsur.reconciliation.dismiss')}
      </Button>
      {line.suggestions.length === 0 && <Typography variant="caption">{translate('angsur.reconciliation.noSuggestion')}</Typography>}
      {line.suggestions.map((s) => (
        <Box key={s.paymentId} data-testid="suggestion">
          <Typography variant="body2">
            {s.orderNumber} · {s.customerName} · {formatRupiah(s.expected)}
          </Typography>
          <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', my: 0.5 }}>
            {s.reasons.map((r) => <Chip key={r} size="small" label={translate(`angsur.reconciliation.reasons.${r}`)} />)}
          </Stack>
          <Button size="small" variant="contained" onClick={() => void run(() => callApi(MATCH, { id: line.id, paymentId: s.paymentId }), 'angsur.reconciliation.matched')}>
            {translate('angsur.reconciliation.match')} {s.reference}
          </Button>
        </Box>
      ))}
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
};

/** FINANCE: import a statement, then pair or dismiss the credits that matched nothing. */
export const ReconciliationPage = () => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<(typeof SOURCES)[number]>('BCA');
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { data, refetch } = useQuery({ queryKey: ['statementLines'], queryFn: () => callApi<{ total: number; items: Line[] }>(LINES) });
  const reload = () => void refetch().then(() => queryClient.invalidateQueries());
  const importFile = async (file: File) => {
    setError(null);
    setResult(null);
    try {
      const r = await callApi<Record<string, number>>(IMPORT, { input: { source, content: await file.text() } });
      setResult(translate('angsur.reconciliation.imported', r));
      reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Card sx={{ p: 2, mt: 2 }}>
      <Title title={translate('angsur.reconciliation.title')} />
      <Typography variant="body2" sx={{ mb: 2 }}>{translate('angsur.reconciliation.intro')}</Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <TextField select size="small" name="source" label={translate('angsur.reconciliation.source')} value={source} onChange={(e) => setSource(e.target.value as (typeof SOURCES)[number])}>
          {SOURCES.map((s) => <MenuItem key={s} value={s}>{s}</MenuItem>)}
        </TextField>
        <Button variant="contained" component="label">
          {translate('angsur.reconciliation.file')}
          <input hidden type="file" name="statement" accept=".csv,.txt,.sta,.940" onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} />
        </Button>
      </Stack>
      {result && <Alert severity="success" sx={{ mb: 2 }} data-testid="import-result">{result}</Alert>}
      {error && <Alert severity="error" sx={{ mb: 2 }}>{error}</Alert>}
      {data && data.items.length === 0 && <Typography>{translate('angsur.reconciliation.empty')}</Typography>}
      {data && data.items.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('angsur.reconciliation.columns.bookedOn')}</TableCell>
              <TableCell align="right">{translate('angsur.reconciliation.columns.amount')}</TableCell>
              <TableCell>{translate('angsur.reconciliation.columns.description')}</TableCell>
              <TableCell>{translate('angsur.reconciliation.columns.action')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.items.map((line) => (
              <TableRow key={line.id} data-testid="statement-line">
                <TableCell>{line.bookedOn}</TableCell>
                <TableCell align="right">{formatRupiah(line.amount)}</TableCell>
                <TableCell>{line.description}</TableCell>
                <TableCell sx={{ minWidth: 260 }}><LineActions line={line} onDone={reload} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
};
