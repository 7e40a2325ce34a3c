import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { STAFF_ROLES } from '../accounts/roles';
import { badInput } from '../common/errors';
import { todayJakarta } from '../common/time';
import type { Context } from '../graphql/context';
import { LocalDateScalar, RupiahScalar } from '../graphql/scalars';
import { SpkStatus } from '../spk/spk-status';
import DataLoader from 'dataloader';
import {
  AgingBucket,
  dashboardFigures,
  partKey,
  type Collections,
  type DashboardPart,
  type DashboardValue,
  type Receivables,
  type SpkQueueFigures,
  type UpcomingDueFigures,
  type WorkFigures,
} from './dashboard';
import { SECOND_CHANCE_WINDOW_DAYS } from '../orders/second-chance';

const RECEIVABLES: DashboardPart = { kind: 'receivables' };

registerEnumType(AgingBucket, {
  name: 'AgingBucket',
  description: 'How late what is owed is: CURRENT (not yet due, due today included), then days past the due date',
});

@ObjectType()
class AgingLine {
  @Field(() => AgingBucket) bucket: AgingBucket;
  @Field(() => RupiahScalar, { description: 'Unpaid amounts plus unpaid late fees' }) amount: bigint;
  @Field(() => Int) installments: number;
  @Field(() => Int) orders: number;
}

@ObjectType({ description: 'Everything still owed on orders that owe money now (SPK confirmed, not closed)' })
class ReceivablesFigures {
  @Field(() => RupiahScalar) amount: bigint;
  @Field(() => Int) installments: number;
  @Field(() => Int) orders: number;
}

@ObjectType({ description: 'Installments past their due date (Asia/Jakarta) with something unpaid' })
class OverdueFigures {
  @Field(() => Int) orders: number;
  @Field(() => Int) installments: number;
  @Field(() => RupiahScalar, { description: 'Arrears: unpaid amounts plus unpaid late fees' }) amount: bigint;
}

@ObjectType({ description: 'Cash basis for the current month in Asia/Jakarta: settled in the month minus refunded in the month' })
class CollectionsFigures {
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => RupiahScalar) settled: bigint;
  @Field(() => Int) settledCount: number;
  @Field(() => RupiahScalar) refunded: bigint;
  @Field(() => Int) refundedCount: number;
  @Field(() => RupiahScalar, { description: 'settled - refunded (negative in a month with more refunds than receipts)' }) net: bigint;
}

@ObjectType()
class UpcomingInstallment {
  @Field(() => ID) installmentId: string;
  @Field(() => Int) number: number;
  @Field(() => LocalDateScalar) dueDate: string;
  @Field(() => RupiahScalar, { description: 'Still owed on it' }) amount: bigint;
  @Field(() => ID) orderId: string;
  @Field() orderNumber: string;
  @Field() customerName: string;
  @Field() customerPhone: string;
}

@ObjectType()
class UpcomingDue {
  @Field(() => Int) days: number;
  @Field(() => Int, { description: 'All open installments in the window (items holds at most `limit`)' }) total: number;
  @Field(() => RupiahScalar) amount: bigint;
  @Field(() => [UpcomingInstallment]) items: UpcomingInstallment[];
}

@ObjectType()
class SpkAwaitingStaff {
  @Field(() => ID) spkId: string;
  @Field() number: string;
  @Field(() => SpkStatus) status: SpkStatus;
  @Field({ description: 'When the SPK entered its current status' }) since: Date;
  @Field(() => ID) orderId: string;
  @Field() orderNumber: string;
  @Field() customerName: string;
}

@ObjectType({ description: 'The day\'s work, counted; each figure is what its list shows with the matching filter' })
class DayWork implements WorkFigures {
  @Field(() => Int, { description: 'orders(filter: { status: [AWAITING_SPK] })' }) ordersAwaitingSpk: number;
  @Field(() => Int, { description: 'SPKs whose next move is staff\'s (Spk.waitingFor = STAFF)' }) spksAwaitingStaff: number;
  @Field(() => Int, { description: 'payments(filter: { awaitingVerification: true })' }) proofsToVerify: number;
  @Field(() => Int, { description: 'services(filter: { failing: true })' }) servicesFailing: number;
  @Field(() => Int, { description: 'orders(filter: { secondChanceEndsWithinDays: days })' }) secondChanceEnding: number;
}

@ObjectType()
class SpkQueue {
  @Field(() => Int) total: number;
  @Field(() => [SpkAwaitingStaff]) items: SpkAwaitingStaff[];
}

