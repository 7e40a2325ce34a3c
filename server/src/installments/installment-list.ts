import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Field, ID, InputType } from 'type-graphql';
import { badInput } from '../common/errors';
import { todayJakarta, type Clock } from '../common/time';
import { findPage, type ListArgs } from '../graphql/pagination';
import { LocalDateScalar } from '../graphql/scalars';
import { PAYABLE_STATUSES } from '../orders/order-status';
import { Installment, InstallmentStatus } from './installment.entity';
import { overdueOnSql } from './rules';

@InputType()
export class InstallmentFilter {
  @Field(() => Boolean, { nullable: true, description: 'true: past the due date (Asia/Jakarta) with something unpaid, on an order that owes money now' })
  overdue?: boolean;
  @Field(() => [InstallmentStatus], { nullable: true }) status?: InstallmentStatus[];
  @Field(() => LocalDateScalar, { nullable: true, description: 'Due on or after this date' }) dueFrom?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Due on or before this date' }) dueTo?: string;
  @Field(() => ID, { nullable: true }) orderId?: string;
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
}

/** Every order's installments in one list, for staff following up what falls due and what is late. */
export function listInstallments(em: EntityManager, filter: InstallmentFilter | undefined, args: ListArgs, clock: Clock) {
  const and: FilterQuery<Installment>[] = [];
  if (filter?.status?.length) and.push({ status: { $in: filter.status } });
  if (filter?.dueFrom && filter?.dueTo && filter.dueFrom > filter.dueTo) throw badInput('dueTo', 'validation.date');
  if (filter?.dueFrom) and.push({ dueDate: { $gte: filter.dueFrom } });
  if (filter?.dueTo) and.push({ dueDate: { $lte: filter.dueTo } });
  if (filter?.orderId) and.push({ order: filter.orderId });
  if (filter?.customerId) and.push({ order: { customer: filter.customerId } });
  if (filter?.ids?.length) and.push({ id: { $in: filter.ids } });
  if (filter?.overdue) {
    // The open-ness compares two columns, which a FilterQuery cannot say: a subquery on the same rule as the dashboard.
    const overdue = em.createQueryBuilder(Installment, 'i').select('i.id').where(overdueOnSql('?::date'), [todayJakarta(clock)]);
    and.push({ order: { status: { $in: [...PAYABLE_STATUSES] } }, id: { $in: overdue.getKnexQuery() as never } });
  }
  return findPage(em, Installment, and.length ? { $and: and } : {}, args, { dueDate: 'dueDate', amount: 'amount', status: 'status', number: 'number' }, 'dueDate');
}
