import { IsOptional } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser } from '../graphql/current-user';
import { IntRange, MaxChars, NotBlank } from '../common/validators';
import type { Context } from '../graphql/context';
import { LocalDateScalar } from '../graphql/scalars';
import { Order } from '../orders/order.entity';
import { getOrder } from '../orders/orders.service';
import { Spk } from '../spk/spk.entity';
import { Restructuring } from './restructuring.entity';
import { restructureOrder } from './restructuring.service';
import type { Readable } from '../db/plain-rows';

@InputType()
class RestructureInput {
  @Field(() => ID) orderId: string;
  @Field(() => Int, { description: 'Number of new monthly installments' }) @IntRange(1, 60) tenorMonths: number;
  @Field({ description: 'true: unpaid late fees move into the new schedule; false: they are waived' }) includeLateFees: boolean;
  @Field(() => LocalDateScalar, { nullable: true, description: 'First new due date (default today)' }) @IsOptional() firstDueDate?: string | null;
  @Field() @NotBlank() @MaxChars(1000) reason: string;
}

@Resolver(() => Restructuring)
export class RestructuringResolver {
  @Authorized()
  @Mutation(() => Restructuring, { description: 'SUPPORT/ADMIN: the open amount of an order in arrears becomes a new schedule under an SPK addendum.' })
  restructureOrder(@Arg('input') input: RestructureInput, @Ctx() ctx: Context) {
    return restructureOrder(ctx.em, ctx.app.spk, ctx.user, input);
  }

  @FieldResolver(() => Spk, { nullable: true, description: 'The SPK addendum the customer approves and signs' })
  addendum(@Root() r: Restructuring, @Ctx() ctx: Context) {
    return r.addendum ? ctx.em.findOne(Spk, r.addendum.id) : null;
  }
}

@Resolver(() => Order)
export class OrderRestructuringResolver {
  @FieldResolver(() => [Restructuring], { description: 'Restructurings of this order, oldest first' })
  async restructurings(@Root() order: Readable<Order>, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    await getOrder(ctx.em, user, order.id);
    // By id: on read paths `order` is a plain row (db/plain-rows.ts).
    return ctx.em.find(Restructuring, { order: order.id }, { orderBy: { round: 'asc' } });
  }
}
