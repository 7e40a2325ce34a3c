import type { EntityManager } from '@mikro-orm/postgresql';
import { selectRows } from '../db/plain-rows';
import { PAYABLE_SQL } from './owed-sql';
import { CLOSED_LINE_SQL, KEEPS_PAYMENTS_SQL, OPEN_SQL, OWED_SQL, overdueOnSql } from './rules';
import type { ScheduleSummary } from './summary';

/**
 * `summarize` (summary.ts) in SQL: the summaries of many orders from one statement grouped by order,
 * for a list that shows each order's summary and not its lines (the staff orders list: 50 orders
 * were 650 installment rows parsed and mapped per page, a quarter of the request's CPU). Built from
 * the rules' SQL forms (rules.ts, owed-sql.ts), line for line what `summarize` does with their
 * TypeScript forms; test/installments/summary-sql.test.ts proves the two equal on random schedules.
 * `o` orders, `i` installments, `d.day` the date.
 */
const ACTIVE = `not ${CLOSED_LINE_SQL}`;
// An order that cannot be paid yet (SPK not confirmed) is never late: `summarize`'s `payable`.
const LATE = `(o.status in ${PAYABLE_SQL} and ${overdueOnSql('d.day')})`;
const money = (expr: string, where: string) => `coalesce(sum(${expr}) filter (where ${where}), 0)::text`;

// Left join: an order without lines has a summary too (zeros, nothing next), as `summarize([])` says.
// What is due next is the open line with the lowest number: its number is an aggregate, and its date
// and amount are read from that one line by the (order, number) index, rather than kept in three
// sorted arrays of every open line per order (a third of the statement's time, 50 orders a page).
const SUMMARIES_SQL = `select g.*, i.due_date::text as next_due_date, ${OWED_SQL}::text as next_amount
  from (select o.id,
    count(i.id) filter (where ${ACTIVE})::int as installments_count,
    count(i.id) filter (where ${OPEN_SQL})::int as remaining_count,
    count(i.id) filter (where ${LATE})::int as overdue_count,
    ${money('i.paid_amount + i.late_fee_paid', KEEPS_PAYMENTS_SQL)} as paid_amount,
    ${money(OWED_SQL, OPEN_SQL)} as outstanding_amount,
    ${money(OWED_SQL, LATE)} as arrears_amount,
    min(i.number) filter (where ${OPEN_SQL}) as next_number
  from (select ?::date as day) d cross join orders o left join installments i on i.order_id = o.id
  where o.id = any(?) group by o.id) g
  left join installments i on i.order_id = g.id and i.number = g.next_number`;

interface SummaryRow {
  id: string;
  installments_count: number;
  remaining_count: number;
  overdue_count: number;
  paid_amount: string;
  outstanding_amount: string;
  arrears_amount: string;
  next_number: number | null;
  next_due_date: string | null;
  next_amount: string | null;
}

/** The summaries of `orderIds` on `today`, in the order of the ids (an Error for an id with no order). */
export async function summariesOf(em: EntityManager, orderIds: readonly string[], today: string): Promise<(ScheduleSummary | Error)[]> {
  const rows = await selectRows<SummaryRow>(em, SUMMARIES_SQL, [today, [...orderIds]]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return orderIds.map((id) => {
    const r = byId.get(id);
    return r ? toSummary(r) : new Error(`Order ${id} not found`);
  });
}

/**
 * The summary of the order of a page's row (aliased `p`) on the date bound to its one placeholder, as
 * JSON text: `SUMMARIES_SQL` for that one order, in the page's statement (graphql/page-extras.ts).
 */
export const PAGE_ROW_SUMMARY_SQL = `select row_to_json(s)::text from (${SUMMARIES_SQL.replace('o.id = any(?)', 'o.id = p.id')}) s`;

/** A summary from `PAGE_ROW_SUMMARY_SQL`'s answer (the same columns, as JSON). */
export const summaryFromJson = (text: string): ScheduleSummary => toSummary(JSON.parse(text) as SummaryRow);

function toSummary(r: SummaryRow): ScheduleSummary {
  return {
    installmentsCount: r.installments_count,
    paidCount: r.installments_count - r.remaining_count,
    remainingCount: r.remaining_count,
    paidAmount: BigInt(r.paid_amount),
    outstandingAmount: BigInt(r.outstanding_amount),
    overdueCount: r.overdue_count,
    arrearsAmount: BigInt(r.arrears_amount),
    nextDue: r.next_number === null ? null : { number: r.next_number, dueDate: r.next_due_date!, amount: BigInt(r.next_amount!) },
  };
}
