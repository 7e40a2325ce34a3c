import { IsOptional } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { Product } from '../catalog/product.entity';
import { MaxChars } from '../common/validators';
import type { Context } from '../graphql/context';
import { contractRequestsOf, requestContractChange } from './contract-end';
import { ContractRequest, ContractRequestKind } from './contract-request.entity';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';
import type { Readable } from '../db/plain-rows';

@InputType()
class ContractRequestInput {
  @Field(() => ContractRequestKind) kind: ContractRequestKind;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(1000) note?: string | null;
}

/** The end of the contract on an order: what the products say happens next, and the customer's requests. */
@Resolver(() => Order)
export class OrderContractEndResolver {
  @Authorized()
  @Mutation(() => ContractRequest, { description: 'Once every installment is paid: the customer asks to renew, upgrade or cancel; staff get a task.' })
  requestContractChange(@Arg('orderId', () => ID) orderId: string, @Arg('input') input: ContractRequestInput, @Ctx() ctx: Context) {
    return requestContractChange(ctx.em, ctx.app.events, ctx.user, orderId, input);
  }

  @FieldResolver(() => [String], { description: 'What happens when the last installment is paid, per product of the order (ownership, renewal)' })
  async contractEndTerms(@Root() order: Readable<Order>, @Ctx() ctx: Context): Promise<string[]> {
    const items = await ctx.loaders.children(ctx.em, OrderItem, 'order', order.id, { position: 'asc' });
    const products = await Promise.all(items.map((item) => ctx.em.findOneOrFail(Product, item.product.id)));
    return [...new Set(products.map((p) => p.contractEndTerms).filter((t): t is string => !!t))];
  }

  @FieldResolver(() => [ContractRequest])
  contractRequests(@Root() order: Readable<Order>, @Ctx() ctx: Context) {
    return contractRequestsOf(ctx.em, order.id);
  }
}
