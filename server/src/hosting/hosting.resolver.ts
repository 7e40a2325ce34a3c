import { accessRecord, requirePermission } from '../accounts/access';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser } from '../graphql/current-user';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { IsOptional } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { Role, STAFF_ROLES } from '../accounts/roles';
import { MaxChars, NotBlank } from '../common/validators';
import type { Context } from '../graphql/context';
import { pageComplexity } from '../graphql/limits';
import { findPage, ListArgs, PageOf } from '../graphql/pagination';
import { LocalDateScalar } from '../graphql/scalars';
import { Order } from '../orders/order.entity';
import { FAILING, Service, StaffTask, StaffTaskStatus, SuspensionEvent } from './service.entity';
import { ServiceAction, ServiceStatus } from './service-status';
import { allowedServiceActions } from './service-actions';
import * as hosting from './hosting.service';
import type { PowerAction } from './drivers/driver';
import { detailsOf, powerActionsOf, powerService } from './service-power';
import { isPlainRow, type Readable } from '../db/plain-rows';
import type { ChildRows } from '../graphql/loaders';
import { readAhead, rowsAheadFor } from '../graphql/page-extras';

/** GraphQL names for the driver's power actions (start, stop, reboot). */
enum PowerActionName {
  START = 'start',
  STOP = 'stop',
  REBOOT = 'reboot',
}
registerEnumType(PowerActionName, { name: 'PowerAction', description: 'What a driver can do to a running server' });

@ObjectType()
class ServiceAccessLine {
  @Field() label: string;
  @Field() value: string;
}

@ObjectType({ description: 'The running server as its driver reports it' })
class ServiceDetails {
  @Field({ description: 'running, stopped, paused or unknown' }) power: string;
  @Field(() => [String]) ipAddresses: string[];
  @Field(() => [ServiceAccessLine]) access: ServiceAccessLine[];
  @Field(() => String, { nullable: true, description: 'The provider console, where the driver has one' }) consoleUrl: string | null;
  @Field(() => String, { nullable: true, description: 'Why the driver could not answer just now' }) unavailable: string | null;
}

@ObjectType()
class ServicePage extends PageOf(Service) {}

@ObjectType()
class StaffTaskPage extends PageOf(StaffTask) {}

@InputType()
class CreateServiceInput {
  @Field(() => ID) orderItemId: string;
  @Field({ description: 'DNS-safe name, e.g. web-budi' }) @NotBlank() @MaxChars(40) label: string;
  @Field(() => String, { nullable: true, description: 'Required for VPS and Cloud Server: see osTemplates' }) @IsOptional() @MaxChars(40) osTemplate?: string | null;
}

@InputType()
class UnsuspendInput {
  @Field() @NotBlank() @MaxChars(1000) reason: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The second chance: pay by this date' }) payUntil?: string | null;
}

@InputType()
class ServiceFilter {
  @Field(() => [ServiceStatus], { nullable: true }) status?: ServiceStatus[];
  @Field(() => ID, { nullable: true }) orderId?: string;
  @Field(() => Boolean, { nullable: true, description: 'Driver failures waiting for a retry' }) failing?: boolean;
  @Field(() => [ID], { nullable: true }) ids?: string[];
}

/** Sync right away so the customer sees the result; a failure is recorded and the job retries. */
async function syncAll(ctx: Context, ids: string[]) {
  for (const id of ids) await hosting.syncService(ctx.em.fork(), ctx.app.hosting, id);
}

@Resolver(() => Service)
export class ServiceResolver {
  @Query(() => [String], { description: 'Operating systems a VPS or Cloud Server can be created with' })
  osTemplates() {
    return [...hosting.OS_TEMPLATES];
  }

  @Authorized()
  @Query(() => [Service])
  myServices(@CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return ctx.em.find(Service, { customer: user.id }, { orderBy: { createdAt: 'asc' } });
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => ServicePage, { complexity: pageComplexity })
  services(@Args() args: ListArgs, @Arg('filter', () => ServiceFilter, { nullable: true }) filter: ServiceFilter | undefined, @Ctx() ctx: Context) {
    const where: FilterQuery<Service> = {};
    if (filter?.status?.length) where.status = { $in: filter.status };
    if (filter?.orderId) where.order = filter.orderId;
    if (filter?.failing) Object.assign(where, FAILING);
    if (filter?.ids?.length) where.id = { $in: filter.ids };
    return findPage(ctx.em, Service, where, args, { createdAt: 'createdAt', label: 'label', status: 'status' }, 'createdAt');
  }

  @Authorized()
  @Query(() => Service)
  async service(@Arg('id', () => ID) id: string, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    const s = accessRecord(user, await ctx.em.findOne(Service, id), { owner: (r) => r.customer.id, notFound: 'service.notFound' });
    return s;
  }

  @Authorized()
  @Mutation(() => Service, { description: 'The customer creates the hosting service of an order item (SPK confirmed, down payment settled).' })
  async createService(@Arg('input') input: CreateServiceInput, @Ctx() ctx: Context) {
    const s = await hosting.createService(ctx.em, ctx.app.hosting, ctx.user, input);
    return hosting.syncService(ctx.em.fork(), ctx.app.hosting, s.id);
  }

  @Authorized()
  @Mutation(() => Order, { description: 'Suspends the order’s services: the customer’s choice when overdue, or staff.' })
  async suspendOrder(@Arg('orderId', () => ID) orderId: string, @Arg('reason', () => String, { nullable: true }) reason: string | null, @Ctx() ctx: Context) {
    const { order, services: list } = await hosting.suspendOrder(ctx.em, ctx.app.hosting, ctx.user, orderId, reason?.slice(0, 1000) ?? null);
    await syncAll(ctx, list.map((s) => s.id));
    return order;
  }

