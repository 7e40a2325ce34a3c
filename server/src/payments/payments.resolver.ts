import { accessRecord, can, requireUser } from '../accounts/access';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser } from '../graphql/current-user';
import type { FilterQuery } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role, STAFF_ROLES } from '../accounts/roles';
import { todayJakarta } from '../common/time';
import type { Context } from '../graphql/context';
import { selectedFields } from '../graphql/selection';
import { pageComplexity } from '../graphql/limits';
import { findPage, ListArgs, PageOf } from '../graphql/pagination';
import { LocalDateScalar, RupiahScalar } from '../graphql/scalars';
import { Installment } from '../installments/installment.entity';
import { liveLines } from '../installments/rules';
import { Order } from '../orders/order.entity';
import { getOrder } from '../orders/orders.service';
import { PaymentAction, PaymentMethod, PaymentStatus } from './enums';
import { allowedPaymentActions } from './payment-actions';
import { CreatePaymentInput, PaymentFilter, ReasonInput, ResolutionInput } from './inputs';
import { AWAITING_VERIFICATION, Payment, PaymentAllocation } from './payment.entity';
import * as payments from './payments.service';
import { paymentSettleDeps } from './channels';
import { outstanding } from './allocation';
import { PaymentAnomaly } from './webhook-event.entity';
import { VirtualAccount } from './virtual-account.entity';
import { childRowsAhead, findPlainWhereIn, type Plain, type Readable } from '../db/plain-rows';
import type { ChildRows } from '../graphql/loaders';
import { oncePerOrm, readAhead, rowsAheadFor } from '../graphql/page-extras';

@ObjectType()
class PaymentPage extends PageOf(Payment) {}

@ObjectType()
class PaymentAnomalyPage extends PageOf(PaymentAnomaly) {}

const settleDeps = (ctx: Context) => paymentSettleDeps(ctx.app);
const deps = (ctx: Context) => ({
  clock: ctx.app.clock,
  gateway: ctx.app.gateway,
  publicUrl: ctx.app.config.publicUrl,
  qrisMaxAmount: ctx.app.config.QRIS_MAX_AMOUNT,
  uniqueCode: ctx.app.config.TRANSFER_UNIQUE_CODE,
});

/** A payment, if the caller may see it: its order's customer or staff. */
async function visiblePayment(ctx: Context, id: string) {
  const user = requireUser(ctx.user);
  const payment = accessRecord(user, await ctx.em.findOne(Payment, id, { populate: ['order'] }), { owner: (r) => r.order.$.customer.id, notFound: 'payment.notFound' });
  return payment;
}

@Resolver(() => Payment)
export class PaymentResolver {
  @Authorized()
  @Mutation(() => Payment, { description: 'Starts a payment: online (returns redirectUrl) or bank transfer (then upload the proof to proofUploadUrl).' })
  createPayment(@Arg('input') input: CreatePaymentInput, @Ctx() ctx: Context) {
    return payments.createPayment(ctx.em, deps(ctx), ctx.user, input);
  }

  @Authorized(Role.FINANCE)
  @Mutation(() => Payment, { description: 'FINANCE: the transfer is in the bank statement; apply it.' })
  settlePayment(@Arg('id', () => ID) id: string, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return payments.settleManually(ctx.em, settleDeps(ctx), user, id);
  }

  @Authorized(Role.FINANCE)
  @Mutation(() => Payment)
  rejectPayment(@Arg('id', () => ID) id: string, @Arg('input') input: ReasonInput, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return payments.rejectPayment(ctx.em, settleDeps(ctx), user, id, input.reason);
  }

  @Authorized(Role.FINANCE)
  @Mutation(() => Payment, { description: 'Marks a settled payment refunded and takes its money back off the installments.' })
  refundPayment(@Arg('id', () => ID) id: string, @Arg('input') input: ReasonInput, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return payments.refundPayment(ctx.em, settleDeps(ctx), user, id, input.reason);
  }

  @Authorized(Role.FINANCE)
  @Mutation(() => PaymentAnomaly, { description: 'FINANCE records how money that was not applied was dealt with (e.g. refunded at the gateway).' })
  resolvePaymentAnomaly(@Arg('id', () => ID) id: string, @Arg('input') input: ResolutionInput, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return payments.resolveAnomaly(ctx.em, { clock: ctx.app.clock }, user, id, input.resolution);
  }

