import { BigIntType, Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { RupiahScalar } from '../graphql/scalars';
import { DownPaymentType, LateFeeType } from './enums';
import type { Product } from './product.entity';

/** The seed's `Store {produk, cicilan}`: how one product may be bought on installments. */
@ObjectType()
@Entity({ tableName: 'installment_plans' })
export class InstallmentPlan extends BaseEntity<
  'active' | 'adminFee' | 'marginBpsPerMonth' | 'lateFeeGraceDays' | 'lateFeeType' | 'lateFeeValue' | 'lateFeeCap' | 'autoSuspendAfterDays'
> {
  @ManyToOne('Product', { ref: true, index: true })
  product: Ref<Product>;

  @Field()
  @Property({ length: 120 })
  name: string;

  @Field(() => Int, { description: 'Number of monthly installments after the down payment' })
  @Property()
  tenorMonths: number;

  @Field(() => DownPaymentType)
  @Enum({ items: () => DownPaymentType })
  downPaymentType: DownPaymentType;

  @Field(() => RupiahScalar, { description: 'Basis points of the cash price when PERCENT (1000 = 10 %), rupiah when FIXED' })
  @Property({ type: new BigIntType('bigint') })
  downPaymentValue: bigint;

  @Field(() => Int, { description: 'Flat margin a month on the financed amount, in basis points (150 = 1.5 %)' })
  @Property()
  marginBpsPerMonth: number = 0;

  @Field(() => RupiahScalar, { description: 'One-time administration fee, paid with the down payment' })
  @Property({ type: new BigIntType('bigint') })
  adminFee: bigint = 0n;

  @Field(() => Int, { description: 'Days after the due date before late fees start' })
  @Property()
  lateFeeGraceDays: number = 0;

  @Field(() => LateFeeType)
  @Enum({ items: () => LateFeeType })
  lateFeeType: LateFeeType = LateFeeType.FIXED_PER_DAY;

  @Field(() => RupiahScalar, { description: 'Rupiah a day (FIXED_PER_DAY) or basis points of the overdue amount a day (PERCENT_PER_DAY)' })
  @Property({ type: new BigIntType('bigint') })
  lateFeeValue: bigint = 0n;

  @Field(() => RupiahScalar, { nullable: true, description: 'Most late fee one installment can carry; null = no cap' })
  @Property({ type: new BigIntType('bigint'), nullable: true })
  lateFeeCap: bigint | null = null;

  @Field(() => Int, { nullable: true, description: 'Suspend automatically after this many days overdue; null = never (the customer chooses)' })
  @Property({ type: 'integer', nullable: true })
  autoSuspendAfterDays: number | null = null;

  @Field()
  @Property()
  active: boolean = true;
}
