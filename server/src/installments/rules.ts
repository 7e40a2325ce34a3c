import { DateTime } from 'luxon';
import { defineStateMachine } from '../common/state-machine';
import { ZONE } from '../common/time';
import { divRoundHalfUp, type Rupiah } from '../money/rupiah';
import { CLOSED_LINE_STATUSES, isClosedLine } from './closed-lines';
import { InstallmentStatus } from './installment-status';

/**
 * The one home of every rule about an installment's money: what is open, owed, due and overdue on a
 * date, what status that makes, and the late fee a date justifies. Each rule is written here twice,
 * once as TypeScript and once as the SQL the set-based code (billing pass, dashboard, lists) uses,
 * side by side, and test/installments/rules.test.ts proves on random rows in PostgreSQL that the two
 * agree. Nothing else in installments/, payments/, billing/, orders/ or reports/ restates them.
 *
 * SQL aliases: `i` installments, `o` orders, `d.day` the date the rule is asked about (a `date`).
 */

export interface InstallmentMoney {
  dueDate: string;
  amount: Rupiah;
  paidAmount: Rupiah;
  lateFee: Rupiah;
  lateFeePaid: Rupiah;
  status: string;
}

export interface LateFeePolicy {
  lateFeeGraceDays: number;
  lateFeeType: string;
  lateFeeValue: bigint;
  lateFeeCap: bigint | null;
}

const S = InstallmentStatus;

// Closed lines (cancelled, restructured): the rule lives in closed-lines.ts, which the console bundles too.
CLOSED_LINE_STATUSES satisfies readonly `${InstallmentStatus}`[];
export { CLOSED_LINE_STATUSES, isClosedLine };
/** The query filter for the lines still in force (the ORM's form of `!isClosedLine`). */
export const liveLines = () => ({ status: { $nin: CLOSED_LINE_STATUSES.map((s) => s as InstallmentStatus) } });
/** Not closed (cancelled, restructured), and principal or late fee still unpaid. */
export const isOpen = (i: InstallmentMoney) => !isClosedLine(i.status) && (i.paidAmount < i.amount || i.lateFeePaid < i.lateFee);
/**
 * How much of a line's customer-borne e-Meterai (`stampDuty`, inside `amount`) `paid` of its amount
 * covers: the duty is the last money of the line, so a partial payment pays the installment first.
 * TypeScript only: no set-based code asks it (the statement's SQL reads `stamp_duty` as billed).
 */
export const stampDutyCovered = (i: { amount: Rupiah; stampDuty: Rupiah }, paid: Rupiah): Rupiah => {
  const over = paid - (i.amount - i.stampDuty);
  return over <= 0n ? 0n : over < i.stampDuty ? over : i.stampDuty;
};
/**
 * Whether what was paid on a line still counts as paid: every line but a cancelled one (a restructuring
 * keeps what was paid on the lines it closes; a cancelled order had nothing paid, or was refunded).
 */
export const keepsPayments = (i: Pick<InstallmentMoney, 'status'>) => i.status !== S.CANCELLED;
/** What the customer still owes on it: unpaid amount plus unpaid late fee. */
export const owed = (i: Pick<InstallmentMoney, 'amount' | 'paidAmount' | 'lateFee' | 'lateFeePaid'>): Rupiah => i.amount - i.paidAmount + i.lateFee - i.lateFeePaid;
/** Due on or before `date` and still open: what "pay what is due now" pays. */
export const isDueBy = (i: InstallmentMoney, date: string) => isOpen(i) && i.dueDate <= date;
/** Past its due date on `date` and still open: arrears. Only meaningful on an order that owes money now. */
export const isOverdueOn = (i: InstallmentMoney, date: string) => isOpen(i) && i.dueDate < date;
const PLAIN_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/**
 * Calendar days from the due date to `date` (negative before it), in Jakarta's calendar. Two plain
 * dates (YYYY-MM-DD, what rows carry) are counted as their UTC midnights: the days between two calendar
 * dates are the same in every zone. The billing pass asks this per installment, and luxon's zone
 * arithmetic allocated a quarter of everything the pass allocates (issue 14), so it serves only other forms.
 */
