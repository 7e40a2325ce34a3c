import { Alert, Box, Card, CardContent, CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useLocale, useRecordContext, useTranslate } from 'react-admin';
import type { AngsurDataProvider } from '../dataProvider';
import { formatDate, formatRupiah } from '../format';
import type { InstallmentPlan } from './choices';

const SUMMARY = ['downPayment', 'firstPayment', 'monthlyInstallment', 'financedAmount', 'marginAmount', 'totalPrice', 'vatAmount'] as const;

/**
 * What one unit costs on this plan, starting today: the API's installmentQuote for the saved plan,
 * so the numbers are exactly those a customer would get.
 */
export const QuotePreview = ({ dirty = false }: { dirty?: boolean }) => {
  const plan = useRecordContext<InstallmentPlan>();
  return <InstallmentQuoteCard productId={plan?.productId} planId={plan?.id} version={plan?.updatedAt} dirty={dirty} />;
};

/**
 * The full installment quote (installmentQuote) of `quantity` units of a product on a plan, starting
 * today: the summary amounts and every line with its due date. The staff plan page and the
 * customer catalog show the same card. `version` refetches when the plan was edited.
 */
export const InstallmentQuoteCard = ({
  productId,
  planId,
  quantity = 1,
  version,
  dirty = false,
}: {
  productId?: string;
  planId?: string;
  quantity?: number;
  version?: string;
  dirty?: boolean;
}) => {
  const dataProvider = useDataProvider<AngsurDataProvider>();
  const translate = useTranslate();
  const locale = useLocale();
  const { data, error, isPending } = useQuery({
    queryKey: ['installmentQuote', productId, planId, quantity, version],
    queryFn: () => dataProvider.getQuote({ productId: productId!, planId: planId!, quantity }),
    enabled: !!planId && !!productId && quantity > 0,
  });
  const t = (key: string) => translate(`resources.installmentPlans.quote.${key}`);
  // The PPN lines (included in each amount, server/src/tax/vat.ts) only where the product carries VAT.
  const withVat = !!data && BigInt(data.vatAmount) > 0n;
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="installment-quote">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('resources.installmentPlans.sections.quote')}
        </Typography>
        {dirty && (
          <Alert severity="info" sx={{ mb: 1 }}>
            {t('unsaved')}
          </Alert>
        )}
        {!planId ? (
          <Typography variant="body2" color="text.secondary">
            {t('hint')}
          </Typography>
        ) : isPending ? (
          <CircularProgress size={24} />
        ) : error ? (
          <Alert severity="warning">{(error as Error).message}</Alert>
        ) : data ? (
          <>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 1.5, mb: 2 }}>
              {SUMMARY.filter((key) => key !== 'vatAmount' || withVat).map((key) => (
                <Box key={key}>
                  <Typography variant="caption" color="text.secondary">
                    {t(key)}
                  </Typography>
                  <Typography variant="body1" sx={{ fontWeight: key === 'monthlyInstallment' || key === 'totalPrice' ? 600 : 400 }}>
                    {formatRupiah(data[key])}
                  </Typography>
                </Box>
              ))}
            </Box>
            <Table size="small" sx={{ maxWidth: 520 }} data-testid="quote-lines">
              <TableHead>
                <TableRow>
                  <TableCell>{t('number')}</TableCell>
                  <TableCell>{t('dueDate')}</TableCell>
                  <TableCell align="right">{t('amount')}</TableCell>
                  {withVat && <TableCell align="right">{t('vat')}</TableCell>}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.lines.map((line) => (
                  <TableRow key={line.number}>
                    <TableCell>{line.number}</TableCell>
                    <TableCell>{formatDate(line.dueDate, locale)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {formatRupiah(line.amount)}
                    </TableCell>
                    {withVat && (
                      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {formatRupiah(line.vat)}
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
};
