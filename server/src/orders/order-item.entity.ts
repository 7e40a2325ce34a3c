import { BigIntType, Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { ProductCategory } from '../catalog/enums';
import { InstallmentPlan } from '../catalog/installment-plan.entity';
import { Product } from '../catalog/product.entity';
import { BaseEntity } from '../db/base.entity';
import { RupiahScalar } from '../graphql/scalars';
import type { Order } from './order.entity';

/** What a plan's terms were when the deal was made; later catalog edits never change it. */
export interface PlanTermsSnapshot {
  planName: string;
  tenorMonths: number;
  downPaymentType: string;
  downPaymentValue: string;
  marginBpsPerMonth: number;
  adminFee: string;
  lateFeeGraceDays: number;
  lateFeeType: string;
  lateFeeValue: string;
  lateFeeCap: string | null;
  autoSuspendAfterDays: number | null;
}

/**
 * One unit of one product ("one by one"): three VPS are three items, each later with its own service.
 * Every commercial fact is copied here at checkout.
 */
@ObjectType()
@Entity({ tableName: 'order_items' })
export class OrderItem extends BaseEntity {
  @ManyToOne('Order', { ref: true, deleteRule: 'cascade', index: true })
  order: Ref<Order>;

  @Field(() => Int, { description: '1-based position within the order' })
  @Property()
  position: number;

  @ManyToOne(() => Product, { ref: true, index: true })
  product: Ref<Product>;

  @ManyToOne(() => InstallmentPlan, { ref: true })
  plan: Ref<InstallmentPlan>;

  @Field()
  @Property({ length: 120 })
  productName: string;

  @Field(() => ProductCategory)
  @Enum({ items: () => ProductCategory })
  category: ProductCategory;

  @Field(() => GraphQLJSONObject, { description: 'Specs as sold' })
  @Property({ type: 'jsonb' })
  specs: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { description: 'Plan terms as sold (amounts as strings of rupiah)' })
  @Property({ type: 'jsonb' })
  planTerms: PlanTermsSnapshot;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  cashPrice: bigint;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  setupFee: bigint;

  @Field(() => RupiahScalar, { description: 'This unit’s share of the order total' })
  @Property({ type: new BigIntType('bigint') })
  totalPrice: bigint;
}