export const daysLate = (dueDate: string, date: string) =>
  PLAIN_DAY.test(dueDate) && PLAIN_DAY.test(date)
    ? Math.round((Date.parse(date) - Date.parse(dueDate)) / DAY_MS)
    : Math.round(DateTime.fromISO(date, { zone: ZONE }).diff(DateTime.fromISO(dueDate, { zone: ZONE }), 'days').days);

/**
 * The status the date and the money say: CANCELLED and RESTRUCTURED stay; fully paid (amount and fee) is PAID; on an
 * order that cannot be paid yet (SPK not confirmed) nothing is late, so PENDING; otherwise PENDING
 * before the due date, DUE on it, OVERDUE after it.
 */
export function statusOn(i: InstallmentMoney, date: string, payable: boolean): InstallmentStatus {
  if (i.status === S.CANCELLED) return S.CANCELLED;
  if (i.status === S.RESTRUCTURED) return S.RESTRUCTURED;
  if (i.paidAmount === i.amount && i.lateFeePaid === i.lateFee) return S.PAID;
  if (!payable || i.dueDate > date) return S.PENDING;
  return i.dueDate === date ? S.DUE : S.OVERDUE;
}

/**
 * The late fee `date` justifies on `unpaid` principal: nothing until the grace days are over, then per
 * day either fixed rupiah or basis points of the unpaid principal (rounded half up), never above the cap.
 */
export function lateFeeFor(unpaid: Rupiah, dueDate: string, policy: LateFeePolicy, date: string): Rupiah {
  const days = BigInt(daysLate(dueDate, date) - policy.lateFeeGraceDays);
  if (days <= 0n || unpaid <= 0n) return 0n;
  const fee = policy.lateFeeType === 'FIXED_PER_DAY' ? policy.lateFeeValue * days : divRoundHalfUp(unpaid * policy.lateFeeValue * days, 10_000n);
  return policy.lateFeeCap !== null && fee > policy.lateFeeCap ? policy.lateFeeCap : fee;
}

/** The fee accrued on `date` on what is still unpaid (a fully paid principal accrues nothing more). */
export const lateFeeOn = (i: InstallmentMoney, policy: LateFeePolicy, date: string) => lateFeeFor(i.amount - i.paidAmount, i.dueDate, policy, date);

/**
 * The most any history of payments up to `date` can have accrued: the fee on the whole amount. A fee
 * above it was never justified (an earlier pass ran for a date still to come) and is cut back to it.
 */
export const lateFeeCeiling = (i: InstallmentMoney, policy: LateFeePolicy, date: string) => lateFeeFor(i.amount, i.dueDate, policy, date);

/**
 * The fee a billing pass for `date` leaves, given that `today` is the latest date any fee may reflect:
 * it accrues to what `date` justifies, never goes down, never goes above `today`'s ceiling, and never
 * below what was already paid of it.
 */
export function lateFeeAfterPass(i: InstallmentMoney, policy: LateFeePolicy, date: string, today: string): Rupiah {
  const accrued = lateFeeOn(i, policy, date);
  const ceiling = lateFeeCeiling(i, policy, today);
  const kept = i.lateFee > accrued ? i.lateFee : accrued;
  const capped = kept < ceiling ? kept : ceiling;
  return capped > i.lateFeePaid ? capped : i.lateFeePaid;
}

// ---- The same rules in SQL (constants only; values travel as bindings) ----

/** `isClosedLine` in SQL. */
export const CLOSED_LINE_SQL = `(i.status in (${CLOSED_LINE_STATUSES.map((x) => `'${x}'`).join(', ')}))`;
export const OPEN_SQL = `(not ${CLOSED_LINE_SQL} and (i.paid_amount < i.amount or i.late_fee_paid < i.late_fee))`;
export const OWED_SQL = `(i.amount - i.paid_amount + i.late_fee - i.late_fee_paid)`;
export const KEEPS_PAYMENTS_SQL = `(i.status <> '${S.CANCELLED}')`;
/** `day` is a SQL date expression, e.g. `d.day` or `?::date`. */
export const dueBySql = (day: string) => `(${OPEN_SQL} and i.due_date <= ${day})`;
export const overdueOnSql = (day: string) => `(${OPEN_SQL} and i.due_date < ${day})`;
export const daysLateSql = (day: string) => `(${day} - i.due_date)`;
export const statusOnSql = (day: string, payable: string) =>
  `(case when ${CLOSED_LINE_SQL} then i.status when i.paid_amount = i.amount and i.late_fee_paid = i.late_fee then 'PAID'
         when not ${payable} or i.due_date > ${day} then 'PENDING' when i.due_date = ${day} then 'DUE' else 'OVERDUE' end)`;

