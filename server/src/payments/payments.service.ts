import { accessRecord, requirePermission } from '../accounts/access';
import { randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import { User } from '../accounts/user.entity';
import { audit } from '../audit/audit';
import { AppError, badInput, conflict, notFound } from '../common/errors';
import { t } from '../common/messages';
import { todayJakarta, type Clock } from '../common/time';
import { Installment } from '../installments/installment.entity';
import { formatRupiah } from '../money/rupiah';
import { isPayable, OrderAction, orderMachine } from '../orders/order-status';
import { isDueBy, isOpen, liveLines } from '../installments/rules';
import { Order } from '../orders/order.entity';
import { allocate, outstanding } from './allocation';
import { AnomalyKind, PaymentAction, PaymentKind, PaymentMethod, PaymentStatus, paymentMachine } from './enums';
import { GatewayError, type ChargeRequest, type GatewayNotification, type PaymentGateway } from './gateways/gateway';
import { VirtualAccount, VirtualAccountStatus } from './virtual-account.entity';
import { Payment, PaymentAllocation } from './payment.entity';
import type { NotificationBus } from '../notifications/bus';
import { notify } from '../notifications/notifications.service';
import { PaymentAnomaly, WebhookEvent } from './webhook-event.entity';
import { appLinks } from '../common/app-links';
import type { EventDeps } from '../events/domain-events';


/** The gate of the SPK issue: before confirmation the API answers SPK_NOT_CONFIRMED, "SPK belum diconfirm admin". */
export function assertPayable(order: Order) {
  if (isPayable(order.status)) return;
  // Before the SPK is confirmed the order can still get there; a cancelled or completed one cannot.
  if (orderMachine.can(order.status, OrderAction.CONFIRM_SPK) || orderMachine.can(order.status, OrderAction.START_SPK)) {
    throw new AppError('SPK_NOT_CONFIRMED', t('spk.notConfirmed'), { orderStatus: order.status });
  }
  throw new AppError('CONFLICT', t('payment.orderClosed', { status: order.status }), { currentState: order.status });
}

const openInstallments = (em: EntityManager, orderId: string, lock = false) =>
  em.find(
    Installment,
    { order: orderId, ...liveLines() },
    { orderBy: { number: 'asc' }, ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) },
  );

/**
 * What the customer should pay now: everything due up to today, or, when nothing is due yet, the
 * next installment. Payoff (pelunasan) is everything still open, without a margin discount.
 */
export function amountDueNow(installments: Installment[], today: string, payoff: boolean): bigint {
  const open = installments.filter(isOpen);
  if (payoff) return outstanding(open);
  const due = open.filter((i) => isDueBy(i, today));
  return outstanding(due.length ? due : open.slice(0, 1));
}

export interface CreatePaymentArgs {
  orderId: string;
  method: PaymentMethod;
  amount?: bigint | null;
  payoff?: boolean | null;
  idempotencyKey?: string | null;
}

export type UniqueCodeMode = 'fee' | 'refund' | 'off';

export interface PaymentDeps {
  clock: Clock;
  gateway: PaymentGateway;
  publicUrl: string;
  /** QRIS is offered up to this amount per payment (QRIS_MAX_AMOUNT); above it the virtual account. */
  qrisMaxAmount: bigint;
  /** Whether bank transfers get a three-digit code added (TRANSFER_UNIQUE_CODE). */
  uniqueCode: UniqueCodeMode;
}

/** Our payment reference: also the gateway's order id, so it stays short and URL-safe. */
export function newPaymentReference(clock: Clock): string {
  return `PAY-${todayJakarta(clock).replace(/-/g, '')}-${randomBytes(5).toString('hex').toUpperCase()}`;
}

/**
 * A code from 1 to 999 such that amount + code is no other pending transfer's exact amount, so a bank
 * statement credit of that amount names one payment. Runs under a transaction-scoped advisory lock:
 * two customers starting a transfer of the same amount at once cannot draw the same code.
 */
