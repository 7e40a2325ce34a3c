import { Alert, Box, Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { callApi } from '../dataProvider';
import { DownloadFileButton } from '../files';
import { formatDateTime } from '../format';
import { MY_REQUESTS, REQUEST, type PrivacyRequestRow } from './api';

const KEY = ['privacy', 'mine'];

export const StatusChip = ({ row }: { row: PrivacyRequestRow }) => {
  const translate = useTranslate();
  const color = row.status === 'COMPLETED' ? 'success' : row.status === 'REJECTED' ? 'default' : row.overdue ? 'error' : 'warning';
  return <Chip size="small" color={color} label={translate(`angsur.privacy.status.${row.overdue && row.status === 'OPEN' ? 'OVERDUE' : row.status}`)} />;
};

/**
 * "Data pribadi" on the customer's profile (UU PDP 27/2022): download everything held about them (JSON,
 * PDF), ask for a correction or for erasure, and follow those requests (answered within 3 x 24 hours).
 */
export const MyDataCard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const queryClient = useQueryClient();
  const { data: requests } = useQuery({ queryKey: KEY, queryFn: () => callApi<PrivacyRequestRow[]>(MY_REQUESTS) });
  const [details, setDetails] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ask = async (kind: 'CORRECTION' | 'ERASURE') => {
    setError(null);
    try {
      await callApi(REQUEST, { input: { kind, details: details.trim() || null } });
      setDetails('');
      notify('angsur.privacy.sent', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: KEY });
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Card variant="outlined" data-testid="my-data">
      <CardContent>
        <Stack spacing={1.5}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate('angsur.privacy.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('angsur.privacy.intro')}
          </Typography>
          <Stack direction="row" spacing={1}>
            <DownloadFileButton path="/privacy/my-data.json" fallbackName="data-pribadi.json" label="angsur.privacy.downloadJson" variant="outlined" />
            <DownloadFileButton path="/privacy/my-data.pdf" fallbackName="data-pribadi.pdf" label="angsur.privacy.downloadPdf" variant="outlined" />
          </Stack>
          <TextField
            name="details"
            label={translate('angsur.privacy.details')}
            helperText={translate('angsur.privacy.detailsHelp')}
            value={details}
            onChange={(e) => setDetails(e.target.value)}
            multiline
            minRows={2}
            size="small"
          />
          {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
            <Button variant="outlined" onClick={() => void ask('CORRECTION')} disabled={!details.trim()}>
              {translate('angsur.privacy.askCorrection')}
            </Button>
            <Button variant="outlined" color="error" onClick={() => void ask('ERASURE')}>
              {translate('angsur.privacy.askErasure')}
            </Button>
          </Stack>
          {!!requests?.length && (
            <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="my-privacy-requests">
              {requests.map((r) => (
                <li key={r.id}>
                  <Typography variant="body2" component="span">
                    {translate(`angsur.privacy.kind.${r.kind}`)} · {formatDateTime(r.createdAt, locale)}{' '}
                  </Typography>
                  <StatusChip row={r} />
                  {r.resolution && (
                    <Typography variant="body2" color="text.secondary">
                      {r.resolution}
                    </Typography>
                  )}
                </li>
              ))}
            </Box>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
