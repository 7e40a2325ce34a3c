import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '../../accounts/auth-user';
import { User } from '../../accounts/user.entity';
import { audit } from '../../audit/audit';
import { conflict, notFound } from '../../common/errors';
import { formatRupiah } from '../../money/rupiah';
import { Order } from '../../orders/order.entity';
import { PaymentMethod, PaymentStatus } from '../enums';
import { Payment } from '../payment.entity';
import { lockPayment, settleVerifiedTransfer, type SettleDeps } from '../payments.service';
import type { StatementCredit } from './parsers';
import { BankStatementLine, StatementLineStatus, type StatementSource } from './statement-line.entity';

export interface ReconciliationDeps extends SettleDeps {
  /** How many days after a transfer was started its credit may still be booked (STATEMENT_MATCH_WINDOW_DAYS). */
  matchWindowDays: number;
}

export interface ImportResult {
  lines: number;
  imported: number;
  duplicates: number;
  matched: number;
  unmatched: number;
}

/** Pending transfers started within the window before the booking date (a day's slack after it for late clocks). */
async function pendingTransfersIn(tx: EntityManager, bookedOn: string, windowDays: number, exactTotal?: bigint): Promise<string[]> {
  const rows = await tx.getConnection().execute<{ id: string }[]>(
    `select id from payments where method = 'BANK_TRANSFER' and status = 'PENDING'
        and (created_at at time zone 'Asia/Jakarta')::date between ?::date - ?::int and ?::date + 1
        ${exactTotal === undefined ? '' : 'and amount + unique_code = ?'}
      order by created_at limit 500`,
    [bookedOn, windowDays, bookedOn, ...(exactTotal === undefined ? [] : [exactTotal.toString()])],
    'all',
    tx.getTransactionContext(),
  );
  return rows.map((r) => r.id);
}

/**
 * Imports the credits of one statement. Each line is claimed by its hash (a line seen before, in this
 * import or any earlier one, is a duplicate and does nothing) and, in the same transaction, matched:
 * exactly one pending transfer whose amount plus unique code equals the credit, started within the
 * window, is settled through the path of a verified proof. Anything else stays in the reconciliation list.
 */
export async function importStatement(em: EntityManager, deps: ReconciliationDeps, actor: AuthUser | null, source: StatementSource, credits: StatementCredit[]): Promise<ImportResult> {
  const result: ImportResult = { lines: credits.length, imported: 0, duplicates: 0, matched: 0, unmatched: 0 };
  for (const credit of credits) {
    const outcome = await em.fork().transactional(async (tx) => {
      const inserted = await tx.getConnection().execute<{ id: string }[]>(
        `insert into bank_statement_lines (id, created_at, updated_at, source, line_hash, booked_on, amount, description, payer_name, status, imported_by_id)
         values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, ?, 'UNMATCHED', ?) on conflict (line_hash) do nothing returning id`,
        [source, credit.lineHash, credit.bookedOn, credit.amount.toString(), credit.description, credit.payerName, actor?.id ?? null],
        'all',
        tx.getTransactionContext(),
      );
      if (!inserted.length) return 'duplicate' as const;
      const line = await tx.findOneOrFail(BankStatementLine, inserted[0]!.id);
      const candidates = await pendingTransfersIn(tx, credit.bookedOn, deps.matchWindowDays, credit.amount);
      if (candidates.length !== 1) return 'unmatched' as const;
      const payment = await lockPayment(tx, { id: candidates[0]! });
      // Settled or rejected by FINANCE meanwhile: the line waits in the list.
      if (!payment || payment.status !== PaymentStatus.PENDING) return 'unmatched' as const;
      const settled = await settleVerifiedTransfer(tx, deps, payment, actor, { evidence: 'statement', statementLineId: line.id, source });
      line.payment = ref(payment);
      if (settled !== 'settled') {
        line.note = 'OVERPAYMENT';
        return 'unmatched' as const;
      }
      line.status = StatementLineStatus.MATCHED;
      audit(tx, actor, 'payment.statement.match', { entityType: 'Payment', entityId: payment.id }, { statementLineId: line.id, amount: credit.amount, bookedOn: credit.bookedOn, automatic: true });
      return 'matched' as const;
    });
    if (outcome === 'duplicate') result.duplicates++;
    else {
      result.imported++;
      result[outcome]++;
    }
  }
  return result;
}

export type SuggestionReason = 'EXACT_AMOUNT' | 'WITHOUT_CODE' | 'NEAR_AMOUNT' | 'SAME_NAME';

export interface MatchSuggestion {
  paymentId: string;
  reference: string;
  orderNumber: string;
  customerName: string;
  /** What the customer was asked to send (amount + unique code). */
  expected: bigint;
  /** Credit minus expected. */
  difference: bigint;
  reasons: SuggestionReason[];
}

