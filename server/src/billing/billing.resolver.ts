import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser } from '../graphql/current-user';
import { Role } from '../accounts/roles';
import type { Context } from '../graphql/context';
import { readAhead } from '../graphql/page-extras';
import { LocalDateScalar, RupiahScalar } from '../graphql/scalars';
import { Notification } from '../notifications/notification.entity';
import type { NotificationView } from '../notifications/notification-payload';
import { getOrder } from '../orders/orders.service';
import { Order } from '../orders/order.entity';
import { previewBillingPass, runBillingPass } from './billing-pass';
import { todayJakarta } from '../common/time';
import { sendOverdueNotice } from './overdue-notice';
import { selectRows, type Readable } from '../db/plain-rows';

@ObjectType()
class BillingPassSummary {
  @Field(() => LocalDateScalar) date: string;
  @Field({ description: 'A preview: nothing was written or sent' }) dryRun: boolean;
  @Field(() => Int) statusChanges: number;
  @Field(() => Int) feesChanged: number;
  @Field(() => Int) reminders: number;
  @Field(() => Int) staffNotices: number;
  @Field(() => Int) graceExpired: number;
  @Field(() => [ID]) suspendedOrders: string[];
}

@ObjectType()
class OverdueNoticeResult {
  // As written (notify answers the inserted row): nothing reads it back.
  @Field(() => Notification) notification: NotificationView;
  @Field({ description: 'wa.me click-to-chat link with a prefilled Indonesian message, for a personal chat' }) waLink: string;
  @Field(() => RupiahScalar) arrearsAmount: bigint;
  @Field(() => Int) daysLate: number;
}

@Resolver()
export class BillingResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => BillingPassSummary, { description: 'Runs the daily billing pass now (idempotent); `date` defaults to today in Asia/Jakarta and may not be later (BAD_USER_INPUT)' })
  runBillingPass(@Arg('date', () => LocalDateScalar, { nullable: true }) date: string | null, @Ctx() ctx: Context) {
    return runBillingPass(ctx.em, { clock: ctx.app.clock, bus: ctx.app.notifications.bus, billing: ctx.app.billing, events: ctx.app.events }, date ?? undefined, { actor: ctx.user });
  }

  @Authorized(Role.ADMIN)
  @Query(() => BillingPassSummary, { description: 'What the billing pass for `date` (any date, also a later one) would do; writes and sends nothing' })
  previewBillingPass(@Arg('date', () => LocalDateScalar, { nullable: true }) date: string | null, @Ctx() ctx: Context) {
    return previewBillingPass(ctx.em, { clock: ctx.app.clock, bus: ctx.app.notifications.bus, billing: ctx.app.billing, events: ctx.app.events }, date ?? todayJakarta(ctx.app.clock));
  }

  @Authorized(Role.SUPPORT)
  @Mutation(() => OverdueNoticeResult, { description: 'Tells an overdue customer to pay or suspend: in-app, email and WhatsApp at once' })
  async sendOverdueNotice(@Arg('orderId', () => ID) orderId: string, @CurrentUser() actor: AuthUser, @Ctx() ctx: Context) {
    const order = await getOrder(ctx.em, actor, orderId);
    const result = await sendOverdueNotice(ctx.em, { clock: ctx.app.clock, bus: ctx.app.notifications.bus, publicUrl: ctx.app.config.publicUrl }, order, actor);
    await ctx.em.flush();
    return result;
  }
}

@Resolver(() => Order)
export class OrderNoticeResolver {
  @FieldResolver(() => Date, { nullable: true, description: 'When the customer was last told about arrears (reminder or admin notice)' })
  lastOverdueNoticeAt(@Root() order: Readable<Order>, @Ctx() ctx: Context) {
    return lastNotices(ctx).load(order.number);
  }
}

/**
 * When an order's customer was last told of arrears, by order number: served by the partial index
 * notifications_overdue_order_number_index (the same two types). `numbers` is SQL for the orders' numbers.
 */
const lastNoticeSql = (numbers: string) => `select data->>'orderNumber' as number, to_json(max(created_at))#>>'{}' as at from notifications
  where type in ('OVERDUE_NOTICE', 'INSTALLMENT_OVERDUE') and data->>'orderNumber' = ${numbers} group by 1`;
/** One prepared statement whatever the page's size (the numbers bound as one array). */
const LAST_NOTICES_SQL = lastNoticeSql('any(?::text[])');
const lastNotices = (ctx: Context) =>
  ctx.loaders.get<string, Date | null>('lastNoticeByOrder', async (numbers) => {
    const rows = await selectRows<{ number: string; at: string }>(ctx.em, LAST_NOTICES_SQL, [[...numbers]]);
    const at = new Map(rows.map((r) => [r.number, new Date(r.at)]));
    return numbers.map((n) => at.get(n) ?? null);
  });
// A page of orders reads it ahead, in its own statement (graphql/page-extras.ts).
readAhead<Readable<Order>>('Order', 'lastOverdueNoticeAt', {
  extra: () => ({ sql: `select at from (${lastNoticeSql('p.number')}) n`, params: [] }),
  prime: (ctx, order, value) => void lastNotices(ctx).prime(order.number, value === null ? null : new Date(value)),
});
