import type { FilterQuery } from '@mikro-orm/postgresql';
import { IsOptional } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requirePermission } from '../accounts/access';
import { requireStaff, requireUser } from '../accounts/auth-user';
import { Role, STAFF_ROLES, isStaff } from '../accounts/roles';
import { notFound } from '../common/errors';
import { MaxChars, NotBlank } from '../common/validators';
import type { Context } from '../graphql/context';
import { pageComplexity } from '../graphql/limits';
import { findPage, ListArgs, PageOf } from '../graphql/pagination';
import { LocalDateScalar } from '../graphql/scalars';
import { Order } from '../orders/order.entity';
import { Service, StaffTask, StaffTaskStatus, SuspensionEvent } from './service.entity';
import { ServiceAction, ServiceStatus } from './service-status';
import { allowedServiceActions } from './service-actions';
import * as hosting from './hosting.service';

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
  myServices(@Ctx() ctx: Context) {
    return ctx.em.find(Service, { customer: requireUser(ctx.user).id }, { orderBy: { createdAt: 'asc' } });
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => ServicePage, { complexity: pageComplexity })
  services(@Args() args: ListArgs, @Arg('filter', () => ServiceFilter, { nullable: true }) filter: ServiceFilter | undefined, @Ctx() ctx: Context) {
    const where: FilterQuery<Service> = {};
    if (filter?.status?.length) where.status = { $in: filter.status };
    if (filter?.orderId) where.order = filter.orderId;
    if (filter?.failing) where.provisioning = 'FAILED' as never;
    if (filter?.ids?.length) where.id = { $in: filter.ids };
    return findPage(ctx.em, Service, where, args, { createdAt: 'createdAt', label: 'label', status: 'status' }, 'createdAt');
  }

  @Authorized()
  @Query(() => Service)
  async service(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const user = requireUser(ctx.user);
    const s = await ctx.em.findOne(Service, id);
    if (!s || (!isStaff(user.role) && s.customer.id !== user.id)) throw notFound('service.notFound');
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

  @Authorized(Role.SUPPORT)
  @Mutation(() => Order, { description: 'Staff unsuspend, e.g. after an accidental suspension, giving the customer until payUntil to pay.' })
  async unsuspendOrder(@Arg('orderId', () => ID) orderId: string, @Arg('input') input: UnsuspendInput, @Ctx() ctx: Context) {
    const { order, services: list } = await hosting.unsuspendOrder(ctx.em, ctx.app.hosting, requireStaff(ctx.user), orderId, input.payUntil ?? null, input.reason.trim());
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
  completeStaffTask(@Arg('id', () => ID) id: string, @Arg('note', () => String, { nullable: true }) note: string | null, @Ctx() ctx: Context) {
    return hosting.completeStaffTask(ctx.em, ctx.app.hosting, requireStaff(ctx.user), id, note?.slice(0, 2000) ?? null);
  }

  @FieldResolver(() => ID)
  orderId(@Root() s: Service) {
    return s.order.id;
  }

  @FieldResolver(() => ID)
  orderItemId(@Root() s: Service) {
    return s.orderItem.id;
  }

  @FieldResolver(() => String, { description: 'Where the local driver serves the hosting page' })
  hostingUrl(@Root() s: Service, @Ctx() ctx: Context) {
    return `${ctx.app.config.publicUrl}/hosting/${s.label}`;
  }

  @FieldResolver(() => [ServiceAction], { description: 'What the caller may do to the service now' })
  allowedActions(@Root() s: Service, @Ctx() ctx: Context) {
    return allowedServiceActions(ctx.user, s);
  }

  @FieldResolver(() => [SuspensionEvent])
  suspensionHistory(@Root() s: Service, @Ctx() ctx: Context) {
    return ctx.loaders.children(ctx.em, SuspensionEvent, 'service', s.id, { createdAt: 'asc', id: 'asc' });
  }
}

@Resolver(() => StaffTask)
export class StaffTaskResolver {
  @FieldResolver(() => Service)
  service(@Root() task: StaffTask) {
    return task.service.loadOrFail({ dataloader: true });
  }
}

@Resolver(() => SuspensionEvent)
export class SuspensionEventResolver {
  @FieldResolver(() => Date)
  at(@Root() e: SuspensionEvent) {
    return e.createdAt;
  }
}

@Resolver(() => Order)
export class OrderServicesResolver {
  @FieldResolver(() => [Service])
  services(@Root() order: Order, @Ctx() ctx: Context) {
    return ctx.loaders.children(ctx.em, Service, 'order', order.id, { createdAt: 'asc' });
  }
}
