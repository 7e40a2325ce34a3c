import { accessRecord, isStaffUser, requirePermission, requireUser } from '../accounts/access';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import { User } from '../accounts/user.entity';
import { audit } from '../audit/audit';
import { AppError, badInput, notFound } from '../common/errors';
import { t } from '../common/messages';
import { todayJakarta, type Clock } from '../common/time';
import { Installment } from '../installments/installment.entity';
import { liveLines } from '../installments/rules';
import { summarize } from '../installments/summary';
import { OrderItem } from '../orders/order-item.entity';
import type { NotificationBus } from '../notifications/bus';
import { notify } from '../notifications/notifications.service';
import { OrderAction, OrderStatus, orderMachine } from '../orders/order-status';
import { Order } from '../orders/order.entity';
import { DriverError, type ProvisioningDriver, type ServiceSpec } from './drivers/driver';
import { ProvisioningState, Service, StaffTask, StaffTaskStatus, SuspensionEvent } from './service.entity';
import { ServiceAction, ServiceStatus, SuspensionCause, serviceMachine, type DriverAction } from './service-status';
import { appLinks } from '../common/app-links';
import type { EventDeps } from '../events/domain-events';

export const OS_TEMPLATES = ['ubuntu-24.04', 'ubuntu-22.04', 'debian-12', 'almalinux-9', 'rocky-9', 'windows-server-2022'] as const;

export interface HostingDeps extends EventDeps {
  clock: Clock;
  bus: NotificationBus;
  /** The driver for a product category (VMs: local or proxmox; dedicated and colocation: manual). */
  driverFor(category: string): ProvisioningDriver;
  driverByName(name: string): ProvisioningDriver;
}

const ref = (s: Service) => ({ entityType: 'Service', entityId: s.id });

/** Texts stored in the suspension history are written in the system's language, whoever's request caused them. */
import { storedText } from '../common/messages';

export { storedText };

const suspensionReasonText = (cause: SuspensionCause) =>
  storedText(cause === SuspensionCause.CUSTOMER_CHOICE ? 'suspension.customerChoice' : cause === SuspensionCause.NON_PAYMENT ? 'suspension.nonPayment' : 'suspension.admin');

export async function arrearsOf(em: EntityManager, orderId: string, clock: Clock) {
  const installments = await em.find(Installment, { order: orderId, ...liveLines() });
  return summarize(installments, todayJakarta(clock));
}

/**
 * The gate: a service exists only for a confirmed SPK whose down payment has settled (the order is
 * ACTIVE). Why not, in the reader's language, or null when the gate is open: the refusal of
 * createService and the reason the app shows beside a disabled "Buat layanan" are this one answer.
 */
export function serviceBlockedReason(order: Pick<Order, 'spkConfirmedAt' | 'status'>): { code: 'SPK_NOT_CONFIRMED' | 'ORDER_NOT_ACTIVE'; message: string } | null {
  if (!order.spkConfirmedAt) return { code: 'SPK_NOT_CONFIRMED', message: t('spk.notConfirmed') };
  if (order.status === OrderStatus.AWAITING_DOWN_PAYMENT) return { code: 'ORDER_NOT_ACTIVE', message: t('service.downPaymentFirst') };
  if (order.status !== OrderStatus.ACTIVE) return { code: 'ORDER_NOT_ACTIVE', message: t('service.orderNotActive') };
  return null;
}

function assertServiceAllowed(order: Order) {
  const blocked = serviceBlockedReason(order);
  if (blocked?.code === 'SPK_NOT_CONFIRMED') throw new AppError('SPK_NOT_CONFIRMED', blocked.message, { orderStatus: order.status });
  if (blocked) throw new AppError('CONFLICT', blocked.message, { currentState: order.status, reason: 'ORDER_NOT_ACTIVE' });
}

