import type { DownPaymentType, LateFeeType } from '../gql/schema';

export const DOWN_PAYMENT_TYPES = ['PERCENT', 'FIXED'] as const satisfies readonly DownPaymentType[];
export const LATE_FEE_TYPES = ['FIXED_PER_DAY', 'PERCENT_PER_DAY'] as const satisfies readonly LateFeeType[];

export const downPaymentTypeChoices = DOWN_PAYMENT_TYPES.map((id) => ({ id, name: `resources.installmentPlans.downPaymentType.${id}` }));
export const lateFeeTypeChoices = LATE_FEE_TYPES.map((id) => ({ id, name: `resources.installmentPlans.lateFeeType.${id}` }));

export interface InstallmentPlan {
  id: string;
  productId: string;
  name: string;
  tenorMonths: number;
  downPaymentType: (typeof DOWN_PAYMENT_TYPES)[number];
  /** Basis points when PERCENT, rupiah when FIXED (a digit string either way). */
  downPaymentValue: string;
  marginBpsPerMonth: number;
  adminFee: string;
  lateFeeGraceDays: number;
  lateFeeType: (typeof LATE_FEE_TYPES)[number];
  /** Rupiah a day when FIXED_PER_DAY, basis points a day when PERCENT_PER_DAY. */
  lateFeeValue: string;
  lateFeeCap: string | null;
  autoSuspendAfterDays: number | null;
  active: boolean;
  createdAt?: string;
  updatedAt?: string;
}

/** A new plan: 10% down over 12 months at 1.5%/month, Rp 5.000 a day late after 3 days. */
export const planDefaults: Partial<InstallmentPlan> = {
  tenorMonths: 12,
  downPaymentType: 'PERCENT',
  downPaymentValue: '1000',
  marginBpsPerMonth: 150,
  adminFee: '0',
  lateFeeGraceDays: 3,
  lateFeeType: 'FIXED_PER_DAY',
  lateFeeValue: '5000',
  lateFeeCap: null,
  autoSuspendAfterDays: null,
  active: true,
};