  @Authorized()
  @Query(() => Payment)
  payment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return visiblePayment(ctx, id);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => PaymentPage, { complexity: pageComplexity })
  payments(@Args() args: ListArgs, @Arg('filter', () => PaymentFilter, { nullable: true }) filter: PaymentFilter | undefined, @Ctx() ctx: Context) {
    const where: FilterQuery<Payment> = {};
    if (filter?.status?.length) where.status = { $in: filter.status };
    if (filter?.method) where.method = filter.method;
    if (filter?.orderId) where.order = filter.orderId;
    if (filter?.ids?.length) where.id = { $in: filter.ids };
    if (filter?.awaitingVerification) Object.assign(where, AWAITING_VERIFICATION);
    return findPage(ctx.em, Payment, where, args, { createdAt: 'createdAt', amount: 'amount', status: 'status', settledAt: 'settledAt' }, 'createdAt');
  }

  @Authorized(Role.FINANCE)
  @Query(() => PaymentAnomalyPage, { complexity: pageComplexity, description: 'Money that arrived but was not applied' })
  paymentAnomalies(@Args() args: ListArgs, @Arg('unresolved', () => Boolean, { defaultValue: true }) unresolved: boolean, @Ctx() ctx: Context) {
    return findPage(ctx.em, PaymentAnomaly, unresolved ? { resolvedAt: null } : {}, args, { createdAt: 'createdAt', kind: 'kind' }, 'createdAt');
  }

  @Authorized()
  @Query(() => RupiahScalar, { description: 'Early payoff (pelunasan): everything still open on the order' })
  async payoffQuote(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context) {
    const order = await getOrder(ctx.em, ctx.user, orderId);
    return outstanding(await ctx.em.find(Installment, { order, ...liveLines() }));
  }

  @Authorized()
  @Query(() => RupiahScalar, { description: 'What is due now on the order (the default amount of createPayment)' })
  async amountDue(@Arg('orderId', () => ID) orderId: string, @Arg('date', () => LocalDateScalar, { nullable: true }) date: string | null, @Ctx() ctx: Context) {
    const order = await getOrder(ctx.em, ctx.user, orderId);
    const installments = await ctx.em.find(Installment, { order, ...liveLines() }, { orderBy: { number: 'asc' } });
    return payments.amountDueNow(installments, date ?? todayJakarta(ctx.app.clock), false);
  }

  @FieldResolver(() => ID)
  orderId(@Root() payment: Readable<Payment>) {
    return payment.order.id;
  }

  @FieldResolver(() => Order)
  order(@Root() payment: Readable<Payment>, @Ctx() ctx: Context) {
    return ctx.loaders.ref(ctx.em, Order, payment.order);
  }

  @FieldResolver(() => [PaymentAllocation])
  async allocations(@Root() payment: Readable<Payment>, @Ctx() ctx: Context) {
    return (await allocationsByOrder(ctx).load(payment.order.id)).get(payment.id) ?? [];
  }

  @FieldResolver(() => [PaymentAction], { description: 'What the caller may do to the payment now' })
  allowedActions(@Root() payment: Readable<Payment>, @Ctx() ctx: Context) {
    return allowedPaymentActions(ctx.user, { status: payment.status, method: payment.method, hasProof: !!payment.proof });
  }

  @FieldResolver(() => RupiahScalar, { description: 'What the customer sends: amount plus the unique code (BANK_TRANSFER); the amount otherwise' })
  transferAmount(@Root() payment: Readable<Payment>) {
    return payment.amount + payment.uniqueCode;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Authorized download of the transfer proof' })
  proofUrl(@Root() payment: Readable<Payment>) {
    return payment.proof ? `/files/payments/${payment.id}/proof` : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Authorized download of the receipt (kwitansi) PDF, once settled (CONFLICT until the receipts job has made it)' })
  receiptUrl(@Root() payment: Readable<Payment>) {
    // Every settled payment is numbered a receipt in its own transaction (receipts/receipts.ts): no query needed.
    return payment.settledAt ? `/receipts/${payment.id}.pdf` : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'PUT the proof bytes here (JPEG, PNG or PDF, max 5 MB) with the bearer token' })
  proofUploadUrl(@Root() payment: Readable<Payment>) {
    return payment.method === PaymentMethod.BANK_TRANSFER && payment.status === PaymentStatus.PENDING ? `/files/payments/${payment.id}/proof` : null;
  }
}

const INSTALLMENT_NUMBER = { installmentNumber: '(select i.number from installments i where i.id = e.installment_id)' };
// A payment's allocations, matched through the payment's order, with their installment numbers.
const ALLOCATIONS = [PaymentAllocation, 'payment', { createdAt: 'asc' }, { extras: INSTALLMENT_NUMBER, through: { entity: Payment, prop: 'order' } }] as const;

/**
 * The allocations of every payment of the orders asked for in one tick, by order then payment, with
 * their installment numbers (primed for `installmentNumber`). Keyed by the payment's order so that an
 * order's `payments` can start the read in the same tick as its own list (`payments` below): the
 * allocations then come in the request's one statement of child lists, not in a round trip after the
 * payments; a page of orders reads them ahead in its own statement. A payment listed elsewhere (the
 * staff payments page) reads its order's allocations the same way.
 */
