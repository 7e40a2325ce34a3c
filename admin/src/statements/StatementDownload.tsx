import { Box, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { DownloadFileButton } from '../files';
import { todayInJakarta } from '../format';

/**
 * A customer's statement of account for a chosen period, as PDF or CSV, in the reader's language.
 * `customerId` is `me` in the customer portal (the server answers only the caller's own) or the
 * customer's id for staff.
 */
export const StatementDownload = ({ customerId }: { customerId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const today = todayInJakarta();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const path = (format: 'pdf' | 'csv') => `/statements/${encodeURIComponent(customerId)}?from=${from}&to=${to}&format=${format}&lang=${locale === 'en' ? 'en' : 'id'}`;
  return (
    <Box data-testid="statement-download">
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('angsur.statements.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('angsur.statements.help')}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
        <TextField size="small" type="date" label={translate('angsur.statements.from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField size="small" type="date" label={translate('angsur.statements.to')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        <DownloadFileButton path={path('pdf')} fallbackName={`rekening-${from}-${to}.pdf`} label="angsur.statements.pdf" variant="outlined" />
        <DownloadFileButton path={path('csv')} fallbackName={`rekening-${from}-${to}.csv`} label="angsur.statements.csv" />
      </Stack>
    </Box>
  );
};
