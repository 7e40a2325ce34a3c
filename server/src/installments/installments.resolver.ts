import { Arg, Args, Authorized, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { STAFF_ROLES } from '../accounts/roles';
import type { Context } from '../graphql/context';
import { pageComplexity } from '../graphql/limits';
import { ListArgs, PageOf } from '../graphql/pagination';
import { Order } from '../orders/order.entity';
import { Installment } from './installment.entity';
import { InstallmentFilter, listInstallments } from './installment-list';
import type { Readable } from '../db/plain-rows';

@ObjectType()
class InstallmentPage extends PageOf(Installment) {}

@Resolver(() => Installment)
export class InstallmentResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => InstallmentPage, { complexity: pageComplexity, description: 'Installments across orders (staff). Sort: dueDate (default), amount, status, number' })
  installments(@Args() args: ListArgs, @Arg('filter', () => InstallmentFilter, { nullable: true }) filter: InstallmentFilter | undefined, @Ctx() ctx: Context) {
    return listInstallments(ctx.em, filter, args, ctx.app.clock);
  }

  @FieldResolver(() => ID)
  orderId(@Root() installment: Readable<Installment>) {
    return installment.order.id;
  }

  /** Batched with every other row of the page (MikroORM's per-request reference dataloader). */
  @FieldResolver(() => Order)
  order(@Root() installment: Readable<Installment>, @Ctx() ctx: Context) {
    return ctx.loaders.ref(ctx.em, Order, installment.order);
  }
}
