import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requirePermission } from '../accounts/access';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser } from '../graphql/current-user';
import { Role, STAFF_ROLES } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import { badInput } from '../common/errors';
import { todayJakarta } from '../common/time';
import type { Context } from '../graphql/context';
import { pageComplexity } from '../graphql/limits';
import { readAhead, rowsAhead, rowsAheadFor } from '../graphql/page-extras';
import type { ChildRows } from '../graphql/loaders';
import { ListArgs, PageOf } from '../graphql/pagination';
import { Installment } from '../installments/installment.entity';
import { summarize, type ScheduleSummary } from '../installments/summary';
import { PAGE_ROW_SUMMARY_SQL, summariesOf, summaryFromJson } from '../installments/summary-sql';
import { InstallmentPlan } from '../catalog/installment-plan.entity';
import { Product } from '../catalog/product.entity';
import { CartItem } from './cart-item.entity';
import { FirstPaymentBreakdown, firstPaymentOf } from './first-payment';
import { AddToCartInput, CheckoutInput, OrderFilter, OrderSummary } from './inputs';
import { OrderItem } from './order-item.entity';
import { isPayable, OrderAction, orderMachine } from './order-status';
import { Order } from './order.entity';
import * as orders from './orders.service';
import type { Readable } from '../db/plain-rows';

@ObjectType()
class OrderPage extends PageOf(Order) {}

/** Who handles an order, as the order's customer may see them: a name, not their contact data. */
@ObjectType({ description: 'The staff member handling an order (name only; staff read the rest through `user`)' })
class Assignee {
  @Field(() => ID) id!: string;
  @Field() fullName!: string;
}

const orderDeps = (ctx: Context): orders.OrderDeps => ({ clock: ctx.app.clock, events: ctx.app.events });

// Read paths: an order's schedule and items as plain rows (db/plain-rows.ts), batched per request, and
// read ahead by a page of orders that shows them (graphql/page-extras.ts).
const SCHEDULE: ChildRows<Installment> = { entity: Installment, fk: 'order', orderBy: { number: 'asc' } };
const ITEMS: ChildRows<OrderItem> = { entity: OrderItem, fk: 'order', orderBy: { position: 'asc' } };
readAhead('Order', 'installments', rowsAheadFor(SCHEDULE));
readAhead('Order', 'items', rowsAheadFor(ITEMS));
const installmentsOf = (ctx: Context, order: { id: string }) => {
  linesAsked(ctx).add(order.id);
  return ctx.loaders.rows(ctx.em, SCHEDULE, order.id);
};
/** The orders whose lines this request loads (their `installments` or `firstPayment` was asked for). */
const linesAskedBy = new WeakMap<Context, Set<string>>();
const linesAsked = (ctx: Context) => {
  let asked = linesAskedBy.get(ctx);
  if (!asked) linesAskedBy.set(ctx, (asked = new Set()));
  return asked;
};
/**
 * An order's summary, batched per request. A list that shows summaries and not lines (the staff list)
 * gets them from one statement grouped by order (installments/summary-sql.ts) instead of loading every
 * line; an order whose lines the request loads anyway (`myOrders` asks for both) is summarised from
 * them (`summarize`), which costs no statement. The batch runs after every field of the page has been
 * asked for (DataLoader dispatches once the tick's resolvers have run), so it knows which orders those are.
 */
const summaries = (ctx: Context) =>
  ctx.loaders.get<Readable<Order>, ScheduleSummary>('summary', async (orders) => {
    const today = todayJakarta(ctx.app.clock);
    const asked = linesAsked(ctx);
    const fromSql = orders.filter((o) => !asked.has(o.id));
    const summed = fromSql.length ? await summariesOf(ctx.em, fromSql.map((o) => o.id), today) : [];
    const bySql = new Map(fromSql.map((o, n) => [o, summed[n]!]));
    return Promise.all(orders.map(async (o) => bySql.get(o) ?? summarize(await installmentsOf(ctx, o), today, { payable: isPayable(o.status) })));
  });
const summaryOf = (ctx: Context, order: Readable<Order>) => summaries(ctx).load(order);
// A page whose items ask for summaries and not lines (the staff list) computes them in its own
// statement: the same SQL for one order per row (graphql/page-extras.ts).
readAhead<Readable<Order>>('Order', 'summary', {
  extra: (ctx, selected) => (selected.has('installments') || selected.has('firstPayment') ? null : { sql: PAGE_ROW_SUMMARY_SQL, params: [todayJakarta(ctx.app.clock)] }),
  prime: (ctx, order, value) => void (value !== null && summaries(ctx).prime(order, summaryFromJson(value))),
});
const itemsOf = (ctx: Context, order: { id: string }) => ctx.loaders.rows(ctx.em, ITEMS, order.id);

@Resolver(() => Order)
export class OrderResolver {
  @Authorized()
  @Query(() => [CartItem])
  myCart(@CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return orders.myCart(ctx.em, user);
  }

