import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import { Role } from '../accounts/roles';
import { currentScope } from '../common/request-context';
import type { Context } from '../graphql/context';
import { CurrentUser } from '../graphql/current-user';
import { pageComplexity } from '../graphql/limits';
import { findPage, ListArgs, PageOf } from '../graphql/pagination';
import { getOrder } from '../orders/orders.service';
import { AuditLog } from './audit-log.entity';
import { describeRows, orderTimeline, RecordKind, type HistoryEntryView, type Reader } from './history';

registerEnumType(RecordKind, { name: 'RecordKind', description: 'A record a history sentence names (and the app links to)' });

@ObjectType({ description: 'A piece of a history sentence: plain text, or the name of a record with its kind and id for a link' })
class SentencePart {
  @Field() text: string;
  @Field(() => RecordKind, { nullable: true }) kind: RecordKind | null;
  @Field(() => ID, { nullable: true }) refId: string | null;
}

@ObjectType({ description: "One line of an order's history: an audit entry or a notice, as a sentence in the reader's language" })
class HistoryEntry {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field({ description: 'The audit action (e.g. order.suspend), or `notice`' }) action: string;
  @Field() sentence: string;
  @Field(() => [SentencePart]) parts: SentencePart[];
}

@ObjectType()
class AuditLogPage extends PageOf(AuditLog) {}

@InputType()
class AuditFilter {
  @Field(() => String, { nullable: true }) entityType?: string;
  @Field(() => ID, { nullable: true }) entityId?: string;
  @Field(() => ID, { nullable: true }) actorId?: string;
  @Field(() => String, { nullable: true }) action?: string;
}

function reader(user: AuthUser, ctx: Context): Reader {
  return { user, locale: currentScope()?.locale ?? 'id', companyName: ctx.app.config.COMPANY_NAME };
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

  @Query(() => [HistoryEntry], {
    description:
      "The order's history in time order: its own, its SPKs', payments' and services' audit entries and the notices sent about it, as sentences. The order's customer sees the entries meant for them; staff see all.",
  })
  orderTimeline(@Arg('orderId', () => ID) orderId: string, @CurrentUser() user: AuthUser, @Ctx() ctx: Context): Promise<HistoryEntryView[]> {
    return getOrder(ctx.em, user, orderId).then((order) => orderTimeline(ctx.em, order, reader(user, ctx)));
  }

  @FieldResolver(() => String, { description: "The entry as a sentence in the reader's language" })
  sentence(@Root() row: AuditLog, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return describe(row, user, ctx).then((entry) => entry.sentence);
  }

  @FieldResolver(() => [SentencePart], { description: 'The sentence in pieces, with the records it names for links' })
  parts(@Root() row: AuditLog, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return describe(row, user, ctx).then((entry) => entry.parts);
  }
}

/** One batch per request: a page of the log loads the records it names once. */
function describe(row: AuditLog, user: AuthUser, ctx: Context): Promise<HistoryEntryView> {
  return ctx.loaders.get<AuditLog, HistoryEntryView>('audit.describe', (rows) => describeRows(ctx.em, [...rows], reader(user, ctx))).load(row);
}
