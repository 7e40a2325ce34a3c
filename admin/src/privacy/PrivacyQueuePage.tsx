import { Alert, Box, Button, Card, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useLocaleState, useNotify, usePermissions, useTranslate } from 'react-admin';
import { callApi } from '../dataProvider';
import { formatDateTime } from '../format';
import { COMPLETE, ERASE, QUEUE, REJECT, type PrivacyRequestRow } from './api';
import { StatusChip } from './MyDataCard';

type Filter = 'OPEN' | 'OVERDUE' | 'ALL';
const filterOf = (f: Filter) => (f === 'OPEN' ? { status: 'OPEN' } : f === 'OVERDUE' ? { overdue: true } : {});

/** What staff can do with one open request: answer a correction, refuse, or (ADMIN) erase. */
const Actions = ({ row, onDone }: { row: PrivacyRequestRow; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (row.status !== 'OPEN') {
    return (
      <Box>
        <Typography variant="body2">{row.resolution}</Typography>
        {row.kept?.map((k) => (
          <Typography key={k.what} variant="caption" component="div" color="text.secondary">
            {translate('angsur.privacy.kept')}: {k.what} ({k.why})
          </Typography>
        ))}
      </Box>
    );
  }
  const run = async (action: 'complete' | 'reject' | 'erase') => {
    setError(null);
    try {
      if (action === 'erase') await callApi(ERASE, { id: row.id });
      else await callApi(action === 'complete' ? COMPLETE : REJECT, { id: row.id, input: { text } });
      notify('angsur.privacy.handled', { type: 'success' });
      onDone();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Stack spacing={1}>
      <TextField name={`answer-${row.id}`} size="small" label={translate('angsur.privacy.answer')} value={text} onChange={(e) => setText(e.target.value)} />
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
        {row.kind === 'CORRECTION' && (
          <Button size="small" variant="contained" disabled={!text.trim()} onClick={() => void run('complete')}>
            {translate('angsur.privacy.complete')}
          </Button>
        )}
        {row.kind === 'ERASURE' && permissions === 'ADMIN' && (
          <Button size="small" variant="contained" color="error" onClick={() => void run('erase')}>
            {translate('angsur.privacy.erase')}
          </Button>
        )}
        <Button size="small" disabled={!text.trim()} onClick={() => void run('reject')}>
          {translate('angsur.privacy.reject')}
        </Button>
      </Stack>
      {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
    </Stack>
  );
};

/**
 * Permintaan data pribadi: the staff queue of correction and erasure requests, soonest deadline first,
 * the 3 x 24-hour deadline shown and the late ones marked (SUPPORT and ADMIN; erasure is ADMIN's).
 */
export const PrivacyQueuePage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [filter, setFilter] = useState<Filter>('OPEN');
  const queryClient = useQueryClient();
  const key = ['privacy', 'queue', filter];
  const { data, error } = useQuery({ queryKey: key, queryFn: () => callApi<{ total: number; items: PrivacyRequestRow[] }>(QUEUE, { filter: filterOf(filter), perPage: 50 }) });
  return (
    <Box sx={{ p: 2 }}>
      <Title title="angsur.privacy.queueTitle" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('angsur.privacy.queueIntro')}
      </Typography>
      <ToggleButtonGroup size="small" exclusive value={filter} onChange={(_e, v: Filter | null) => v && setFilter(v)} sx={{ mb: 1 }}>
        {(['OPEN', 'OVERDUE', 'ALL'] as const).map((f) => (
          <ToggleButton key={f} value={f}>
            {translate(`angsur.privacy.filter.${f}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      <Card variant="outlined">
        <Table size="small" data-testid="privacy-queue">
          <TableHead>
            <TableRow>
              <TableCell>{translate('angsur.privacy.columns.customer')}</TableCell>
              <TableCell>{translate('angsur.privacy.columns.kind')}</TableCell>
              <TableCell>{translate('angsur.privacy.columns.details')}</TableCell>
              <TableCell>{translate('angsur.privacy.columns.dueAt')}</TableCell>
              <TableCell>{translate('angsur.privacy.columns.status')}</TableCell>
              <TableCell>{translate('angsur.privacy.columns.action')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data?.items.map((row) => (
              <TableRow key={row.id}>
                <TableCell>
                  {row.customer?.fullName}
                  <Typography variant="caption" component="div" color="text.secondary">
                    {row.customer?.email}
                  </Typography>
                </TableCell>
                <TableCell>{translate(`angsur.privacy.kind.${row.kind}`)}</TableCell>
                <TableCell sx={{ maxWidth: 280 }}>{row.details}</TableCell>
                <TableCell>{formatDateTime(row.dueAt, locale)}</TableCell>
                <TableCell>
                  <StatusChip row={row} />
                </TableCell>
                <TableCell sx={{ minWidth: 260 }}>
                  <Actions row={row} onDone={() => void queryClient.invalidateQueries({ queryKey: ['privacy', 'queue'] })} />
                </TableCell>
              </TableRow>
            ))}
            {data && !data.items.length && (
              <TableRow>
                <TableCell colSpan={6}>{translate('angsur.privacy.empty')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </Card>
    </Box>
  );
};
