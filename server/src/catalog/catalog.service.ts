import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import { audit } from '../audit/audit';
import { AppError, badInput, conflict, notFound } from '../common/errors';
import { t } from '../common/messages';
import { todayJakarta, type Clock } from '../common/time';
import { findPage, type ListArgs } from '../graphql/pagination';
import { buildSchedule, ScheduleError, type Schedule } from '../installments/schedule';
import { DownPaymentType, LateFeeType, ProductCategory } from './enums';
import type { CreatePlanInput, CreateProductInput, PlanFilter, PlanTermsInput, ProductFilter, ProductSpecsInput, UpdateProductInput } from './inputs';
import { InstallmentPlan } from './installment-plan.entity';
import { Product, ProductSpecs } from './product.entity';
import { vatTermsFrom, type TaxConfig } from '../tax/vat';

const ref = (type: string, id: string) => ({ entityType: type, entityId: id });

/** Colocation is rack space and power; every other category is a machine with CPU, RAM and disk. */
function checkSpecs(category: ProductCategory, specs: ProductSpecs) {
  const required: (keyof ProductSpecs)[] = category === ProductCategory.COLOCATION ? ['rackUnits', 'powerWatts'] : ['cpu', 'ramGb', 'storageGb'];
  for (const spec of required) {
    if (specs[spec] === null || specs[spec] === undefined) {
      throw new AppError('BAD_USER_INPUT', t('product.specsRequired', { spec }), { field: `specs.${spec}` });
    }
  }
}

function applySpecs(target: ProductSpecs, input: ProductSpecsInput) {
  for (const key of Object.keys(input) as (keyof ProductSpecsInput)[]) {
    if (input[key] !== undefined) (target as unknown as Record<string, unknown>)[key] = input[key] ?? null;
  }
}

async function flushCatalog(em: EntityManager) {
  try {
    await em.flush();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw conflict('product.slugTaken', {}, { field: 'slug' });
    throw err;
  }
}

/** Turns "the schedule cannot be built" into the input error that explains which term is wrong. */
export function scheduleOrThrow(fn: () => Schedule): Schedule {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ScheduleError) {
      if (err.problem === 'downPaymentTooLarge') throw badInput('downPaymentValue', 'plan.downPaymentTooLarge');
      throw badInput('tenorMonths', 'plan.installmentTooSmall');
    }
    throw err;
  }
}

/** Terms that make no sense whatever the price: checked on create and on every update. */
function checkPlanTerms(plan: InstallmentPlan) {
  if (plan.downPaymentType === DownPaymentType.PERCENT && plan.downPaymentValue > 9_000n) {
    throw badInput('downPaymentValue', 'validation.range', { min: 0, max: 9000 });
  }
  if (plan.lateFeeType === LateFeeType.PERCENT_PER_DAY && plan.lateFeeValue > 1_000n) {
    throw badInput('lateFeeValue', 'validation.range', { min: 0, max: 1000 });
  }
}

export async function listProducts(em: EntityManager, filter: ProductFilter | undefined, args: ListArgs, staff: boolean) {
  const where: FilterQuery<Product> = {};
  if (filter?.category) where.category = filter.category;
  if (!staff) where.active = true;
  else if (filter?.active !== undefined && filter.active !== null) where.active = filter.active;
  if (filter?.ids?.length) where.id = { $in: filter.ids };
  if (filter?.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.$or = [{ name: { $ilike: like } }, { slug: { $ilike: like } }, { description: { $ilike: like } }];
  }
  return findPage(em, Product, where, args, { name: 'name', category: 'category', cashPrice: 'cashPrice', createdAt: 'createdAt', slug: 'slug' }, 'name');
}

export async function getProduct(em: EntityManager, by: { id?: string | null; slug?: string | null }, staff: boolean) {
  if (!by.id && !by.slug) throw badInput('slug', 'validation.required', { field: 'slug' });
  const product = await em.findOne(Product, by.id ? { id: by.id } : { slug: by.slug! });
  if (!product || (!staff && !product.active)) throw notFound('product.notFound');
  return product;
}

export async function createProduct(em: EntityManager, actor: AuthUser, input: CreateProductInput) {
  const specs = new ProductSpecs();
  applySpecs(specs, input.specs);
  checkSpecs(input.category, specs);
  if (await em.count(Product, { slug: input.slug })) throw conflict('product.slugTaken', {}, { field: 'slug' });
  const product = em.create(Product, {
    category: input.category,
    name: input.name.trim(),
    slug: input.slug,
    description: input.description?.trim() ?? '',
    specs,
    cashPrice: input.cashPrice,
    setupFee: input.setupFee ?? 0n,
    pricesIncludeVat: input.pricesIncludeVat ?? true,
    active: input.active ?? true,
  });
  audit(em, actor, 'product.create', ref('Product', product.id), { name: product.name, cashPrice: product.cashPrice });
  await flushCatalog(em);
  return product;
}

export async function updateProduct(em: EntityManager, actor: AuthUser, id: string, input: UpdateProductInput) {
  const product = await em.findOne(Product, id, { populate: ['plans'] });
  if (!product) throw notFound('product.notFound');
  const before = { cashPrice: product.cashPrice, setupFee: product.setupFee, active: product.active, name: product.name };
  if (input.category) product.category = input.category;
  if (input.name) product.name = input.name.trim();
  if (input.slug && input.slug !== product.slug) {
    if (await em.count(Product, { slug: input.slug, id: { $ne: product.id } })) throw conflict('product.slugTaken', {}, { field: 'slug' });
    product.slug = input.slug;
  }
  if (input.description !== undefined && input.description !== null) product.description = input.description.trim();
  if (input.specs) applySpecs(product.specs, input.specs);
  checkSpecs(product.category, product.specs);
  if (input.cashPrice) product.cashPrice = input.cashPrice;
  if (input.setupFee !== undefined && input.setupFee !== null) product.setupFee = input.setupFee;
  if (input.pricesIncludeVat !== undefined && input.pricesIncludeVat !== null) product.pricesIncludeVat = input.pricesIncludeVat;
  if (input.active !== undefined && input.active !== null) product.active = input.active;
  // A new price must still work with every plan sold for it.
  for (const plan of product.plans) scheduleOrThrow(() => buildSchedule(product, plan, '2026-01-31'));
  audit(em, actor, 'product.update', ref('Product', product.id), { before, input: { ...input } });
  await flushCatalog(em);
  return product;
}

