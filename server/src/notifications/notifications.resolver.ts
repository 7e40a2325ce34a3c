import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { isRecipient } from '../accounts/access';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser } from '../graphql/current-user';
import { STAFF_ROLES } from '../accounts/roles';
import { notFound } from '../common/errors';
import type { Context } from '../graphql/context';
import { pageComplexity } from '../graphql/limits';
import { findPage, ListArgs, PageOf } from '../graphql/pagination';
import { NOTIFICATION_ADDED, NOTIFICATIONS_RESYNC, type NotificationEvent } from './bus';
import { notificationFromPayload, type NotificationView } from './notification-payload';
import { Channel, DeliveryStatus, Notification, NotificationDelivery } from './notification.entity';

@ObjectType()
class NotificationPage extends PageOf(Notification) {}

@ObjectType()
class NotificationDeliveryPage extends PageOf(NotificationDelivery) {}

@InputType()
class DeliveryFilter {
  @Field(() => [DeliveryStatus], { nullable: true }) status?: DeliveryStatus[];
  @Field(() => Channel, { nullable: true }) channel?: Channel;
}

/**
 * The row behind an event: the one the event carries (no read at all), else read once however many
 * subscribers the event reaches (the pub/sub hands every subscriber the same payload object, so it
 * keys the read and lets it go with the event).
 */
const readOnce = new WeakMap<NotificationEvent, Promise<NotificationView> | NotificationView>();

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationPage, { complexity: pageComplexity, description: 'The caller’s notifications, newest first by default' })
  myNotifications(@Args() args: ListArgs, @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    const where: FilterQuery<Notification> = { recipient: user.id, ...(unreadOnly ? { readAt: null } : {}) };
    if (!args.sortField) Object.assign(args, { sortField: 'createdAt', sortOrder: 'DESC' });
    return findPage(ctx.em, Notification, where, args, { createdAt: 'createdAt', type: 'type' }, 'createdAt');
  }

  @Authorized()
  @Query(() => Int)
  unreadCount(@CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return ctx.em.count(Notification, { recipient: user.id, readAt: null });
  }

  @Authorized()
  @Mutation(() => Notification)
  async markRead(@Arg('id', () => ID) id: string, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    const n = await ctx.em.findOne(Notification, { id, recipient: user.id });
    if (!n) throw notFound('notification.notFound');
    n.readAt ??= ctx.app.clock.now();
    await ctx.em.flush();
    return n;
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks every unread notification read; returns how many' })
  markAllRead(@CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return ctx.em.nativeUpdate(Notification, { recipient: user.id, readAt: null }, { readAt: ctx.app.clock.now() });
  }

  @Authorized()
  @Subscription(() => Notification, {
    topics: NOTIFICATION_ADDED,
    filter: ({ payload, context }: { payload: NotificationEvent; context: Context }) => isRecipient(context.user, payload.recipientId),
    description: 'New notifications for the connected user (graphql-ws; token in connectionParams.authorization)',
  })
  notificationAdded(@Root() event: NotificationEvent, @Ctx() ctx: Context) {
    let row = readOnce.get(event);
    if (!row) {
      row = event.row ? notificationFromPayload(event.row) : ctx.em.fork().findOneOrFail(Notification, event.notificationId);
      readOnce.set(event, row);
    }
    return row;
  }

  @Authorized()
  @Subscription(() => Date, {
    topics: NOTIFICATIONS_RESYNC,
    description:
      'Sent when this server may have missed notifications (its database listener reconnected): refetch unreadCount and myNotifications. Value: when it reconnected.',
  })
  notificationsResync(@Root() event: { reconnectedAt: Date }) {
    return event.reconnectedAt;
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => NotificationDeliveryPage, { complexity: pageComplexity, description: 'The outbox: email and WhatsApp deliveries with their status and errors' })
  notificationDeliveries(@Args() args: ListArgs, @Arg('filter', () => DeliveryFilter, { nullable: true }) filter: DeliveryFilter | undefined, @Ctx() ctx: Context) {
    const where: FilterQuery<NotificationDelivery> = {};
    if (filter?.status?.length) where.status = { $in: filter.status };
    if (filter?.channel) where.channel = filter.channel;
    if (!args.sortField) Object.assign(args, { sortField: 'createdAt', sortOrder: 'DESC' });
    return findPage(ctx.em, NotificationDelivery, where, args, { createdAt: 'createdAt', status: 'status' }, 'createdAt');
  }
}
