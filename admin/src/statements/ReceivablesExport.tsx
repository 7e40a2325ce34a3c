import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { DownloadFileButton } from '../files';
import { todayInJakarta } from '../format';

/** FINANCE: every order's receivables at the end of a date, aged as on the dashboard, as CSV. */
export const ReceivablesExportButton = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(todayInJakarta());
  return (
    <>
      <Button size="small" startIcon={<AccountBalanceIcon />} onClick={() => setOpen(true)} data-testid="receivables-export">
        {translate('angsur.statements.receivables.action')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('angsur.statements.receivables.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Alert severity="info">{translate('angsur.statements.receivables.help')}</Alert>
            <TextField size="small" type="date" label={translate('angsur.statements.receivables.date')} value={date} onChange={(e) => setDate(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.close')}</Button>
          <DownloadFileButton path={`/exports/receivables.csv?date=${date}`} fallbackName={`piutang-${date}.csv`} label="angsur.statements.receivables.download" variant="contained" />
        </DialogActions>
      </Dialog>
    </>
  );
};
