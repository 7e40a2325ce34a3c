import { Typography } from '@mui/material';
import { useLocale, useRecordContext, useTranslate } from 'react-admin';
import { formatPercentBps, formatRupiah } from '../format';
import type { InstallmentPlan } from './choices';

/** "10%" or "Rp 2.000.000", depending on the plan's down payment type. */
export const DownPaymentField = (_props: { label?: string; source?: string }) => {
  const plan = useRecordContext<InstallmentPlan>();
  const locale = useLocale();
  if (!plan) return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {plan.downPaymentType === 'PERCENT' ? formatPercentBps(plan.downPaymentValue, locale) : formatRupiah(plan.downPaymentValue)}
    </Typography>
  );
};

/** "Rp 5.000/hari" or "0,1%/hari": rupiah or percent of the overdue amount, per day. */
export const LateFeeField = (_props: { label?: string; source?: string }) => {
  const plan = useRecordContext<InstallmentPlan>();
  const locale = useLocale();
  const translate = useTranslate();
  if (!plan) return null;
  const value = plan.lateFeeType === 'PERCENT_PER_DAY' ? formatPercentBps(plan.lateFeeValue, locale) : formatRupiah(plan.lateFeeValue);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {translate('resources.installmentPlans.summary.perDay', { value })}
    </Typography>
  );
};