  @Authorized()
  @Mutation(() => CartItem)
  addToCart(@Arg('input') input: AddToCartInput, @Ctx() ctx: Context) {
    return orders.addToCart(ctx.em, requirePermission(ctx.user, 'customer.buy'), input);
  }

  @Authorized()
  @Mutation(() => CartItem, { nullable: true, description: 'Quantity 0 removes the line (returns null).' })
  setCartItemQuantity(@Arg('id', () => ID) id: string, @Arg('quantity', () => Int) quantity: number, @Ctx() ctx: Context) {
    if (!Number.isInteger(quantity) || quantity < 0) throw badInput('quantity', 'validation.range', { min: 0, max: 20 });
    return orders.setCartQuantity(ctx.em, requirePermission(ctx.user, 'customer.buy'), id, quantity);
  }

  @Authorized()
  @Mutation(() => [Order], { description: 'Turns the cart into orders (one per cart line) with their installment schedules.' })
  checkout(@Arg('input', () => CheckoutInput, { nullable: true }) input: CheckoutInput | null, @Ctx() ctx: Context) {
    return orders.checkout(ctx.em, orderDeps(ctx), requirePermission(ctx.user, 'customer.buy'), input ?? new CheckoutInput(), ctx.app.config);
  }

  @Authorized()
  @Query(() => OrderPage, { complexity: pageComplexity, description: 'The caller’s own orders.' })
  myOrders(@Args() args: ListArgs, @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | undefined, @CurrentUser() user: AuthUser, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return orders.listOrders(ctx.em, filter, args, ctx.app.clock, user.id, rowsAhead('Order', ctx, info));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => OrderPage, { complexity: pageComplexity })
  orders(@Args() args: ListArgs, @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | undefined, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return orders.listOrders(ctx.em, filter, args, ctx.app.clock, undefined, rowsAhead('Order', ctx, info));
  }

  @Authorized()
  @Query(() => Order)
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return orders.getOrder(ctx.em, ctx.user, id);
  }

  @Authorized()
  @Mutation(() => Order, { description: 'The customer, before the SPK is confirmed, or SUPPORT/ADMIN.' })
  cancelOrder(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: Context) {
    if (!reason.trim() || reason.length > 1000) throw badInput('reason', 'validation.required', { field: 'reason' });
    return orders.cancelOrder(ctx.em, orderDeps(ctx), ctx.user, id, reason);
  }

  @Authorized(Role.SUPPORT)
  @Mutation(() => Order, { description: 'Hands the order and its customer to another staff member.' })
  assignOrder(@Arg('id', () => ID) id: string, @Arg('assigneeId', () => ID) assigneeId: string, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return orders.assignOrder(ctx.em, ctx.app.notifications, user, id, assigneeId);
  }

  @FieldResolver(() => [OrderItem])
  items(@Root() order: Readable<Order>, @Ctx() ctx: Context) {
    return itemsOf(ctx, order);
  }

  @FieldResolver(() => [Installment])
  installments(@Root() order: Readable<Order>, @Ctx() ctx: Context) {
    return installmentsOf(ctx, order);
  }

  @FieldResolver(() => OrderSummary)
  summary(@Root() order: Readable<Order>, @Ctx() ctx: Context) {
    return summaryOf(ctx, order);
  }

  @FieldResolver(() => FirstPaymentBreakdown, { nullable: true, description: 'The first payment itemised: down payment, setup and admin fees' })
  async firstPayment(@Root() order: Readable<Order>, @Ctx() ctx: Context) {
    const [items, installments] = await Promise.all([itemsOf(ctx, order), installmentsOf(ctx, order)]);
    return firstPaymentOf(items, installments[0]);
  }

  @FieldResolver(() => User)
  customer(@Root() order: Readable<Order>, @Ctx() ctx: Context) {
    return ctx.loaders.ref(ctx.em, User, order.customer);
  }

  @FieldResolver(() => Assignee, { nullable: true, description: 'The staff member handling the order' })
  async assignedTo(@Root() order: Readable<Order>, @Ctx() ctx: Context): Promise<Assignee | null> {
    const user = order.assignedTo ? await ctx.loaders.ref(ctx.em, User, order.assignedTo) : null;
    return user && { id: user.id, fullName: user.fullName };
  }

  @FieldResolver(() => [OrderAction], { description: 'State transitions the order allows now (the caller’s role may allow fewer)' })
  allowedActions(@Root() order: Readable<Order>) {
    return orderMachine.allowedActions(order.status);
  }
}

/**
 * A cart line's product and plan are MikroORM references: without these resolvers GraphQL reads the
 * fields off the reference wrapper and `myCart { product { name } }` fails with "Cannot return null".
 */
@Resolver(() => CartItem)
export class CartItemResolver {
  @FieldResolver(() => Product)
  product(@Root() item: CartItem) {
    return item.product.loadOrFail({ dataloader: true });
  }

  @FieldResolver(() => InstallmentPlan)
  plan(@Root() item: CartItem) {
    return item.plan.loadOrFail({ dataloader: true });
  }
}
