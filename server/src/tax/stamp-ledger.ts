import { LockMode } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import type { AuthUser } from '../accounts/auth-user';
import { Role } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import { audit } from '../audit/audit';
import { badInput, conflict, notFound } from '../common/errors';
import { todayJakarta, ZONE } from '../common/time';
import { nextCounterValue } from '../db/counter.entity';
import type { DomainEvents } from '../events/domain-events';
import { findPage, type ListArgs } from '../graphql/pagination';
import { Installment } from '../installments/installment.entity';
import { isOpen, liveLines } from '../installments/rules';
import type { NotificationBus } from '../notifications/bus';
import { notifyMany } from '../notifications/notifications.service';
import { Order } from '../orders/order.entity';
import { StampDocumentKind, StampDutyBearer, StampDutyUse, StampQuotaPurchase, StampQuotaPurchaseStatus } from './stamp-ledger.entity';
import { taxPeriod } from './period';
import { quotaWarning } from './stamp-quota';

export interface StampQuotaConfig {
  /** e-Meterai bought before purchases were recorded here (the opening stock); 0 with no purchases: not tracked. */
  STAMP_QUOTA: number;
  STAMP_QUOTA_LOW: number;
}

export interface StampLedgerDeps {
  bus: NotificationBus;
  config: StampQuotaConfig & { STAMP_DUTY_BORNE_BY: 'COMPANY' | 'CUSTOMER'; publicUrl: string };
}

/** The counter whose value is how many e-Meterai the installation has used: taken under its row lock. */
const USED_COUNTER = 'stamp-duty-used';

/** e-Meterai bought by recorded purchases (on days from `from`, before `before`; all when absent), and what they cost. */
async function boughtQuota(em: EntityManager, config: StampQuotaConfig, range: { from?: string; before?: string } = {}) {
  const where: FilterQuery<StampQuotaPurchase> = { status: StampQuotaPurchaseStatus.RECORDED };
  if (range.from || range.before) where.purchasedOn = { ...(range.from ? { $gte: range.from } : {}), ...(range.before ? { $lt: range.before } : {}) };
  const purchases = await em.find(StampQuotaPurchase, where, { fields: ['quantity', 'pricePerStamp'] });
  return {
    stamps: purchases.reduce((n, p) => n + p.quantity, 0),
    cost: purchases.reduce((n, p) => n + BigInt(p.quantity) * p.pricePerStamp, 0n),
  };
}

/**
 * The line a customer-borne e-Meterai is added to: the order's next installment still to pay (the first
 * open line due on or after the day of use), else its last open line (all remaining ones are overdue).
 * Lines with only a late fee left are not "open" for this: their amount is settled.
 */
export function nextOpenLine<T extends Installment>(lines: T[], day: string): T | null {
  const open = lines.filter((i) => isOpen(i) && i.paidAmount < i.amount).sort((a, b) => a.number - b.number);
  return open.find((i) => i.dueDate >= day) ?? open.at(-1) ?? null;
}

/**
 * The one home of who bears an e-Meterai. With STAMP_DUTY_BORNE_BY=CUSTOMER the duty is added to the
 * order's next open installment (its `stampDuty`, `amount` and the order's total; no PPN), in the
 * emitting transaction, with the order and its lines locked as payments lock them; an order with no open
 * installment left (the last payment's own receipt) is not reopened for it: the company bears that one
 * and the ledger says so. Called only for a new ledger row, so each stamp is charged once.
 */