const lateFeeForSql = (unpaid: string, day: string) =>
  `(case when ${daysLateSql(day)} - o.late_fee_grace_days <= 0 or ${unpaid} <= 0 then 0::bigint
         else least(coalesce(o.late_fee_cap, 9223372036854775807),
              case when o.late_fee_type = 'FIXED_PER_DAY' then o.late_fee_value * (${daysLateSql(day)} - o.late_fee_grace_days)
                   else round(${unpaid}::numeric * o.late_fee_value * (${daysLateSql(day)} - o.late_fee_grace_days) / 10000)::bigint end) end)`;
export const lateFeeOnSql = (day: string) => lateFeeForSql('(i.amount - i.paid_amount)', day);
export const lateFeeCeilingSql = (day: string) => lateFeeForSql('i.amount', day);
export const lateFeeAfterPassSql = (day: string, today: string) =>
  `greatest(i.late_fee_paid, least(${lateFeeCeilingSql(today)}, greatest(i.late_fee, ${lateFeeOnSql(day)})))`;

// ---- The installment state machine ----

export enum InstallmentAction {
  MARK_PENDING = 'MARK_PENDING',
  MARK_DUE = 'MARK_DUE',
  MARK_OVERDUE = 'MARK_OVERDUE',
  MARK_PAID = 'MARK_PAID',
  CANCEL = 'CANCEL',
  RESTRUCTURE = 'RESTRUCTURE',
}

/**
 * The moves an installment may make. Time moves it forward (PENDING -> DUE -> OVERDUE); money moves it
 * to PAID and a refund back to what the date says; cancelling the order ends it, and nothing leaves
 * CANCELLED. A restructuring closes every line not yet paid (RESTRUCTURED, kept as history; its open
 * amount moved to the new schedule), and nothing leaves RESTRUCTURED either. DUE/OVERDUE -> PENDING exists for corrections (a status a future-dated pass once wrote).
 */
export const installmentMachine = defineStateMachine<InstallmentStatus, InstallmentAction>('Installment', { entity: { id: 'angsuran', en: 'installment' } }, {
  [InstallmentAction.MARK_PENDING]: { from: [S.DUE, S.OVERDUE, S.PAID], to: S.PENDING },
  [InstallmentAction.MARK_DUE]: { from: [S.PENDING, S.OVERDUE, S.PAID], to: S.DUE },
  [InstallmentAction.MARK_OVERDUE]: { from: [S.PENDING, S.DUE, S.PAID], to: S.OVERDUE },
  [InstallmentAction.MARK_PAID]: { from: [S.PENDING, S.DUE, S.OVERDUE], to: S.PAID },
  [InstallmentAction.CANCEL]: { from: [S.PENDING, S.DUE, S.OVERDUE], to: S.CANCELLED },
  [InstallmentAction.RESTRUCTURE]: { from: [S.PENDING, S.DUE, S.OVERDUE], to: S.RESTRUCTURED },
});

const ACTION_TO: Record<Exclude<InstallmentStatus, InstallmentStatus.CANCELLED | InstallmentStatus.RESTRUCTURED>, InstallmentAction> = {
  [S.PENDING]: InstallmentAction.MARK_PENDING,
  [S.DUE]: InstallmentAction.MARK_DUE,
  [S.OVERDUE]: InstallmentAction.MARK_OVERDUE,
  [S.PAID]: InstallmentAction.MARK_PAID,
};

/**
 * Moves an installment to what the date and its money say, through the state machine (payments,
 * refunds and the pass all end here). Returns whether the status changed; `paidAt` follows PAID.
 */
export function applyStatus(i: InstallmentMoney & { paidAt: Date | null }, date: string, payable: boolean, now: Date): boolean {
  const target = statusOn(i, date, payable);
  if (target === i.status) return false;
  // statusOn keeps CANCELLED and RESTRUCTURED, so only the four live statuses are ever targets here.
  i.status = installmentMachine.apply(i.status as InstallmentStatus, ACTION_TO[target as keyof typeof ACTION_TO]);
  i.paidAt = target === S.PAID ? now : null;
  return true;
}
