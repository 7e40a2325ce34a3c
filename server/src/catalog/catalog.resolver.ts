import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { isStaffUser } from '../accounts/access';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser } from '../graphql/current-user';
import { Role } from '../accounts/roles';
import { notFound } from '../common/errors';
import type { Context } from '../graphql/context';
import { pageComplexity } from '../graphql/limits';
import { groupBy } from '../graphql/loaders';
import { ListArgs, PageOf } from '../graphql/pagination';
import { LocalDateScalar, RupiahScalar } from '../graphql/scalars';
import { todayJakarta } from '../common/time';
import { buildSchedule } from '../installments/schedule';
import * as catalog from './catalog.service';
import { CreatePlanInput, CreateProductInput, PlanFilter, PlanTermsInput, ProductFilter, UpdateProductInput } from './inputs';
import { InstallmentPlan } from './installment-plan.entity';
import { Product } from './product.entity';
import { InstallmentQuote } from './types';

@ObjectType()
class ProductPage extends PageOf(Product) {}

@ObjectType()
class InstallmentPlanPage extends PageOf(InstallmentPlan) {}

const staff = (ctx: Context) => isStaffUser(ctx.user);

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductPage, { complexity: pageComplexity, description: 'The catalog. Public; staff also see inactive products.' })
  products(@Args() args: ListArgs, @Arg('filter', () => ProductFilter, { nullable: true }) filter: ProductFilter | undefined, @Ctx() ctx: Context) {
    return catalog.listProducts(ctx.em, filter, args, staff(ctx));
  }

  @Query(() => Product)
  product(
    @Arg('slug', () => String, { nullable: true }) slug: string | null,
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Ctx() ctx: Context,
  ) {
    return catalog.getProduct(ctx.em, { id, slug }, staff(ctx));
  }

  /** One query for the plans of every product in the response, whatever the number of products. */
  @FieldResolver(() => [InstallmentPlan], { description: 'Installment plans; the public sees active ones' })
  plans(@Root() product: Product, @Ctx() ctx: Context): Promise<InstallmentPlan[]> {
    const all = staff(ctx);
    return ctx.loaders
      .get<string, InstallmentPlan[]>(`plansByProduct:${all}`, async (ids) => {
        const rows = await ctx.em.find(
          InstallmentPlan,
          { product: { $in: [...ids] }, ...(all ? {} : { active: true }) },
          { orderBy: { tenorMonths: 'asc', id: 'asc' } },
        );
        return groupBy(ids, rows, (p) => p.product.id);
      })
      .load(product.id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Product)
  createProduct(@Arg('input') input: CreateProductInput, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return catalog.createProduct(ctx.em, user, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Product)
  updateProduct(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateProductInput, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return catalog.updateProduct(ctx.em, user, id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Only for products nothing refers to; otherwise deactivate.' })
  deleteProduct(@Arg('id', () => ID) id: string, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return catalog.deleteProduct(ctx.em, user, id);
  }
}

@Resolver(() => InstallmentPlan)
export class InstallmentPlanResolver {
  @Query(() => InstallmentPlanPage, { complexity: pageComplexity })
  installmentPlans(@Args() args: ListArgs, @Arg('filter', () => PlanFilter, { nullable: true }) filter: PlanFilter | undefined, @Ctx() ctx: Context) {
    return catalog.listPlans(ctx.em, filter, args, staff(ctx));
  }

  @Query(() => InstallmentPlan)
  async installmentPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const page = await catalog.listPlans(ctx.em, { ids: [id] }, Object.assign(new ListArgs(), { perPage: 1 }), staff(ctx));
    if (!page.items[0]) throw notFound('plan.notFound');
    return page.items[0];
  }

  @Query(() => InstallmentQuote, { description: 'Full schedule preview for buying `quantity` units of a product on a plan.' })
  installmentQuote(
    @Arg('productId', () => ID) productId: string,
    @Arg('planId', () => ID) planId: string,
    @Arg('quantity', () => Int, { defaultValue: 1 }) quantity: number,
    @Arg('startDate', () => LocalDateScalar, { nullable: true, description: 'Defaults to today in Asia/Jakarta' }) startDate: string | null,
    @Ctx() ctx: Context,
  ) {
    return catalog.quote(ctx.em, ctx.app.clock, { productId, planId, quantity, startDate }, staff(ctx), ctx.app.config);
  }

  @FieldResolver(() => ID)
  productId(@Root() plan: InstallmentPlan) {
    return plan.product.id;
  }

  @FieldResolver(() => RupiahScalar, { description: 'The usual monthly installment of one unit on this plan, as a quote starting today gives it' })
  async monthlyInstallment(@Root() plan: InstallmentPlan, @Ctx() ctx: Context) {
    const product = await plan.product.loadOrFail({ dataloader: true });
    return catalog.scheduleOrThrow(() => buildSchedule(product, plan, todayJakarta(ctx.app.clock))).lines.find((l) => l.number === 1)!.amount;
  }

  @FieldResolver(() => Product)
  product(@Root() plan: InstallmentPlan) {
    // MikroORM's dataloader batches these reference loads across all plans in the response.
    return plan.product.loadOrFail({ dataloader: true });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => InstallmentPlan)
  createInstallmentPlan(@Arg('input') input: CreatePlanInput, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return catalog.createPlan(ctx.em, user, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => InstallmentPlan)
  updateInstallmentPlan(@Arg('id', () => ID) id: string, @Arg('input') input: PlanTermsInput, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return catalog.updatePlan(ctx.em, user, id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean)
  deleteInstallmentPlan(@Arg('id', () => ID) id: string, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return catalog.deletePlan(ctx.em, user, id);
  }
}
