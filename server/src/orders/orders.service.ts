import { accessRecord, isStaffUser, requirePermission, requireUser } from '../accounts/access';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import { isStaff } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import { audit } from '../audit/audit';
import { scheduleOrThrow } from '../catalog/catalog.service';
import { InstallmentPlan } from '../catalog/installment-plan.entity';
import { Product } from '../catalog/product.entity';
import { AppError, badInput, conflict, forbidden, notFound } from '../common/errors';
import { normalizePhoneID } from '../common/id-formats';
import { t } from '../common/messages';
import { todayJakarta, type Clock } from '../common/time';
import { nextCounterValue } from '../db/counter.entity';
import type { ColumnOf, Plain, PlainCondition } from '../db/plain-rows';
import { findPlainPage, type ListArgs, type RowsAhead } from '../graphql/pagination';
import { Installment } from '../installments/installment.entity';
import { buildSchedule } from '../installments/schedule';
import { InstallmentAction, installmentMachine, liveLines, overdueOnSql } from '../installments/rules';
import { CartItem } from './cart-item.entity';
import type { NotificationBus } from '../notifications/bus';
import { notify } from '../notifications/notifications.service';
import type { AddToCartInput, CheckoutInput, OrderFilter } from './inputs';
import { OrderItem, type PlanTermsSnapshot } from './order-item.entity';
import { OrderAction, orderMachine } from './order-status';
import { PAYABLE_SQL } from '../installments/owed-sql';
import { Order } from './order.entity';
import { secondChanceEndingSql } from './second-chance';
import { appLinks } from '../common/app-links';
import { vatTermsFrom, type TaxConfig } from '../tax/vat';
import type { EventDeps } from '../events/domain-events';
import { ordersCounted } from '../reports/dashboard-book';

/** What the order moves need: the clock and the domain events they emit. */
export interface OrderDeps extends EventDeps {
  clock: Clock;
}

const MAX_UNITS = 20;
const ref = (o: Order) => ({ entityType: 'Order', entityId: o.id });

export async function addToCart(em: EntityManager, actor: AuthUser, input: AddToCartInput) {
  const product = await em.findOne(Product, { id: input.productId, active: true });
  if (!product) throw notFound('product.notFound');
  const plan = await em.findOne(InstallmentPlan, { id: input.planId, active: true });
  if (!plan) throw notFound('plan.notFound');
  if (plan.product.id !== product.id) throw badInput('planId', 'plan.notForProduct');
  let item = await em.findOne(CartItem, { customer: actor.id, product, plan });
  const quantity = (item?.quantity ?? 0) + input.quantity;
  if (quantity > MAX_UNITS) throw badInput('quantity', 'cart.tooMany', { max: MAX_UNITS });
  if (item) item.quantity = quantity;
  else item = em.create(CartItem, { customer: actor.id, product, plan, quantity });
  await em.flush();
  return item;
}

export async function setCartQuantity(em: EntityManager, actor: AuthUser, id: string, quantity: number) {
  const item = await em.findOne(CartItem, { id, customer: actor.id });
  if (!item) throw notFound('cart.itemNotFound');
  if (quantity > MAX_UNITS) throw badInput('quantity', 'cart.tooMany', { max: MAX_UNITS });
  if (quantity < 1) em.remove(item);
  else item.quantity = quantity;
  await em.flush();
  return quantity < 1 ? null : item;
}

export function myCart(em: EntityManager, actor: AuthUser) {
  return em.find(CartItem, { customer: actor.id }, { populate: ['product', 'plan'], orderBy: { createdAt: 'asc', id: 'asc' } });
}

function termsSnapshot(plan: InstallmentPlan): PlanTermsSnapshot {
  return {
    planName: plan.name,
    tenorMonths: plan.tenorMonths,
    downPaymentType: plan.downPaymentType,
    downPaymentValue: plan.downPaymentValue.toString(),
    marginBpsPerMonth: plan.marginBpsPerMonth,
    adminFee: plan.adminFee.toString(),
    lateFeeGraceDays: plan.lateFeeGraceDays,
    lateFeeType: plan.lateFeeType,
    lateFeeValue: plan.lateFeeValue.toString(),
    lateFeeCap: plan.lateFeeCap?.toString() ?? null,
    autoSuspendAfterDays: plan.autoSuspendAfterDays,
  };
}

/**
 * Turns the cart into orders, one per cart line (a plan belongs to one product, and one order has one
 * schedule and one SPK). Each unit becomes its own item; the order's schedule comes from the same
 * buildSchedule call as the quote (one unit's schedule times the quantity), so item totals add up to the
 * order total and the quote is the order, line for line. All or nothing.
 */