async function chargeStampDuty(em: EntityManager, row: StampDutyUse, orderId: string) {
  const order = await em.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!order) return;
  const lines = await em.find(Installment, { order, ...liveLines() }, { orderBy: { number: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  const line = nextOpenLine(lines, todayJakarta({ now: () => row.usedAt }));
  if (!line) {
    row.borneBy = StampDutyBearer.COMPANY;
    return;
  }
  line.stampDuty += row.amount;
  line.amount += row.amount;
  order.totalPrice += row.amount;
  row.chargedInstallmentId = line.id;
  row.chargedOrderId = order.id;
  row.chargedInstallmentNumber = line.number;
}

/** Records one e-Meterai in the ledger (idempotent per document and serial), charges it where the customer bears it, and warns ADMIN when the quota runs low. */
export async function recordStampUse(em: EntityManager, deps: StampLedgerDeps, use: Omit<StampDutyUse, 'id' | 'createdAt' | 'updatedAt' | 'ordinal' | 'borneBy' | 'chargedInstallmentId' | 'chargedOrderId' | 'chargedInstallmentNumber'>, orderId: string) {
  const seen = await em.findOne(StampDutyUse, { documentKind: use.documentKind, documentId: use.documentId, serial: use.serial });
  if (seen) return seen;
  const ordinal = await nextCounterValue(em, USED_COUNTER);
  const row = em.create(StampDutyUse, { ...use, ordinal, borneBy: deps.config.STAMP_DUTY_BORNE_BY as StampDutyBearer });
  if (row.borneBy === StampDutyBearer.CUSTOMER) await chargeStampDuty(em, row, orderId);
  em.persist(row);
  const bought = deps.config.STAMP_QUOTA + (await boughtQuota(em, deps.config)).stamps;
  const remaining = quotaWarning(bought, deps.config.STAMP_QUOTA_LOW, ordinal);
  if (remaining !== null) {
    const admins = await em.find(User, { role: Role.ADMIN, active: true });
    const url = `${deps.config.publicUrl}/admin/stamp-duty`;
    await notifyMany(em, deps, admins.map((admin) => ({
      recipient: admin,
      type: 'STAMP_QUOTA_LOW' as const,
      params: { staffName: admin.fullName ?? admin.username, remaining, quota: bought, url },
    })));
  }
  return row;
}

export function registerStampLedgerHandlers(events: DomainEvents, deps: StampLedgerDeps) {
  events.on('stampDuty.used', 'tax: stamp-duty ledger', (tx, p, meta) =>
    recordStampUse(
      tx,
      deps,
      {
        serial: p.serial,
        provider: p.provider,
        documentKind: p.documentKind as StampDocumentKind,
        documentId: p.documentId,
        documentNumber: p.documentNumber,
        customerId: p.customerId,
        usedAt: meta.at,
        amount: p.amount,
      },
      p.orderId,
    ).then(() => undefined),
  );
}

/** A month of Jakarta's calendar: its first day, the next month's first day, and the instants between. */
function monthOf(month: string) {
  const start = DateTime.fromISO(`${taxPeriod(month, 'month')}-01`, { zone: ZONE });
  const next = start.plus({ months: 1 });
  return { firstDay: start.toISODate()!, nextFirstDay: next.toISODate()!, from: start.toJSDate(), to: next.toJSDate() };
}

export interface StampLedgerFilter {
  month?: string | null;
  documentKind?: StampDocumentKind | null;
  borneBy?: StampDutyBearer | null;
}

export function listStampDutyUses(em: EntityManager, filter: StampLedgerFilter | undefined, args: ListArgs) {
  const where: FilterQuery<StampDutyUse> = {};
  if (filter?.month) {
    const m = monthOf(filter.month);
    where.usedAt = { $gte: m.from, $lt: m.to };
  }
  if (filter?.documentKind) where.documentKind = filter.documentKind;
  if (filter?.borneBy) where.borneBy = filter.borneBy;
  return findPage(em, StampDutyUse, where, args, { usedAt: 'usedAt', ordinal: 'ordinal', documentNumber: 'documentNumber', amount: 'amount' }, 'ordinal');
}

export interface StampDutyReport {
  month: string;
  lines: { documentKind: StampDocumentKind; borneBy: StampDutyBearer; stamps: number; amount: bigint }[];
  stamps: number;
  amount: bigint;
  /** Whether the quota is tracked at all (STAMP_QUOTA or a recorded purchase). */
  quotaTracked: boolean;
  quotaOpening: number;
  quotaPurchased: number;
  purchaseCost: bigint;
  quotaUsed: number;
  quotaClosing: number;
}

/** The month's stamp duty: stamps used by document and bearer, and the quota opening/purchased/used/closing. */
export async function stampDutyReport(em: EntityManager, config: StampQuotaConfig, month: string): Promise<StampDutyReport> {
  const m = monthOf(month);
  const conn = em.getConnection();
  const lines = await conn.execute<{ document_kind: StampDocumentKind; borne_by: StampDutyBearer; stamps: number; amount: string }[]>(
    `select document_kind, borne_by, count(*)::int as stamps, sum(amount)::text as amount from stamp_duty_ledger
      where used_at >= ? and used_at < ? group by document_kind, borne_by order by document_kind, borne_by`,
    [m.from, m.to],
  );
  const [{ before }] = await conn.execute<{ before: number }[]>(`select count(*)::int as before from stamp_duty_ledger where used_at < ?`, [m.from]);
  const boughtBefore = config.STAMP_QUOTA + (await boughtQuota(em, config, { before: m.firstDay })).stamps;
  const purchased = await boughtQuota(em, config, { from: m.firstDay, before: m.nextFirstDay });
  const used = lines.reduce((n, l) => n + l.stamps, 0);
  const quotaOpening = boughtBefore - before;
  return {
    month,
    lines: lines.map((l) => ({ documentKind: l.document_kind, borneBy: l.borne_by, stamps: l.stamps, amount: BigInt(l.amount) })),
    stamps: used,
    amount: lines.reduce((n, l) => n + BigInt(l.amount), 0n),
    quotaTracked: config.STAMP_QUOTA > 0 || (await em.count(StampQuotaPurchase, { status: StampQuotaPurchaseStatus.RECORDED })) > 0,
    quotaOpening,
    quotaPurchased: purchased.stamps,
    purchaseCost: purchased.cost,
    quotaUsed: used,
    quotaClosing: quotaOpening + purchased.stamps - used,
  };
}

/** The quota as it stands: bought (STAMP_QUOTA plus recorded purchases), used, remaining. */
export async function stampQuota(em: EntityManager, config: StampQuotaConfig) {
  const bought = config.STAMP_QUOTA + (await boughtQuota(em, config)).stamps;
  const used = await em.count(StampDutyUse, {});
  return { opening: config.STAMP_QUOTA, bought, used, remaining: bought - used, low: config.STAMP_QUOTA_LOW, tracked: bought > 0 };
}

export interface QuotaPurchaseInput {
  purchasedOn: string;
  quantity: number;
  pricePerStamp: bigint;
  reference: string;
}

/** ADMIN records e-Meterai quota bought from the distributor. A purchase dated in the future is refused. */
export async function recordQuotaPurchase(em: EntityManager, actor: AuthUser, today: string, input: QuotaPurchaseInput) {
  if (input.purchasedOn > today) throw badInput('purchasedOn', 'stampDuty.purchaseInFuture');
  const reference = input.reference.trim();
  if (!reference) throw badInput('reference', 'stampDuty.referenceRequired');
  return em.transactional(async (tx) => {
    const purchase = tx.create(StampQuotaPurchase, { purchasedOn: input.purchasedOn, quantity: input.quantity, pricePerStamp: input.pricePerStamp, reference, createdBy: actor.id });
    audit(tx, actor, 'stampDuty.quota.purchase', { entityType: 'StampQuotaPurchase', entityId: purchase.id }, {
      quantity: input.quantity, pricePerStamp: input.pricePerStamp, reference, purchasedOn: input.purchasedOn,
    });
    return purchase;
  });
}

/** ADMIN voids a purchase entered by mistake: it stops counting towards the quota; voiding twice is a CONFLICT. */
export async function voidQuotaPurchase(em: EntityManager, actor: AuthUser, id: string, reason: string) {
  const why = reason.trim();
  if (!why) throw badInput('reason', 'stampDuty.reasonRequired');
  return em.transactional(async (tx) => {
    const purchase = await tx.findOne(StampQuotaPurchase, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!purchase) throw notFound('stampDuty.purchaseNotFound');
    if (purchase.status !== StampQuotaPurchaseStatus.RECORDED) throw conflict('stampDuty.purchaseVoided', {}, { currentState: purchase.status });
    purchase.status = StampQuotaPurchaseStatus.VOIDED;
    purchase.voidReason = why;
    audit(tx, actor, 'stampDuty.quota.void', { entityType: 'StampQuotaPurchase', entityId: purchase.id }, { quantity: purchase.quantity, reference: purchase.reference, reason: why });
    return purchase;
  });
}
