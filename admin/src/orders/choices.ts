import { inDisplayOrder } from '../enums';
import type { ChipColor } from '../fields';
import type { DownPaymentType, InstallmentStatus, LateFeeType, OrderAction, OrderStatus, SpkStatus } from '../gql/schema';
import type { ProductCategory, ProductSpecs } from '../products/choices';
import type { Payment } from '../payments/choices';

export type { InstallmentStatus, OrderAction, OrderStatus, SpkStatus };

/** The "assigned to" filter of the order list (see orderFilter in dataProvider/resources.ts). */
export const assignmentChoices = [
  { id: 'mine', name: 'resources.orders.assignment.mine' },
  { id: 'unassigned', name: 'resources.orders.assignment.unassigned' },
];

export const ORDER_STATUS_COLORS: Record<OrderStatus, ChipColor> = {
  AWAITING_SPK: 'warning',
  SPK_IN_PROGRESS: 'info',
  AWAITING_DOWN_PAYMENT: 'warning',
  ACTIVE: 'success',
  SUSPENDED: 'error',
  COMPLETED: 'primary',
  CANCELLED: 'default',
};
export const ORDER_STATUSES = inDisplayOrder(ORDER_STATUS_COLORS);
/** Choices for SelectArrayInput; names are translation keys. */
export const orderStatusChoices = ORDER_STATUSES.map((id) => ({ id, name: `resources.orders.status.${id}` }));

export const INSTALLMENT_STATUS_COLORS: Record<InstallmentStatus, ChipColor> = {
  PENDING: 'default',
  DUE: 'warning',
  OVERDUE: 'error',
  PAID: 'success',
  CANCELLED: 'default',
  RESTRUCTURED: 'default',
};
export const INSTALLMENT_STATUSES = inDisplayOrder(INSTALLMENT_STATUS_COLORS);

export const SPK_STATUS_COLORS: Record<SpkStatus, ChipColor> = {
  DRAFT: 'default',
  UNDER_REVIEW: 'info',
  APPROVED: 'info',
  REVISION_REQUESTED: 'warning',
  ADMIN_SIGNED: 'info',
  CUSTOMER_SIGNED: 'info',
  SIGNATURE_REJECTED: 'error',
  CONFIRMED: 'success',
  CANCELLED: 'default',
};
export const SPK_STATUSES = inDisplayOrder(SPK_STATUS_COLORS);

/** The order's current SPK (the contract), as far as the order page shows it. */
export interface SpkRef {
  id: string;
  number: string;
  status: SpkStatus;
  confirmedAt: string | null;
  currentVersion: number;
}

export interface Installment {
  id: string;
  /** 0 = down payment with fees; 1..N monthly. */
  number: number;
  dueDate: string;
  amount: string;
  principal: string;
  margin: string;
  fees: string;
  /** PPN included in `amount` (absent where not fetched). */
  vat?: string;
  /** Customer-borne e-Meterai included in `amount` (absent where not fetched). */
  stampDuty?: string;
  status: InstallmentStatus;
  paidAmount: string;
  lateFee: string;
  lateFeePaid: string;
  paidAt: string | null;
}

export interface NextDue {
  number: number;
  dueDate: string;
  amount: string;
}

export interface OrderSummary {
  installmentsCount: number;
  paidCount: number;
  remainingCount: number;
  overdueCount: number;
  paidAmount: string;
  outstandingAmount: string;
  arrearsAmount: string;
  nextDue: NextDue | null;
}

/** The plan as sold (OrderItem.planTerms): amounts as rupiah strings. */
export interface PlanTermsSnapshot {
  planName: string;
  tenorMonths: number;
  downPaymentType: DownPaymentType;
  downPaymentValue: string;
  marginBpsPerMonth: number;
  adminFee: string;
  lateFeeGraceDays: number;
  lateFeeType: LateFeeType;
  lateFeeValue: string;
  lateFeeCap: string | null;
  autoSuspendAfterDays: number | null;
}

export interface OrderItem {
  id: string;
  position: number;
  productName: string;
  category: ProductCategory;
  specs: ProductSpecs;
  planTerms: PlanTermsSnapshot;
  cashPrice: string;
  setupFee: string;
  totalPrice: string;
}

export interface StaffRef {
  id: string;
  fullName: string;
}

export interface Order {
  id: string;
  number: string;
  status: OrderStatus;
  customerName: string;
  customerPhone: string;
  customerEmail: string;
  totalPrice: string;
  startDate: string;
  createdAt: string;
  /** When the customer was last told about arrears (reminder or staff notice). */
  lastOverdueNoticeAt?: string | null;
  assignedTo: StaffRef | null;
  summary: OrderSummary;
  // Detail only:
  spkConfirmedAt?: string | null;
  /** Set ("SPK belum diconfirm admin") until the SPK is confirmed. */
  spkNotice?: string | null;
  spk?: SpkRef | null;
  /** After an unsuspension: the customer must pay by this date. */
  graceUntil?: string | null;
  cancelReason?: string | null;
  notes?: string | null;
  updatedAt?: string;
  allowedActions?: OrderAction[];
  customer?: { id: string; username: string; fullName: string; email: string; phone: string; note: string | null };
  items?: OrderItem[];
  installments?: Installment[];
  payments?: Payment[];
}

/** Orders that owe money now (SPK confirmed, not closed): only their installments can be late. */
export const PAYABLE_STATUSES: readonly OrderStatus[] = ['AWAITING_DOWN_PAYMENT', 'ACTIVE', 'SUSPENDED'];

export { installmentDisplayStatus } from '../installments/display-status';