async function pickUniqueCode(tx: EntityManager, amount: bigint): Promise<bigint> {
  const conn = tx.getConnection();
  // The driver's transaction is typed `any`: passed along as it is, never read here.
  const ctx: unknown = tx.getTransactionContext();
  await conn.execute(`select pg_advisory_xact_lock(hashtext('payments.unique_code'))`, [], 'all', ctx);
  const taken = await conn.execute<{ total: string }[]>(
    `select (amount + unique_code)::text as total from payments
      where method = 'BANK_TRANSFER' and status = 'PENDING' and amount + unique_code between ? and ?`,
    [(amount + 1n).toString(), (amount + 999n).toString()],
    'all',
    ctx,
  );
  const used = new Set(taken.map((r) => BigInt(r.total) - amount));
  const free: bigint[] = [];
  for (let c = 1n; c <= 999n; c++) if (!used.has(c)) free.push(c);
  // All 999 taken by pending transfers of this very amount: FINANCE matches by hand (proof or suggestion).
  if (!free.length) return 0n;
  return free[randomBytes(2).readUInt16BE(0) % free.length]!;
}

export async function createPayment(em: EntityManager, deps: PaymentDeps, user: AuthUser | null, args: CreatePaymentArgs): Promise<Payment> {
  const actor = requirePermission(user, 'payment.create');
  if (args.idempotencyKey) {
    const existing = await em.findOne(Payment, { createdBy: actor.id, idempotencyKey: args.idempotencyKey });
    if (existing) {
      if (existing.order.id !== args.orderId) throw new AppError('CONFLICT', t('payment.idempotencyReused'), { field: 'idempotencyKey' });
      return existing;
    }
  }
  // Someone else's order answers exactly like an id that does not exist: its existence is not told.
  const order = accessRecord(actor, await em.findOne(Order, args.orderId), { owner: (r) => r.customer.id, notFound: 'order.notFound' });
  assertPayable(order);
  const installments = await openInstallments(em, order.id);
  const open = outstanding(installments);
  if (open === 0n) throw new AppError('CONFLICT', t('payment.nothingDue'));
  const amount = args.payoff ? open : (args.amount ?? amountDueNow(installments, todayJakarta(deps.clock), false));
  if (amount <= 0n) throw badInput('amount', 'validation.moneyPositive', { field: 'amount' });
  if (amount > open) throw badInput('amount', 'payment.tooMuch', { max: formatRupiah(open) });

  if (args.method === PaymentMethod.VIRTUAL_ACCOUNT) throw badInput('method', 'payment.vaNotCreatable');
  if (args.method === PaymentMethod.QRIS && amount > deps.qrisMaxAmount) {
    // Not an error of the customer's making: the answer says why and where to pay instead.
    const va = await em.findOne(VirtualAccount, { order: order.id, status: VirtualAccountStatus.ACTIVE });
    throw new AppError(
      'QRIS_LIMIT_EXCEEDED',
      t('payment.qrisLimit', { max: formatRupiah(deps.qrisMaxAmount), amount: formatRupiah(amount), va: va?.number ? ` (${va.bankCode} ${va.number})` : '' }),
      { field: 'method', max: deps.qrisMaxAmount.toString(), amount: amount.toString(), virtualAccount: va?.number ?? null, bankCode: va?.bankCode ?? null },
    );
  }

  const now = deps.clock.now();
  const online = args.method === PaymentMethod.GATEWAY || args.method === PaymentMethod.QRIS;
  const created = await em.transactional(async (tx) => {
    const uniqueCode = args.method === PaymentMethod.BANK_TRANSFER && deps.uniqueCode !== 'off' ? await pickUniqueCode(tx, amount) : 0n;
    const p = tx.create(Payment, {
      order: order.id,
      reference: newPaymentReference(deps.clock),
      amount,
      uniqueCode,
      method: args.method,
      kind: args.payoff ? PaymentKind.PAYOFF : PaymentKind.INSTALLMENTS,
      idempotencyKey: args.idempotencyKey ?? null,
      createdBy: actor.id,
      expiresAt: online ? new Date(now.getTime() + 24 * 3_600_000) : null,
    });
    audit(tx, actor, 'payment.create', { entityType: 'Payment', entityId: p.id }, { orderId: order.id, amount, method: args.method, kind: p.kind, ...(uniqueCode ? { uniqueCode } : {}) });
    return p.id;
  });
  const payment = await em.findOneOrFail(Payment, created);

  if (online) {
    // The row exists before the provider hears of it, so a webhook can never arrive for a payment we do not know.
    try {
      const charge: ChargeRequest = {
        reference: payment.reference,
        amount,
        description: `Pembayaran ${order.number}`,
        customer: { name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
        items: [{ id: order.number, name: `Cicilan ${order.number}`, price: amount, quantity: 1 }],
        expiresInSeconds: 24 * 3600,
        successUrl: `${deps.publicUrl}${appLinks.customerOrder(order.id)}`,
        failureUrl: `${deps.publicUrl}${appLinks.customerOrder(order.id)}`,
      };
      if (args.method === PaymentMethod.QRIS) {
        const qr = await deps.gateway.createQris(charge);
        payment.provider = qr.provider;
        payment.providerReference = qr.providerReference;
        payment.qrString = qr.qrString;
        payment.redirectUrl = qr.redirectUrl;
      } else {
        const result = await deps.gateway.createCharge(charge);
        payment.provider = result.provider;
        payment.providerReference = result.providerReference;
        payment.redirectUrl = result.redirectUrl;
      }
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      payment.status = paymentMachine.apply(payment.status, PaymentAction.EXPIRE);
      payment.rejectionReason = `gateway: ${err.message}`.slice(0, 500);
      await em.flush();
      throw new AppError('PAYMENT_GATEWAY_ERROR', t('payment.gatewayFailed'), { paymentId: payment.id });
    }
    await em.flush();
  }
  return payment;
}

export type SettleOutcome = 'settled' | 'duplicate' | 'anomaly';

export interface SettleDeps extends EventDeps {
  clock: Clock;
  bus: NotificationBus;
  /** What happens to a transfer's unique code once it settles (default: kept as a fee). */
  uniqueCode?: UniqueCodeMode;
}

/**
 * Applies a payment to its order's installments, inside the caller's transaction, with the payment
 * and the installments locked: oldest first, late fee before amount. A payment larger than what is
 * open is not applied at all but recorded as an anomaly, so settled payments always equal allocations.
 */
export async function settleLocked(tx: EntityManager, deps: SettleDeps, payment: Payment, actor: AuthUser | null, now: Date, provider: string): Promise<SettleOutcome> {
  if (payment.status === PaymentStatus.SETTLED) return 'duplicate';
  const order = await tx.findOneOrFail(Order, payment.order.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const installments = await openInstallments(tx, order.id, true);
  // Money for an order that no longer owes any (cancelled meanwhile, or closed) lands on nothing: an anomaly.
  const { allocations, remainder } = allocate(payment.amount, isPayable(order.status) ? installments : []);
  if (remainder > 0n) {
    // Once per payment: FINANCE clicking "settle" again must not file the same money twice.
    if (!(await tx.count(PaymentAnomaly, { payment, kind: AnomalyKind.OVERPAYMENT }))) {
      tx.create(PaymentAnomaly, {
        kind: AnomalyKind.OVERPAYMENT,
        payment,
        provider,
        reference: payment.reference,
        expected: payment.amount - remainder,
        received: payment.amount,
        details: { open: (payment.amount - remainder).toString(), orderStatus: order.status },
      });
    }
    return 'anomaly';
  }
  const byId = new Map(installments.map((i) => [i.id, i]));
  for (const a of allocations) {
    const inst = byId.get(a.installmentId)!;
    inst.paidAmount += a.principal;
    inst.lateFeePaid += a.lateFee;
    tx.create(PaymentAllocation, { payment, installment: inst, principal: a.principal, lateFee: a.lateFee });
  }
  payment.status = paymentMachine.apply(payment.status, PaymentAction.SETTLE);
  payment.settledAt = now;
  // The order follows its money here (the orders domain's handler; its move is audited there).
  await deps.events.emit(tx, 'payment.settled', { paymentId: payment.id, orderId: order.id, customerId: order.customer.id, amount: payment.amount, method: payment.method }, { actor, at: now });
  audit(tx, actor, 'payment.settle', { entityType: 'Payment', entityId: payment.id }, {
    orderId: order.id,
    amount: payment.amount,
    allocations: allocations.map((a) => ({ installmentId: a.installmentId, principal: a.principal, lateFee: a.lateFee })),
  });
  const customer = await tx.findOneOrFail(User, order.customer.id);
  const va = await tx.findOne(VirtualAccount, { order: order.id, status: VirtualAccountStatus.ACTIVE });
  await notify(tx, deps, customer, 'PAYMENT_SETTLED', { customerName: order.customerName, orderNumber: order.number, amount: payment.amount, reference: payment.reference, virtualAccount: va ? `${va.bankCode} ${va.number}` : null }, { link: appLinks.customerOrder(order.id) });
  return 'settled';
}

export async function lockPayment(tx: EntityManager, where: { id: string } | { reference: string }) {
  return tx.findOne(Payment, where, { lockMode: LockMode.PESSIMISTIC_WRITE });
}

/**
 * A bank transfer FINANCE has seen arrive (its proof checked against the statement, or its statement
 * line matched): the one path both take. Inside the caller's transaction with the payment locked.
 * With TRANSFER_UNIQUE_CODE=refund the code the customer added is filed for FINANCE to send back.
 */
export async function settleVerifiedTransfer(tx: EntityManager, deps: SettleDeps, payment: Payment, actor: AuthUser | null, evidence: Record<string, unknown>) {
  paymentMachine.apply(payment.status, PaymentAction.SETTLE);
  const outcome = await settleLocked(tx, deps, payment, actor, deps.clock.now(), 'manual');
  if (outcome !== 'settled') return outcome;
  if (actor) payment.verifiedBy = tx.getReference(User, actor.id, { wrapped: true });
  payment.verifiedAt = deps.clock.now();
  if (payment.uniqueCode > 0n && deps.uniqueCode === 'refund') {
    tx.create(PaymentAnomaly, {
      kind: AnomalyKind.UNIQUE_CODE_REFUND,
      payment,
      provider: 'manual',
      reference: payment.reference,
      expected: payment.amount,
      received: payment.amount + payment.uniqueCode,
      details: { uniqueCode: payment.uniqueCode.toString(), ...evidence },
    });
  }
  return outcome;
}

/**
 * FINANCE confirms a bank transfer after checking the proof against the bank statement. A transfer
 * larger than what is open is not applied: the OVERPAYMENT anomaly is committed for FINANCE (as the
 * webhook path does), the payment stays PENDING (to reject, or to resolve with the anomaly), and the
 * answer is a CONFLICT saying how much is open.
 */
export async function settleManually(em: EntityManager, deps: SettleDeps, actor: AuthUser, id: string) {
  const result = await em.transactional(async (tx) => {
    const payment = await lockPayment(tx, { id });
    if (!payment) throw notFound('payment.notFound');
    if (payment.method !== PaymentMethod.BANK_TRANSFER) throw badInput('id', 'payment.notTransfer');
    if (!payment.proof) throw new AppError('CONFLICT', t('payment.proofMissing'));
    const outcome = await settleVerifiedTransfer(tx, deps, payment, actor, { evidence: 'proof' });
    if (outcome === 'anomaly') {
      const anomaly = await tx.findOneOrFail(PaymentAnomaly, { payment, kind: AnomalyKind.OVERPAYMENT }, { orderBy: { createdAt: 'desc' } });
      return { payment, overpayment: anomaly };
    }
    return { payment, overpayment: null };
  });
  if (result.overpayment) {
    const open = result.overpayment.expected ?? 0n;
    throw new AppError('CONFLICT', t('payment.tooMuch', { max: formatRupiah(open) }), { reason: 'OVERPAYMENT', anomalyId: result.overpayment.id, open: open.toString() });
  }
  return result.payment;
}

export async function rejectPayment(em: EntityManager, deps: SettleDeps, actor: AuthUser, id: string, reason: string) {
  const { clock } = deps;
  return em.transactional(async (tx) => {
    const payment = await lockPayment(tx, { id });
    if (!payment) throw notFound('payment.notFound');
    payment.status = paymentMachine.apply(payment.status, PaymentAction.REJECT);
    payment.rejectionReason = reason.trim();
    payment.verifiedBy = tx.getReference(User, actor.id, { wrapped: true });
    payment.verifiedAt = clock.now();
    audit(tx, actor, 'payment.reject', { entityType: 'Payment', entityId: payment.id }, { reason: payment.rejectionReason });
    const order = await tx.findOneOrFail(Order, payment.order.id);
    const customer = await tx.findOneOrFail(User, order.customer.id);
    await notify(tx, deps, customer, 'PAYMENT_REJECTED', { customerName: order.customerName, orderNumber: order.number, amount: payment.amount, reason: payment.rejectionReason ?? '-' }, { link: appLinks.customerOrder(order.id) });
    return payment;
  });
}

/**
 * Takes a settled payment's money back off its installments; the allocations stay, marked reversed.
 * The installments' statuses and the order's state then follow the money at once (a refunded down
 * payment takes the order back to AWAITING_DOWN_PAYMENT), and the customer is told.
 */
async function refundLocked(tx: EntityManager, deps: SettleDeps, payment: Payment, actor: AuthUser | null, now: Date, reason: string) {
  payment.status = paymentMachine.apply(payment.status, PaymentAction.REFUND);
  const order = await tx.findOneOrFail(Order, payment.order.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  await openInstallments(tx, payment.order.id, true);
  const allocations = await tx.find(PaymentAllocation, { payment, reversedAt: null }, { populate: ['installment'] });
  for (const a of allocations) {
    const inst = a.installment.$;
    inst.paidAmount -= a.principal;
    inst.lateFeePaid -= a.lateFee;
    a.reversedAt = now;
  }
  payment.rejectionReason = reason;
  // The order follows its money here (the orders domain's handler; its move is audited there).
  await deps.events.emit(tx, 'payment.refunded', { paymentId: payment.id, orderId: order.id, customerId: order.customer.id, amount: payment.amount }, { actor, at: now });
  audit(tx, actor, 'payment.refund', { entityType: 'Payment', entityId: payment.id }, { reason, amount: payment.amount });
  const customer = await tx.findOneOrFail(User, order.customer.id);
  await notify(tx, deps, customer, 'PAYMENT_REFUNDED', { customerName: order.customerName, orderNumber: order.number, amount: payment.amount, reference: payment.reference, reason }, { link: appLinks.customerOrder(order.id) });
}

export async function refundPayment(em: EntityManager, deps: SettleDeps, actor: AuthUser, id: string, reason: string) {
  const { clock } = deps;
  return em.transactional(async (tx) => {
    const payment = await lockPayment(tx, { id });
    if (!payment) throw notFound('payment.notFound');
    await refundLocked(tx, deps, payment, actor, clock.now(), reason.trim());
    return payment;
  });
}

/**
 * FINANCE closes an anomaly once the money is dealt with outside the allocation rule (refunded at the
 * gateway, applied by hand as a new payment, ...): what was done is kept with who did it and when.
 * Resolving twice is a CONFLICT, so two staff cannot record different outcomes for the same money.
 */
export async function resolveAnomaly(em: EntityManager, deps: { clock: Clock }, actor: AuthUser, id: string, resolution: string) {
  return em.transactional(async (tx) => {
    const anomaly = await tx.findOne(PaymentAnomaly, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!anomaly) throw notFound('payment.anomalyNotFound');
    if (anomaly.resolvedAt) throw conflict('payment.anomalyResolved', {}, { currentState: 'RESOLVED' });
    anomaly.resolution = resolution.trim();
    anomaly.resolvedAt = deps.clock.now();
    anomaly.resolvedBy = tx.getReference(User, actor.id, { wrapped: true });
    audit(tx, actor, 'payment.anomaly.resolve', { entityType: 'PaymentAnomaly', entityId: anomaly.id }, { resolution: anomaly.resolution, reference: anomaly.reference });
    return anomaly;
  });
}

export type WebhookOutcome = 'duplicate' | 'settled' | 'anomaly' | 'unknown' | 'expired' | 'rejected' | 'refunded' | 'ignored';

/**
 * One gateway notification, exactly once. The event row's unique key is claimed first: a second
 * delivery (even concurrent: it waits on the first's insert) finds it taken and does nothing.
 */
/**
 * Claims a provider event's key inside the caller's transaction: the event row when this delivery is
 * the first, null when another delivery (even a concurrent one: it waits on the first's insert) took it.
 */
export async function claimEvent(tx: EntityManager, provider: string, eventKey: string, raw: Record<string, unknown>): Promise<WebhookEvent | null> {
  const claimed = await tx
    .getConnection()
    .execute<{ id: string }[]>(
      `insert into webhook_events (id, created_at, updated_at, provider, event_key, payload, outcome)
       values (gen_random_uuid(), now(), now(), ?, ?, ?, 'received') on conflict (provider, event_key) do nothing returning id`,
      [provider, eventKey.slice(0, 200), JSON.stringify(raw)],
      'all',
      tx.getTransactionContext(),
    );
  return claimed.length ? tx.findOneOrFail(WebhookEvent, claimed[0]!.id) : null;
}

export async function handleGatewayNotification(em: EntityManager, deps: SettleDeps, n: GatewayNotification): Promise<WebhookOutcome> {
  const { clock } = deps;
  return em.transactional(async (tx) => {
    const event = await claimEvent(tx, n.provider, n.eventKey, n.raw);
    if (!event) return 'duplicate';
    const finish = (outcome: WebhookOutcome) => {
      event.outcome = outcome;
      return outcome;
    };
    const payment = await lockPayment(tx, { reference: n.reference });
    const anomaly = (kind: AnomalyKind, expected: bigint | null) =>
      tx.create(PaymentAnomaly, { kind, payment, provider: n.provider, reference: n.reference, expected, received: n.amount, details: n.raw });
    // A gateway speaks only for payments made through it: a bank transfer is settled by FINANCE
    // alone, and one provider's event never settles another provider's payment.
    if (!payment || !(payment.method === PaymentMethod.GATEWAY || payment.method === PaymentMethod.QRIS) || payment.provider !== n.provider) {
      anomaly(AnomalyKind.UNKNOWN_REFERENCE, null);
      return finish('unknown');
    }
    event.payment = payment as never;
    if (n.amount !== payment.amount) {
      anomaly(AnomalyKind.AMOUNT_MISMATCH, payment.amount);
      return finish('anomaly');
    }
    const now = clock.now();
    switch (n.status) {
      case 'SETTLED':
        if (payment.status === PaymentStatus.EXPIRED || payment.status === PaymentStatus.REJECTED) {
          anomaly(AnomalyKind.LATE_SETTLEMENT, payment.amount);
          return finish('anomaly');
        }
        if (payment.status === PaymentStatus.REFUNDED) return finish('ignored');
        return finish(await settleLocked(tx, deps, payment, null, now, n.provider));
      case 'EXPIRED':
      case 'FAILED':
        if (payment.status !== PaymentStatus.PENDING) return finish('ignored');
        payment.status = paymentMachine.apply(payment.status, n.status === 'EXPIRED' ? PaymentAction.EXPIRE : PaymentAction.REJECT);
        payment.rejectionReason = `${n.provider}: ${n.status.toLowerCase()}`;
        return finish(n.status === 'EXPIRED' ? 'expired' : 'rejected');
      case 'REFUNDED':
        if (payment.status !== PaymentStatus.SETTLED) return finish('ignored');
        await refundLocked(tx, deps, payment, null, now, `${n.provider}: refund`);
        return finish('refunded');
      default:
        return finish('ignored');
    }
  });
}