/** "The user can create their own web hosting": one service per order item, once the gate is open. */
export async function createService(em: EntityManager, deps: HostingDeps, user: AuthUser | null, input: { orderItemId: string; label: string; osTemplate?: string | null }) {
  const actor = requireUser(user);
  const label = input.label.trim().toLowerCase();
  if (!/^[a-z0-9]([a-z0-9-]{1,38}[a-z0-9])$/.test(label)) throw badInput('label', 'service.badLabel');
  return em.transactional(async (tx) => {
    const item = accessRecord(actor, await tx.findOne(OrderItem, input.orderItemId, { populate: ['order'] }), { owner: (r) => r.order.$.customer.id, notFound: 'order.notFound', permission: 'hosting.create' });
    const order = await tx.findOneOrFail(Order, item.order.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    assertServiceAllowed(order);
    if (await tx.count(Service, { orderItem: item })) throw new AppError('CONFLICT', t('service.exists'), { reason: 'SERVICE_EXISTS' });
    if (await tx.count(Service, { label })) throw new AppError('CONFLICT', t('service.labelTaken'), { field: 'label' });
    const vm = item.category === 'VPS' || item.category === 'CLOUD_SERVER';
    if (vm && !OS_TEMPLATES.includes(input.osTemplate as (typeof OS_TEMPLATES)[number])) {
      throw badInput('osTemplate', 'service.badOsTemplate', { options: OS_TEMPLATES.join(', ') });
    }
    const service = tx.create(Service, {
      order,
      orderItem: item,
      customer: order.customer,
      label,
      osTemplate: vm ? input.osTemplate! : null,
      driver: deps.driverFor(item.category).name,
    });
    audit(tx, actor, 'service.create', ref(service), { label, orderItemId: item.id, driver: service.driver });
    return service;
  });
}

export function specOf(service: Service, item: OrderItem): ServiceSpec {
  const specs = item.specs as { cpu?: string; ramGb?: number; storageGb?: number };
  const cores = Number(/(\d+)\s*v?CPU/i.exec(String(specs.cpu ?? ''))?.[1] ?? '') || null;
  return {
    serviceId: service.id,
    label: service.label,
    category: item.category,
    osTemplate: service.osTemplate,
    specs: { cpuCores: cores, ramGb: specs.ramGb ?? null, storageGb: specs.storageGb ?? null },
  };
}

/** How long one driver call may hold its claim before another process may try again (a crashed process's claim runs out). */
const DRIVER_LEASE_MS = 10 * 60_000;

/**
 * Claims the service's pending driver action before the driver runs, as the outbox claims deliveries:
 * the row is locked with SKIP LOCKED (a second claimer at the same moment skips it) and a lease is
 * written and committed (PENDING with `nextAttemptAt` in the future), so a second process, job run or
 * click finds it taken and never calls the driver twice. A FAILED action is claimed once its backoff
 * has passed, or at once when staff retry it (`force`); a live lease is never taken over.
 */
async function claimDriverAction(em: EntityManager, clock: Clock, serviceId: string, force: boolean): Promise<DriverAction | null> {
  return em.fork().transactional(async (tx) => {
    const now = clock.now();
    const [s] = await tx.find(
      Service,
      {
        id: serviceId,
        pendingAction: { $ne: null },
        $or: [
          { provisioning: ProvisioningState.PENDING, $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }] },
          { provisioning: ProvisioningState.FAILED, ...(force ? {} : { nextAttemptAt: { $lte: now } }) },
        ],
      },
      { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    if (!s) return null;
    s.provisioning = ProvisioningState.PENDING;
    s.nextAttemptAt = new Date(now.getTime() + DRIVER_LEASE_MS);
    return s.pendingAction;
  });
}

/**
 * Makes the real server match the service: runs the pending driver action outside any transaction
 * (drivers talk to the network), then records the outcome. A failure keeps the reason and schedules
 * a retry with backoff; the manual driver's answer becomes a staff task.
 */
export async function syncService(em: EntityManager, deps: HostingDeps, serviceId: string, opts: { force?: boolean } = {}): Promise<Service> {
  return (await runClaimedAction(em, deps, serviceId, opts)).service;
}

/** syncService, saying whether this call claimed the action and ran the driver. */
export async function runClaimedAction(em: EntityManager, deps: HostingDeps, serviceId: string, opts: { force?: boolean } = {}): Promise<{ service: Service; ran: boolean }> {
  const action = await claimDriverAction(em, deps.clock, serviceId, opts.force ?? false);
  const service = await em.findOneOrFail(Service, serviceId, { populate: ['orderItem'], refresh: true });
  if (!action) return { service, ran: false };
  const driver = deps.driverByName(service.driver);
  const spec = specOf(service, service.orderItem.$);
  let outcome: { ok: true; state: string; externalRef: string | null; detail?: string | null } | { ok: false; error: string; retryable: boolean; externalRef: string | null };
  try {
    const r = action === 'create' ? await driver.create(spec) : await driver[action](service.externalRef ?? '', spec);
    outcome = { ok: true, state: r.state, externalRef: r.externalRef, detail: r.detail };
  } catch (err) {
    const detail = err instanceof DriverError ? (err.detail as { vmCreated?: unknown; externalRef?: string } | undefined) : undefined;
    // A half-made VM (cloned, then sizing or start failed) must not be cloned again by a retry: staff finish or remove it.
    const halfMade = detail?.vmCreated === true;
    outcome = {
      ok: false,
      error: err instanceof Error ? err.message : String(err),
      retryable: !halfMade && (err instanceof DriverError ? err.retryable : true),
      externalRef: halfMade ? (detail?.externalRef ?? null) : null,
    };
  }
  const synced = await em.transactional(async (tx) => {
    const s = await tx.findOneOrFail(Service, serviceId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (s.pendingAction !== action) return s; // something newer was asked meanwhile; the next sync handles it
    const now = deps.clock.now();
    if (!outcome.ok) {
      if (outcome.externalRef) s.externalRef = outcome.externalRef;
      s.attempts += 1;
      s.lastError = outcome.error.slice(0, 2000);
      s.provisioning = ProvisioningState.FAILED;
      s.nextAttemptAt = outcome.retryable ? new Date(now.getTime() + Math.min(2 ** s.attempts, 60) * 60_000) : null;
      audit(tx, null, 'service.driver_failed', ref(s), { action, error: s.lastError, attempts: s.attempts });
      await deps.events.emit(tx, 'service.failed', { serviceId: s.id, orderId: s.order.id, customerId: s.customer.id, error: s.lastError, action, retrying: s.nextAttemptAt !== null }, { at: now });
      return s;
    }
    if (outcome.externalRef) s.externalRef = outcome.externalRef;
    if (outcome.state === 'PENDING_TASK') {
      s.provisioning = ProvisioningState.WAITING_FOR_STAFF;
      if (!(await tx.count(StaffTask, { service: s, action, status: StaffTaskStatus.OPEN }))) {
        tx.create(StaffTask, { service: s, action, instructions: outcome.detail ?? action });
      }
      return s;
    }
    await finishAction(tx, deps, s, action, null);
    return s;
  });
  return { service: synced, ran: true };
}

/** The driver's action is done (by the driver, or by staff for the manual one): the service is what it should be. */
async function finishAction(tx: EntityManager, deps: EventDeps & { clock: Clock }, s: Service, action: DriverAction, actor: AuthUser | null) {
  s.pendingAction = null;
  s.provisioning = ProvisioningState.IN_SYNC;
  s.lastError = null;
  s.attempts = 0;
  s.nextAttemptAt = null;
  if (action === 'create') {
    s.status = serviceMachine.apply(s.status, ServiceAction.ACTIVATE);
    await deps.events.emit(tx, 'service.activated', { serviceId: s.id, orderId: s.order.id, customerId: s.customer.id }, { actor, at: deps.clock.now() });
  }
}

/** Staff finished what the manual driver asked; the service now is what it should be. */
export async function completeStaffTask(em: EntityManager, deps: EventDeps & { clock: Clock }, actor: AuthUser, id: string, note: string | null) {
  return em.transactional(async (tx) => {
    const task = await tx.findOne(StaffTask, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!task) throw notFound('service.taskNotFound');
    if (task.status !== StaffTaskStatus.OPEN) throw new AppError('CONFLICT', t('service.taskClosed'), { currentState: task.status });
    task.status = StaffTaskStatus.DONE;
    task.completedAt = new Date();
    task.completedBy = tx.getReference(User, actor.id, { wrapped: true });
    task.note = note;
    if (!task.service) {
      // An end-of-contract request: done when staff have handled it; no service state follows.
      audit(tx, actor, 'service.task_done', { entityType: 'Order', entityId: task.order?.id ?? '' }, { taskId: task.id, action: task.action, note });
      if (task.contractRequestId && task.order) {
        await deps.events.emit(tx, 'contract.requestHandled', { requestId: task.contractRequestId, orderId: task.order.id, note }, { actorId: actor.id });
      }
      return task;
    }
    const s = await tx.findOneOrFail(Service, task.service.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (s.pendingAction === task.action) await finishAction(tx, deps, s, task.action, actor);
    audit(tx, actor, 'service.task_done', ref(s), { taskId: task.id, action: task.action, note });
    return task;
  });
}

function requestAction(tx: EntityManager, s: Service, action: DriverAction) {
  s.pendingAction = action;
  s.provisioning = ProvisioningState.PENDING;
  s.attempts = 0;
  s.lastError = null;
  s.nextAttemptAt = null;
}

/**
 * Suspends the order and its services ("page web hosting dimatikan"). The customer may choose it
 * when overdue; staff may do it for non-payment or other reasons. Returns the services to sync.
 */
export async function suspendOrder(em: EntityManager, deps: HostingDeps, user: AuthUser | null, orderId: string, reason: string | null) {
  const actor = requireUser(user);
  return em.transactional(async (tx) => {
    const order = accessRecord(actor, await tx.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE }), { owner: (r) => r.customer.id, notFound: 'order.notFound', permission: 'order.suspend' });
    let cause: SuspensionCause;
    if (isStaffUser(actor)) {
      cause = (await arrearsOf(tx, order.id, deps.clock)).arrearsAmount > 0n ? SuspensionCause.NON_PAYMENT : SuspensionCause.ADMIN;
    } else {
      // The seed's choice is for a customer past a due date: pay, or suspend.
      if ((await arrearsOf(tx, order.id, deps.clock)).arrearsAmount === 0n) throw new AppError('CONFLICT', t('service.notOverdue'), { reason: 'NOT_OVERDUE' });
      cause = SuspensionCause.CUSTOMER_CHOICE;
    }
    return applySuspension(tx, deps, order, actor, cause, reason);
  });
}

export async function applySuspension(tx: EntityManager, deps: EventDeps & { clock: Clock; bus: NotificationBus }, order: Order, actor: AuthUser | null, cause: SuspensionCause, reason: string | null) {
  const from = order.status;
  order.status = orderMachine.apply(order.status, OrderAction.SUSPEND);
  const services = await suspendServices(tx, deps, order, actor, cause, reason);
  audit(tx, actor, 'order.suspend', { entityType: 'Order', entityId: order.id }, { from, to: order.status, cause, reason, services: services.map((s) => s.id) });
  await deps.events.emit(tx, 'order.suspended', { orderId: order.id, customerId: order.customer.id, cause, reason }, { actor, at: deps.clock.now() });
  return { order, services };
}

/**
 * Suspends the order's active services with a history row, a driver action and a notice each. The
 * order's own move is the caller's (a suspension, or a refund of the down payment).
 */
export async function suspendServices(tx: EntityManager, deps: { bus: NotificationBus }, order: Order, actor: AuthUser | null, cause: SuspensionCause, reason: string | null) {
  const services = await tx.find(Service, { order, status: ServiceStatus.ACTIVE }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  for (const s of services) {
    s.status = serviceMachine.apply(s.status, ServiceAction.SUSPEND);
    s.suspensionCause = cause;
    requestAction(tx, s, 'suspend');
    tx.create(SuspensionEvent, { service: s, action: 'SUSPEND', cause, actor: actor ? tx.getReference(User, actor.id, { wrapped: true }) : null, actorRole: actor?.role ?? 'SYSTEM', reason });
  }
  const customer = await tx.findOneOrFail(User, order.customer.id);
  for (const s of services) {
    await notify(tx, deps, customer, 'SERVICE_SUSPENDED', { customerName: order.customerName, serviceLabel: s.label, reason: reason ?? suspensionReasonText(cause) }, { link: appLinks.customerOrder(order.id) });
  }
  return services;
}

/**
 * Lifts a suspension: an admin's second chance (with a payment deadline), or the system once the
 * arrears are settled. Returns the services to sync.
 */
export async function liftSuspension(tx: EntityManager, deps: EventDeps & { clock: Clock; bus: NotificationBus }, order: Order, actor: AuthUser | null, reason: string | null, payUntil: string | null) {
  const from = order.status;
  order.status = orderMachine.apply(order.status, OrderAction.UNSUSPEND);
  order.graceUntil = payUntil;
  const services = await resumeServices(tx, deps, order, actor, reason, payUntil);
  audit(tx, actor, 'order.unsuspend', { entityType: 'Order', entityId: order.id }, { from, to: order.status, reason, payUntil });
  await deps.events.emit(tx, 'order.unsuspended', { orderId: order.id, customerId: order.customer.id, payUntil }, { actor, at: deps.clock.now() });
  return { order, services };
}

/** Resumes the order's suspended services (only those `cause` names, when given), each with a history row and a notice. */
export async function resumeServices(tx: EntityManager, deps: { bus: NotificationBus }, order: Order, actor: AuthUser | null, reason: string | null, payUntil: string | null, cause?: SuspensionCause) {
  const services = await tx.find(Service, { order, status: ServiceStatus.SUSPENDED, ...(cause ? { suspensionCause: cause } : {}) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  for (const s of services) {
    s.status = serviceMachine.apply(s.status, ServiceAction.UNSUSPEND);
    s.suspensionCause = null;
    requestAction(tx, s, 'unsuspend');
    tx.create(SuspensionEvent, { service: s, action: 'UNSUSPEND', actor: actor ? tx.getReference(User, actor.id, { wrapped: true }) : null, actorRole: actor?.role ?? 'SYSTEM', reason, payUntil });
  }
  const customer = await tx.findOneOrFail(User, order.customer.id);
  for (const s of services) {
    await notify(tx, deps, customer, 'SERVICE_UNSUSPENDED', { customerName: order.customerName, serviceLabel: s.label, payUntil }, { link: appLinks.customerOrder(order.id) });
  }
  return services;
}

export async function unsuspendOrder(em: EntityManager, deps: HostingDeps, actor: AuthUser, orderId: string, payUntil: string | null, reason: string) {
  requirePermission(actor, 'order.manage');
  if (payUntil && payUntil < todayJakarta(deps.clock)) throw badInput('payUntil', 'service.deadlinePast');
  return em.transactional(async (tx) => {
    const order = await tx.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!order) throw notFound('order.notFound');
    return liftSuspension(tx, deps, order, actor, reason, payUntil);
  });
}

/** After a settlement: a suspension for non-payment ends by itself once nothing is overdue any more. */
export async function liftNonPaymentSuspensionIfSettled(tx: EntityManager, order: Order, deps: EventDeps & { clock: Clock; bus: NotificationBus }) {
  const { clock } = deps;
  if (order.status !== OrderStatus.SUSPENDED) return null;
  const suspended = await tx.find(Service, { order, status: ServiceStatus.SUSPENDED });
  if (suspended.some((s) => s.suspensionCause === SuspensionCause.ADMIN)) return null;
  if ((await arrearsOf(tx, order.id, clock)).arrearsAmount > 0n) return null;
  return liftSuspension(tx, deps, order, null, storedText('suspension.arrearsSettled'), null);
}

export async function terminateService(em: EntityManager, actor: AuthUser, id: string, reason: string) {
  return em.transactional(async (tx) => {
    const s = await tx.findOne(Service, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!s) throw notFound('service.notFound');
    const from = s.status;
    s.status = serviceMachine.apply(s.status, ServiceAction.TERMINATE);
    requestAction(tx, s, 'terminate');
    audit(tx, actor, 'service.terminate', ref(s), { from, reason });
    return s;
  });
}

