import { Arg, Args, Authorized, Ctx, Field, ID, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { Role } from '../accounts/roles';
import type { Context } from '../graphql/context';
import { pageComplexity } from '../graphql/limits';
import { findPage, ListArgs, PageOf } from '../graphql/pagination';
import { AuditLog } from './audit-log.entity';

@ObjectType()
class AuditLogPage extends PageOf(AuditLog) {}

@InputType()
class AuditFilter {
  @Field(() => String, { nullable: true }) entityType?: string;
  @Field(() => ID, { nullable: true }) entityId?: string;
  @Field(() => ID, { nullable: true }) actorId?: string;
  @Field(() => String, { nullable: true }) action?: string;
}

@Resolver(() => AuditLog)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditLogPage, { complexity: pageComplexity, description: 'Who did what, newest first by default.' })
  auditLog(@Args() args: ListArgs, @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | undefined, @Ctx() ctx: Context) {
    const where: FilterQuery<AuditLog> = {};
    if (filter?.entityType) where.entityType = filter.entityType;
    if (filter?.entityId) where.entityId = filter.entityId;
    if (filter?.actorId) where.actorId = filter.actorId;
    if (filter?.action) where.action = filter.action;
    if (!args.sortField) Object.assign(args, { sortField: 'at', sortOrder: 'DESC' });
    return findPage(ctx.em, AuditLog, where, args, { at: 'at', action: 'action', entityType: 'entityType' }, 'at');
  }
}