  @Authorized()
  @Mutation(() => Service, { description: 'Starts, stops or reboots the server of an active service (its customer, or SUPPORT); audited.' })
  async powerService(@Arg('id', () => ID) id: string, @Arg('action', () => PowerActionName) action: PowerActionName, @Ctx() ctx: Context) {
    return powerService(ctx.em, ctx.app.hosting, ctx.user, id, action as PowerAction);
  }

  @Authorized(Role.SUPPORT)
  @Mutation(() => Order, { description: 'Staff unsuspend, e.g. after an accidental suspension, giving the customer until payUntil to pay.' })
  async unsuspendOrder(@Arg('orderId', () => ID) orderId: string, @Arg('input') input: UnsuspendInput, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    const { order, services: list } = await hosting.unsuspendOrder(ctx.em, ctx.app.hosting, user, orderId, input.payUntil ?? null, input.reason.trim());
    await syncAll(ctx, list.map((s) => s.id));
    return order;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Service)
  async terminateService(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: Context) {
    // The same permission Service.allowedActions offers TERMINATE by.
    const s = await hosting.terminateService(ctx.em, requirePermission(ctx.user, 'hosting.terminate'), id, reason);
    return hosting.syncService(ctx.em.fork(), ctx.app.hosting, s.id);
  }

  @Authorized(Role.SUPPORT)
  @Mutation(() => Service, { description: 'Retries a failed driver action now' })
  retryServiceProvisioning(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return hosting.syncService(ctx.em, ctx.app.hosting, id, { force: true });
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => StaffTaskPage, { complexity: pageComplexity })
  staffTasks(@Args() args: ListArgs, @Arg('status', () => StaffTaskStatus, { nullable: true }) status: StaffTaskStatus | null, @Ctx() ctx: Context) {
    return findPage(ctx.em, StaffTask, status ? { status } : {}, args, { createdAt: 'createdAt', status: 'status' }, 'createdAt');
  }

  @Authorized(Role.SUPPORT)
  @Mutation(() => StaffTask)
  completeStaffTask(@Arg('id', () => ID) id: string, @Arg('note', () => String, { nullable: true }) note: string | null, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return hosting.completeStaffTask(ctx.em, ctx.app.hosting, user, id, note?.slice(0, 2000) ?? null);
  }

  @FieldResolver(() => ID)
  orderId(@Root() s: Readable<Service>) {
    return s.order.id;
  }

  @FieldResolver(() => ID)
  orderItemId(@Root() s: Readable<Service>) {
    return s.orderItem.id;
  }

  @FieldResolver(() => String, { description: 'Where the local driver serves the hosting page' })
  hostingUrl(@Root() s: Readable<Service>, @Ctx() ctx: Context) {
    return `${ctx.app.config.publicUrl}/hosting/${s.label}`;
  }

  @FieldResolver(() => [ServiceAction], { description: 'What the caller may do to the service now' })
  allowedActions(@Root() s: Readable<Service>, @Ctx() ctx: Context) {
    return allowedServiceActions(ctx.user, s);
  }

  @FieldResolver(() => ServiceDetails, { nullable: true, description: 'Asks the driver (one call per service): only on pages that show one or a few' })
  async details(@Root() s: Readable<Service>, @Ctx() ctx: Context) {
    // The driver's report needs the managed service (its order item): a plain row (an order's list) is looked up.
    return detailsOf(ctx.em, ctx.app.hosting, isPlainRow(s) ? await ctx.loaders.ref(ctx.em, Service, s) : (s as Service));
  }

  @FieldResolver(() => [PowerActionName], { description: 'Power actions possible now (none unless active)' })
  powerActions(@Root() s: Readable<Service>, @Ctx() ctx: Context) {
    return powerActionsOf(ctx.app.hosting, s);
  }

  @FieldResolver(() => [SuspensionEvent])
  suspensionHistory(@Root() s: Readable<Service>, @Ctx() ctx: Context) {
    return ctx.loaders.children(ctx.em, SuspensionEvent, 'service', s.id, { createdAt: 'asc', id: 'asc' });
  }
}

@Resolver(() => StaffTask)
export class StaffTaskResolver {
  @FieldResolver(() => Service, { nullable: true, description: 'The service a driver task is for (none for an end-of-contract request)' })
  service(@Root() task: StaffTask) {
    return task.service?.loadOrFail({ dataloader: true }) ?? null;
  }

  @FieldResolver(() => Order, { nullable: true, description: 'The order an end-of-contract request is about' })
  order(@Root() task: StaffTask) {
    return task.order?.loadOrFail({ dataloader: true }) ?? null;
  }
}

@Resolver(() => SuspensionEvent)
export class SuspensionEventResolver {
  @FieldResolver(() => Date)
  at(@Root() e: SuspensionEvent) {
    return e.createdAt;
  }
}

/** An order's services (plain rows), read ahead by a page of orders that shows them. */
const SERVICES: ChildRows<Service> = { entity: Service, fk: 'order', orderBy: { createdAt: 'asc' } };
readAhead('Order', 'services', rowsAheadFor(SERVICES));

@Resolver(() => Order)
export class OrderServicesResolver {
  @FieldResolver(() => [Service])
  services(@Root() order: Readable<Order>, @Ctx() ctx: Context) {
    return ctx.loaders.rows(ctx.em, SERVICES, order.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why no service can be created for this order now (SPK not confirmed, down payment open), in the reader\'s language; null when it can',
  })
  serviceBlockedReason(@Root() order: Readable<Order>) {
    return hosting.serviceBlockedReason(order)?.message ?? null;
  }
}
