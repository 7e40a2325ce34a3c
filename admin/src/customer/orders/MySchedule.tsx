import { Box, Divider, Stack, Typography } from '@mui/material';
import { RecordContextProvider, useLocale, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatRupiah, isPositiveRupiah, todayInJakarta } from '../../format';
import { installmentDisplayStatus, PAYABLE_STATUSES, type Installment, type Order } from '../../orders/choices';
import { LateFeeCell, StatusCell } from '../../orders/InstallmentSchedule';
import { useInstallmentLabel } from '../../orders/OrderFields';

/**
 * Jadwal angsuran for the customer: one stacked row per installment instead of the staff console's
 * wide table, so a phone reads it without scrolling sideways. On a phone a row is two lines (what and
 * its status; due date and amount); from the tablet width up it is one line of columns.
 */
export const MySchedule = () => {
  const order = useRecordContext<Order>();
  const translate = useTranslate();
  const locale = useLocale();
  const label = useInstallmentLabel();
  if (!order) return null;
  if (!order.installments?.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.installments.empty')}
      </Typography>
    );
  }
  const today = todayInJakarta();
  const payable = PAYABLE_STATUSES.includes(order.status);
  const overdue = (i: Installment) => installmentDisplayStatus(i, today, payable) === 'OVERDUE';
  return (
    <Stack divider={<Divider flexItem />} spacing={1}>
      {order.installments.map((installment) => (
        <RecordContextProvider key={installment.id} value={installment}>
          <Box
            data-testid="schedule-row"
            data-number={installment.number}
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr auto', md: 'minmax(9rem, 1fr) 10rem 9rem 9rem auto' },
              gap: { xs: 0.25, md: 2 },
              alignItems: 'center',
              px: 1,
              py: 0.5,
              borderRadius: 1,
              bgcolor: overdue(installment) ? 'rgba(211, 47, 47, 0.08)' : undefined,
            }}
          >
            <Typography variant="body2" sx={{ fontWeight: 600, gridColumn: { md: 1 }, order: { xs: 1, md: 1 } }}>
              {label(installment.number)}
            </Typography>
            <Box sx={{ justifySelf: 'end', order: { xs: 2, md: 5 } }}>
              <StatusCell today={today} payable={payable} />
            </Box>
            <Typography variant="body2" color="text.secondary" sx={{ order: { xs: 3, md: 2 } }}>
              {formatDate(installment.dueDate, locale)}
            </Typography>
            <Typography variant="body2" sx={{ fontWeight: 600, justifySelf: 'end', order: { xs: 4, md: 3 } }}>
              {formatRupiah(installment.amount)}
            </Typography>
            <Box sx={{ gridColumn: { xs: '1 / -1', md: 'auto' }, order: { xs: 5, md: 4 }, display: 'flex', flexWrap: 'wrap', gap: 1, justifyContent: { md: 'flex-end' } }}>
              {isPositiveRupiah(installment.paidAmount) && installment.paidAmount !== installment.amount && (
                <Typography variant="caption" color="text.secondary">
                  {translate('angsur.customer.schedule.paid', { amount: formatRupiah(installment.paidAmount) })}
                </Typography>
              )}
              {isPositiveRupiah(installment.vat ?? '0') && (
                <Typography variant="caption" color="text.secondary">
                  {translate('angsur.customer.schedule.vat', { amount: formatRupiah(installment.vat!) })}
                </Typography>
              )}
              {isPositiveRupiah(installment.stampDuty ?? '0') && (
                <Typography variant="caption" color="text.secondary">
                  {translate('angsur.customer.schedule.stampDuty', { amount: formatRupiah(installment.stampDuty!) })}
                </Typography>
              )}
              {isPositiveRupiah(installment.lateFee) && <LateFeeCell />}
            </Box>
          </Box>
        </RecordContextProvider>
      ))}
    </Stack>
  );
};