/**
 * The dashboard of one request at one "today". Each figure is its own field so a card asks only for
 * what it shows; the fields asked for in one request are gathered and answered by one statement
 * (dashboardFigures), so a page load that asks for every card reads the book once.
 */
@ObjectType({ description: 'Staff dashboard figures, as of today in Asia/Jakarta (the app clock)' })
export class Dashboard {
  @Field(() => LocalDateScalar) today: string;
  readonly asOf: Date;
  private readonly figures: DataLoader<DashboardPart, DashboardValue, string>;

  constructor(asOf: Date, em: EntityManager) {
    this.asOf = asOf;
    this.today = todayJakarta({ now: () => asOf });
    this.figures = new DataLoader((parts) => dashboardFigures(em, { today: this.today, now: asOf }, parts), {
      cacheKeyFn: partKey,
      // After every sibling field resolver has asked (they run in one synchronous loop, possibly
      // behind a few promise hops), not on the first tick: one batch per request.
      batchScheduleFn: (run) => setImmediate(run),
    });
  }

  get<T extends DashboardValue>(part: DashboardPart): Promise<T> {
    return this.figures.load(part) as Promise<T>;
  }
}

function checkRange(field: string, value: number, min: number, max: number) {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(field, 'validation.range', { min, max });
}

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => Dashboard, { description: 'Staff only. Figures computed in the database at request time' })
  dashboard(@Ctx() ctx: Context) {
    return new Dashboard(ctx.app.clock.now(), ctx.em);
  }

  @FieldResolver(() => Int, { description: 'Orders in status ACTIVE' })
  activeOrders(@Root() d: Dashboard) {
    return d.get<number>({ kind: 'activeOrders' });
  }

  @FieldResolver(() => ReceivablesFigures)
  async receivables(@Root() d: Dashboard): Promise<ReceivablesFigures> {
    const r = await d.get<Receivables>(RECEIVABLES);
    return {
      amount: r.buckets.reduce((s, b) => s + b.amount, 0n),
      installments: r.buckets.reduce((s, b) => s + b.installments, 0),
      orders: r.orders,
    };
  }

  @FieldResolver(() => OverdueFigures)
  async overdue(@Root() d: Dashboard): Promise<OverdueFigures> {
    const r = await d.get<Receivables>(RECEIVABLES);
    const late = r.buckets.filter((b) => b.bucket !== AgingBucket.CURRENT);
    return { orders: r.overdueOrders, installments: late.reduce((s, b) => s + b.installments, 0), amount: late.reduce((s, b) => s + b.amount, 0n) };
  }

  @FieldResolver(() => [AgingLine], { description: 'Receivables by days past due; always five lines, in bucket order, adding up to `receivables`' })
  async aging(@Root() d: Dashboard): Promise<AgingLine[]> {
    return (await d.get<Receivables>(RECEIVABLES)).buckets;
  }

  @FieldResolver(() => CollectionsFigures)
  collections(@Root() d: Dashboard) {
    return d.get<Collections>({ kind: 'collections' });
  }

  @FieldResolver(() => UpcomingDue, { description: 'Open installments due from today through today + days, soonest first' })
  async upcomingDue(
    @Root() d: Dashboard,
    @Arg('days', () => Int, { defaultValue: 7 }) days: number,
    @Arg('limit', () => Int, { defaultValue: 10 }) limit: number,
  ): Promise<UpcomingDue> {
    checkRange('days', days, 0, 90);
    checkRange('limit', limit, 1, 50);
    return { days, ...(await d.get<UpcomingDueFigures>({ kind: 'upcomingDue', days, limit })) };
  }

  @FieldResolver(() => SpkQueue, { description: 'SPKs whose next step is the staff’s (DRAFT, APPROVED, REVISION_REQUESTED, CUSTOMER_SIGNED). Most recent first' })
  spksAwaitingStaff(@Root() d: Dashboard, @Arg('limit', () => Int, { defaultValue: 10 }) limit: number) {
    checkRange('limit', limit, 1, 50);
    return d.get<SpkQueueFigures>({ kind: 'spksAwaitingStaff', limit });
  }

  @FieldResolver(() => DayWork, { description: 'The day\'s work for staff: new orders waiting for an SPK, SPKs waiting for staff, proofs to verify, failing services, second chances ending within `days`' })
  work(@Root() d: Dashboard, @Arg('days', () => Int, { defaultValue: SECOND_CHANCE_WINDOW_DAYS }) days: number) {
    checkRange('days', days, 1, 31);
    return d.get<WorkFigures>({ kind: 'work', days });
  }
}