export async function checkout(em: EntityManager, deps: OrderDeps, actor: AuthUser, input: CheckoutInput, taxConfig: TaxConfig): Promise<Order[]> {
  const { clock } = deps;
  return em.transactional(async (tx) => {
    const customer = await tx.findOneOrFail(User, actor.id);
    const lines = await tx.find(CartItem, { customer: actor.id }, { populate: ['product', 'plan'], orderBy: { createdAt: 'asc', id: 'asc' } });
    if (!lines.length) throw badInput('cart', 'cart.empty');
    const phone = input.customerPhone ? normalizePhoneID(input.customerPhone) : customer.phone;
    if (!phone) throw badInput('customerPhone', 'validation.phone');
    const startDate = todayJakarta(clock);
    const month = startDate.slice(0, 7);
    const orders: Order[] = [];
    for (const line of lines) {
      const product = line.product.$;
      const plan = line.plan.$;
      if (!product.active || !plan.active) {
        throw new AppError('CONFLICT', t('cart.unavailable', { name: `${product.name} / ${plan.name}` }), { cartItemId: line.id });
      }
      const vatTerms = vatTermsFrom(taxConfig, product.pricesIncludeVat);
      const schedule = scheduleOrThrow(() => buildSchedule(product, plan, startDate, line.quantity, vatTerms));
      const seq = await nextCounterValue(tx, `order:${month}`);
      const order = tx.create(Order, {
        number: `ORD-${month.replace('-', '')}-${String(seq).padStart(6, '0')}`,
        customer,
        customerName: input.customerName?.trim() || customer.fullName,
        customerPhone: phone,
        customerEmail: customer.email,
        totalPrice: schedule.totalPrice,
        vatTerms,
        startDate,
        notes: input.notes?.trim() || null,
        lateFeeGraceDays: plan.lateFeeGraceDays,
        lateFeeType: plan.lateFeeType,
        lateFeeValue: plan.lateFeeValue,
        lateFeeCap: plan.lateFeeCap,
        autoSuspendAfterDays: plan.autoSuspendAfterDays,
      });
      for (let position = 1; position <= line.quantity; position++) {
        tx.create(OrderItem, {
          order,
          position,
          product,
          plan,
          productName: product.name,
          category: product.category,
          specs: { ...product.specs },
          planTerms: termsSnapshot(plan),
          cashPrice: product.cashPrice,
          setupFee: product.setupFee,
          totalPrice: schedule.unitTotalPrice,
        });
      }
      for (const l of schedule.lines) {
        tx.create(Installment, {
          order, number: l.number, dueDate: l.dueDate, amount: l.amount, principal: l.principal, margin: l.margin, fees: l.fees,
          taxBase: l.taxBase, otherTaxBase: l.otherTaxBase, vat: l.vat,
        });
      }
      audit(tx, actor, 'order.checkout', ref(order), { number: order.number, product: product.name, plan: plan.name, quantity: line.quantity, totalPrice: order.totalPrice });
      tx.remove(line);
      orders.push(order);
    }
    await tx.flush();
    for (const order of orders) await deps.events.emit(tx, 'order.placed', { orderId: order.id, customerId: customer.id }, { actor, at: clock.now() });
    return orders;
  });
}

/** The order, if the caller may see it: its customer or any staff. Anyone else gets NOT_FOUND. */
export async function getOrder(em: EntityManager, user: AuthUser | null, id: string) {
  const actor = requireUser(user);
  const order = accessRecord(actor, await em.findOne(Order, id), { owner: (r) => r.customer.id, notFound: 'order.notFound' });
  return order;
}

/**
 * The orders list's filters as SQL over the orders table aliased `e` (db/plain-rows.ts builds the page
 * statement once per shape from these). Each is a constant, so its key names its SQL.
 */
const BY = {
  customer: (c: ColumnOf) => `${c('customer')} = ?`,
  status: (c: ColumnOf) => `${c('status')} = any(?)`,
  assignedTo: (c: ColumnOf) => `${c('assignedTo')} = ?`,
  unassigned: (c: ColumnOf) => `${c('assignedTo')} is null`,
  ids: (c: ColumnOf) => `${c('id')} = any(?)`,
  // Case-insensitive substring of any of the four, the pattern's own % _ \ escaped (backslash is ilike's escape).
  q: (c: ColumnOf) => ['number', 'customerName', 'customerPhone', 'customerEmail'].map((p) => `${c(p)} ilike ?`).join(' or '),
  // Owes money now and has a line overdue today: the rule `summary.overdueCount` counts.
  overdue: (c: ColumnOf) => `${c('status')} in ${PAYABLE_SQL} and ${c('id')} in (select i.order_id from installments i where ${overdueOnSql('?::date')})`,
  // Placeholders in the rule's order: from, from, days, from.
  secondChanceEnding: (c: ColumnOf) => `${c('id')} in (select o.id from orders o where ${secondChanceEndingSql('?::date', '?::int')})`,
} satisfies Record<string, (c: ColumnOf) => string>;
const by = (key: keyof typeof BY, ...params: unknown[]): PlainCondition => ({ key, sql: BY[key], params });