/** Deletes a product nobody bought; one with plans or orders must be deactivated instead. */
export async function deleteProduct(em: EntityManager, actor: AuthUser, id: string) {
  const product = await em.findOne(Product, id);
  if (!product) throw notFound('product.notFound');
  em.remove(product);
  audit(em, actor, 'product.delete', ref('Product', id), { name: product.name });
  try {
    await em.flush();
  } catch (err) {
    if (err instanceof ForeignKeyConstraintViolationException) throw conflict('product.inUse');
    throw err;
  }
  return true;
}

export async function listPlans(em: EntityManager, filter: PlanFilter | undefined, args: ListArgs, staff: boolean) {
  const where: FilterQuery<InstallmentPlan> = {};
  if (filter?.productId) where.product = filter.productId;
  if (!staff) where.active = true;
  else if (filter?.active !== undefined && filter.active !== null) where.active = filter.active;
  if (filter?.ids?.length) where.id = { $in: filter.ids };
  return findPage(em, InstallmentPlan, where, args, { name: 'name', tenorMonths: 'tenorMonths', createdAt: 'createdAt' }, 'tenorMonths');
}

function applyPlanTerms(plan: InstallmentPlan, input: PlanTermsInput) {
  const keys = ['name', 'tenorMonths', 'downPaymentType', 'downPaymentValue', 'marginBpsPerMonth', 'adminFee', 'lateFeeGraceDays', 'lateFeeType', 'lateFeeValue', 'active'] as const;
  for (const key of keys) {
    const value = input[key];
    if (value !== undefined && value !== null) (plan as unknown as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
  }
  // These two are nullable on purpose: null means "no cap" and "never auto-suspend".
  if (input.lateFeeCap !== undefined) plan.lateFeeCap = input.lateFeeCap ?? null;
  if (input.autoSuspendAfterDays !== undefined) plan.autoSuspendAfterDays = input.autoSuspendAfterDays ?? null;
}

export async function createPlan(em: EntityManager, actor: AuthUser, input: CreatePlanInput) {
  const product = await em.findOne(Product, input.productId);
  if (!product) throw notFound('product.notFound');
  const plan = em.create(InstallmentPlan, {
    product,
    name: input.name.trim(),
    tenorMonths: input.tenorMonths,
    downPaymentType: input.downPaymentType,
    downPaymentValue: input.downPaymentValue,
  });
  applyPlanTerms(plan, input);
  checkPlanTerms(plan);
  scheduleOrThrow(() => buildSchedule(product, plan, '2026-01-31'));
  audit(em, actor, 'plan.create', ref('InstallmentPlan', plan.id), { productId: product.id, name: plan.name, tenorMonths: plan.tenorMonths });
  await em.flush();
  return plan;
}

export async function updatePlan(em: EntityManager, actor: AuthUser, id: string, input: PlanTermsInput) {
  const plan = await em.findOne(InstallmentPlan, id, { populate: ['product'] });
  if (!plan) throw notFound('plan.notFound');
  applyPlanTerms(plan, input);
  checkPlanTerms(plan);
  scheduleOrThrow(() => buildSchedule(plan.product.$, plan, '2026-01-31'));
  audit(em, actor, 'plan.update', ref('InstallmentPlan', plan.id), { input: { ...input } });
  await em.flush();
  return plan;
}

export async function deletePlan(em: EntityManager, actor: AuthUser, id: string) {
  const plan = await em.findOne(InstallmentPlan, id);
  if (!plan) throw notFound('plan.notFound');
  em.remove(plan);
  audit(em, actor, 'plan.delete', ref('InstallmentPlan', id), { name: plan.name });
  try {
    await em.flush();
  } catch (err) {
    if (err instanceof ForeignKeyConstraintViolationException) throw conflict('plan.inUse');
    throw err;
  }
  return true;
}

export async function quote(
  em: EntityManager,
  clock: Clock,
  args: { productId: string; planId: string; quantity: number; startDate?: string | null },
  staff: boolean,
  taxConfig: TaxConfig,
) {
  if (!Number.isInteger(args.quantity) || args.quantity < 1 || args.quantity > 100) {
    throw badInput('quantity', 'validation.range', { min: 1, max: 100 });
  }
  const product = await em.findOne(Product, args.productId);
  if (!product || (!staff && !product.active)) throw notFound('product.notFound');
  const plan = await em.findOne(InstallmentPlan, args.planId);
  if (!plan || (!staff && !plan.active)) throw notFound('plan.notFound');
  if (plan.product.id !== product.id) throw badInput('planId', 'plan.notForProduct');
  const startDate = args.startDate ?? todayJakarta(clock);
  const schedule = scheduleOrThrow(() => buildSchedule(product, plan, startDate, args.quantity, vatTermsFrom(taxConfig, product.pricesIncludeVat)));
  const monthly = schedule.lines.find((l) => l.number === 1)!;
  return {
    ...schedule,
    product,
    plan,
    startDate,
    firstPayment: schedule.lines[0]!.amount,
    monthlyInstallment: monthly.amount,
  };
}
