import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { branding } from '../../branding';
import { formatRupiah } from '../../format';

/**
 * Where and how much to transfer: the exact amount (said once; with the payment's unique code in it when
 * there is one, so the statement import matches the transfer by itself), the company's accounts
 * (COMPANY_BANK_ACCOUNTS on the server) and the reference that lets Finance match the transfer to the payment.
 */
export const TransferInstructions = ({ amount, uniqueCode = '0', reference }: { amount: string; uniqueCode?: string; reference: string }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1.5} data-testid="transfer-details">
      <Box>
        <Typography variant="body2">{translate('angsur.customer.pay.transferAmount')}</Typography>
        <Typography variant="h5" sx={{ fontWeight: 700 }} data-testid="transfer-amount">
          {formatRupiah(amount)}
        </Typography>
        {uniqueCode !== '0' && (
          <Typography variant="caption" color="text.secondary" component="div" data-testid="transfer-unique-code">
            {translate('angsur.channels.transferExact', { code: uniqueCode })}
          </Typography>
        )}
        <Typography variant="body2">{translate('angsur.customer.pay.transferTo', { company: branding.companyName })}</Typography>
      </Box>
      {branding.bankAccounts.map((account) => (
        <Box key={`${account.bank}-${account.number}`} data-testid="bank-account" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
          <Typography variant="caption" color="text.secondary">
            {translate('angsur.customer.pay.bank')}
          </Typography>
          <Typography variant="body1" sx={{ fontWeight: 600 }}>
            {account.bank}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {translate('angsur.customer.pay.accountNumber')}
          </Typography>
          <Typography variant="body1" sx={{ fontFamily: 'monospace', fontSize: 18, userSelect: 'all' }}>
            {account.number}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {translate('angsur.customer.pay.accountHolder')}
          </Typography>
          <Typography variant="body2">{account.holder}</Typography>
        </Box>
      ))}
      <Typography variant="body2">{translate('angsur.customer.pay.transferReference', { reference })}</Typography>
    </Stack>
  );
};