export async function listOrders(em: EntityManager, filter: OrderFilter | undefined, args: ListArgs, clock: Clock, customerId?: string, ahead?: RowsAhead<Plain<Order>>) {
  const where: PlainCondition[] = [];
  // `myOrders` passes the caller: then no filter can widen the list to another customer's orders.
  const customer = customerId || filter?.customerId;
  if (customer) where.push(by('customer', customer));
  if (filter?.status?.length) where.push(by('status', filter.status));
  if (filter?.unassigned) where.push(by('unassigned'));
  else if (filter?.assignedTo) where.push(by('assignedTo', filter.assignedTo));
  if (filter?.ids?.length) where.push(by('ids', filter.ids));
  if (filter?.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(by('q', like, like, like, like));
  }
  if (filter?.overdue) where.push(by('overdue', todayJakarta(clock)));
  if (filter?.secondChanceEndsWithinDays) {
    const today = todayJakarta(clock);
    where.push(by('secondChanceEnding', today, today, filter.secondChanceEndsWithinDays, today));
  }
  // The whole book or a status tab: its total from the orders kept per status, not by counting the
  // orders on each page load (a third of the page statement's time at 5,000 orders, growing with the book).
  const total = where.every((c) => c.key === 'status') ? ordersCounted(filter?.status?.length ? filter.status : undefined) : undefined;
  // Read-only: plain rows, not entities (issue 14 item 4; the Order field resolvers read columns and ref ids).
  return findPlainPage(em, Order, where, args, { createdAt: 'createdAt', number: 'number', status: 'status', totalPrice: 'totalPrice', customerName: 'customerName' }, 'createdAt', ahead, total);
}

/**
 * Cancels an order that has not started. In one transaction with the order row locked, so a payment
 * settling at the same moment (which takes the same lock) either lands first, and the cancel is then
 * refused by the state machine or because money is on the order, or finds the order cancelled and
 * becomes an anomaly instead of money on a cancelled order.
 */
export async function cancelOrder(em: EntityManager, deps: OrderDeps, user: AuthUser | null, id: string, reason: string) {
  const actor = requirePermission(user, 'order.cancel');
  await getOrder(em, actor, id); // NOT_FOUND for someone else's order, before anything is locked
  return em.transactional(async (tx) => {
    const order = await tx.findOneOrFail(Order, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!isStaffUser(actor) && order.spkConfirmedAt) throw forbidden('order.cancelNotYours');
    const from = order.status;
    const to = orderMachine.apply(order.status, OrderAction.CANCEL);
    const installments = await tx.find(Installment, { order, ...liveLines() }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (installments.some((i) => i.paidAmount > 0n || i.lateFeePaid > 0n)) throw conflict('order.cancelHasPayments', {}, { reason: 'ORDER_HAS_PAYMENTS', currentState: from });
    order.status = to;
    order.cancelReason = reason.trim();
    for (const i of installments) i.status = installmentMachine.apply(i.status, InstallmentAction.CANCEL);
    audit(tx, actor, 'order.cancel', ref(order), { from, to: order.status, reason: order.cancelReason });
    await deps.events.emit(tx, 'order.cancelled', { orderId: order.id, customerId: order.customer.id, reason: order.cancelReason }, { actor, at: deps.clock.now() });
    return order;
  });
}

/**
 * "Admin memberikan data ke admin lainnya": hands an order (and with it the customer's email,
 * username, phone and note) to another staff member.
 */
export async function assignOrder(em: EntityManager, deps: { bus: NotificationBus }, actor: AuthUser, id: string, assigneeId: string) {
  // One transaction: the handover, its audit entry and the notice commit together or not at all.
  return em.transactional(async (em) => {
    const order = await getOrder(em, actor, id);
    const assignee = await em.findOne(User, assigneeId);
    if (!assignee || !assignee.active || !isStaff(assignee.role)) throw badInput('assigneeId', 'order.assigneeNotStaff');
    const previous = order.assignedTo?.id ?? null;
    order.assignedTo = em.getReference(User, assignee.id, { wrapped: true });
    audit(em, actor, 'order.assign', ref(order), { from: previous, to: assignee.id });
    // The handover carries the customer's data to the new admin: email, username, phone and note.
    const customer = await em.findOneOrFail(User, order.customer.id);
    await notify(em, deps, assignee, 'ORDER_ASSIGNED', {
      staffName: assignee.fullName,
      orderNumber: order.number,
      customerName: order.customerName,
      customerUsername: customer.username,
      customerEmail: customer.email,
      customerPhone: customer.phone,
      customerNote: customer.note,
    }, { link: appLinks.staffOrder(order.id) });
    return order;
  });
}