/** How far off an amount may be to be offered (a mistyped digit in the thousands, a forgotten code). */
const NEAR_AMOUNT = 10_000n;
const nameTokens = (name: string) => new Set(name.toUpperCase().split(/[^A-Z]+/).filter((w) => w.length >= 3));

/**
 * Pending transfers an unmatched credit may be, best first: same total (several candidates), the
 * amount without its code, an amount off by at most Rp 10.000, or the sender's name sharing a word with
 * the customer's.
 */
export async function suggestionsFor(em: EntityManager, line: BankStatementLine, windowDays: number): Promise<MatchSuggestion[]> {
  if (line.status !== StatementLineStatus.UNMATCHED) return [];
  const ids = await pendingTransfersIn(em, line.bookedOn, windowDays);
  if (!ids.length) return [];
  const payments = await em.find(Payment, { id: { $in: ids } }, { populate: ['order'] });
  const payer = line.payerName ? nameTokens(line.payerName) : new Set<string>();
  const scored = payments.map((p) => {
    const order = p.order.$ as Order;
    const expected = p.amount + p.uniqueCode;
    const difference = line.amount - expected;
    const reasons: SuggestionReason[] = [];
    if (difference === 0n) reasons.push('EXACT_AMOUNT');
    else if (line.amount === p.amount) reasons.push('WITHOUT_CODE');
    else if (difference <= NEAR_AMOUNT && difference >= -NEAR_AMOUNT) reasons.push('NEAR_AMOUNT');
    if ([...nameTokens(order.customerName)].some((w) => payer.has(w))) reasons.push('SAME_NAME');
    const score = (reasons.includes('EXACT_AMOUNT') ? 8 : 0) + (reasons.includes('WITHOUT_CODE') ? 6 : 0) + (reasons.includes('NEAR_AMOUNT') ? 4 : 0) + (reasons.includes('SAME_NAME') ? 3 : 0);
    return { score, s: { paymentId: p.id, reference: p.reference, orderNumber: order.number, customerName: order.customerName, expected, difference, reasons } };
  });
  return scored
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || Number((a.s.difference < 0n ? -a.s.difference : a.s.difference) - (b.s.difference < 0n ? -b.s.difference : b.s.difference)))
    .slice(0, 5)
    .map((x) => x.s);
}

async function lockOpenLine(tx: EntityManager, id: string) {
  const line = await tx.findOne(BankStatementLine, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!line) throw notFound('statement.lineNotFound');
  if (line.status !== StatementLineStatus.UNMATCHED) throw conflict('statement.lineResolved', {}, { currentState: line.status });
  return line;
}

/**
 * FINANCE pairs an unmatched credit with a pending transfer (usually a suggestion): the transfer is
 * settled through the verified-proof path. The credit must cover the payment; what it carries beyond
 * the payment's amount is noted on the line.
 */
export async function matchStatementLine(em: EntityManager, deps: ReconciliationDeps, actor: AuthUser, lineId: string, paymentId: string) {
  return em.transactional(async (tx) => {
    const line = await lockOpenLine(tx, lineId);
    const payment = await lockPayment(tx, { id: paymentId });
    if (!payment || payment.method !== PaymentMethod.BANK_TRANSFER || payment.status !== PaymentStatus.PENDING) {
      throw conflict('statement.paymentNotPending', {}, { field: 'paymentId', currentState: payment?.status ?? null });
    }
    if (line.amount < payment.amount) {
      throw conflict('statement.amountShort', { received: formatRupiah(line.amount), expected: formatRupiah(payment.amount) }, { field: 'paymentId' });
    }
    const outcome = await settleVerifiedTransfer(tx, deps, payment, actor, { evidence: 'statement', statementLineId: line.id, source: line.source });
    if (outcome !== 'settled') throw conflict('payment.tooMuch', { max: formatRupiah(payment.amount) }, { reason: 'OVERPAYMENT' });
    line.status = StatementLineStatus.MATCHED;
    line.payment = ref(payment);
    line.resolvedBy = tx.getReference(User, actor.id, { wrapped: true });
    const extra = line.amount - payment.amount;
    if (extra > 0n) line.note = `selisih ${formatRupiah(extra)}`;
    audit(tx, actor, 'payment.statement.match', { entityType: 'Payment', entityId: payment.id }, { statementLineId: line.id, amount: line.amount, extra, automatic: false });
    return line;
  });
}

/** FINANCE takes a credit off the list (not a customer payment, or handled outside), saying why. */
export async function dismissStatementLine(em: EntityManager, actor: AuthUser, lineId: string, note: string) {
  return em.transactional(async (tx) => {
    const line = await lockOpenLine(tx, lineId);
    line.status = StatementLineStatus.DISMISSED;
    line.note = note.trim();
    line.resolvedBy = tx.getReference(User, actor.id, { wrapped: true });
    audit(tx, actor, 'payment.statement.dismiss', { entityType: 'BankStatementLine', entityId: line.id }, { note: line.note, amount: line.amount });
    return line;
  });
}