const allocationsByOrder = (ctx: Context) =>
  ctx.loaders.get<string, Map<string, Plain<PaymentAllocation>[]>>('allocationsByOrder', async (orderIds) => {
    const [entity, prop, orderBy, opts] = ALLOCATIONS;
    return byOrderAndPayment(ctx, orderIds, await findPlainWhereIn(ctx.em, entity, prop, orderIds, orderBy, { ...opts, batch: ctx.loaders.statements(ctx.em) }));
  });

/** Allocations with their orders (`through`) and installment numbers, grouped by order then payment. */
function byOrderAndPayment(ctx: Context, orderIds: readonly string[], found: { rows: Plain<PaymentAllocation>[]; extras: Record<'installmentNumber', unknown>[]; through: string[] }) {
  const numbers = installmentNumbers(ctx);
  const byOrder = new Map(orderIds.map((id) => [id, new Map<string, Plain<PaymentAllocation>[]>()]));
  found.rows.forEach((row, n) => {
    numbers.prime(row.id, Number(found.extras[n]!.installmentNumber));
    const ofOrder = byOrder.get(found.through[n]!)!;
    const list = ofOrder.get(row.payment.id);
    if (list) list.push(row);
    else ofOrder.set(row.payment.id, [row]);
  });
  return orderIds.map((id) => byOrder.get(id)!);
}

// A page of orders whose payments show their allocations reads both ahead, in its own statement.
const PAYMENTS: ChildRows<Payment> = { entity: Payment, fk: 'order', orderBy: { createdAt: 'asc' } };
readAhead('Order', 'payments', rowsAheadFor(PAYMENTS));
const allocationsAhead = oncePerOrm((em) => childRowsAhead(em, ...ALLOCATIONS));
readAhead<{ id: string }>(
  'Order',
  'payments',
  {
    extra: (ctx, _selected, under) => (under('payments').has('allocations') ? { sql: allocationsAhead(ctx.em).sql, params: [] } : null),
    prime: (ctx, order, value) => void allocationsByOrder(ctx).prime(order.id, byOrderAndPayment(ctx, [order.id], allocationsAhead(ctx.em).read(ctx.em, value))[0]!),
  },
  'payments.allocations',
);

/** Installment numbers by allocation id: primed by `allocations`, read by id for an allocation that came another way. */
const installmentNumbers = (ctx: Context) =>
  ctx.loaders.get<string, number>('installmentNumberByAllocation', async (ids) => {
    const { rows, extras } = await findPlainWhereIn(ctx.em, PaymentAllocation, 'id', ids, {}, { extras: INSTALLMENT_NUMBER, batch: ctx.loaders.statements(ctx.em) });
    const byId = new Map(rows.map((row, n) => [row.id, Number(extras[n]!.installmentNumber)]));
    return ids.map((id) => byId.get(id) ?? new Error(`PaymentAllocation ${id} not found`));
  });

@Resolver(() => PaymentAllocation)
export class PaymentAllocationResolver {
  @FieldResolver(() => Int)
  installmentNumber(@Root() a: Readable<PaymentAllocation>, @Ctx() ctx: Context) {
    return installmentNumbers(ctx).load(a.id);
  }

  @FieldResolver(() => ID)
  installmentId(@Root() a: Readable<PaymentAllocation>) {
    return a.installment.id;
  }
}

@Resolver(() => Order)
export class OrderPaymentsResolver {
  @FieldResolver(() => VirtualAccount, { nullable: true, description: "The order's own fixed virtual account (from SPK confirmation); transfers of any amount into it are applied automatically" })
  virtualAccount(@Root() order: Readable<Order>, @Ctx() ctx: Context) {
    return ctx.em.findOne(VirtualAccount, { order: order.id });
  }

  @FieldResolver(() => [Payment])
  payments(@Root() order: Readable<Order>, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    // Allocations asked for too: their read starts now, in the same statement as the payments (see allocationsByOrder).
    // Its failure reaches `allocations`, which awaits the same promise; here it is only started.
    if (selectedFields(info).has('allocations')) allocationsByOrder(ctx).load(order.id).catch(() => undefined);
    return ctx.loaders.rows(ctx.em, PAYMENTS, order.id);
  }
}

@Resolver(() => VirtualAccount)
export class VirtualAccountResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Staff only: why the gateway has not created the account yet' })
  lastError(@Root() va: VirtualAccount, @Ctx() ctx: Context) {
    return can(ctx.user, 'payment.manage') || can(ctx.user, 'order.manage') ? va.lastError : null;
  }
}
