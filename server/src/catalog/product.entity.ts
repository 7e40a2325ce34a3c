import { Collection, Embeddable, Embedded, Entity, Enum, Index, OneToMany, Property, Unique, BigIntType } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { RupiahScalar } from '../graphql/scalars';
import { ProductCategory } from './enums';
import { InstallmentPlan } from './installment-plan.entity';

@ObjectType()
@Embeddable()
export class ProductSpecs {
  @Field(() => String, { nullable: true, description: 'e.g. "4 vCPU" or "Intel Xeon E-2388G 8C/16T"' })
  @Property({ type: 'string', length: 120, nullable: true })
  cpu: string | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  ramGb: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  storageGb: number | null = null;

  @Field(() => String, { nullable: true, description: 'e.g. NVMe SSD, SATA SSD, HDD' })
  @Property({ type: 'string', length: 40, nullable: true })
  storageType: string | null = null;

  @Field(() => String, { nullable: true, description: 'e.g. "Unmetered 1 Gbps" or "2 TB/bulan"' })
  @Property({ type: 'string', length: 80, nullable: true })
  bandwidth: string | null = null;

  @Field(() => Int, { nullable: true, description: 'Colocation: rack units (U)' })
  @Property({ type: 'integer', nullable: true })
  rackUnits: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Colocation: power allowance in watts' })
  @Property({ type: 'integer', nullable: true })
  powerWatts: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  ipv4Count: number | null = null;
}

@ObjectType()
@Entity({ tableName: 'products' })
export class Product extends BaseEntity<'active' | 'setupFee' | 'description' | 'plans' | 'pricesIncludeVat' | 'contractEndTerms'> {
  @Field(() => ProductCategory)
  @Index()
  @Enum({ items: () => ProductCategory })
  category: ProductCategory;

  @Field()
  @Property({ length: 120 })
  name: string;

  @Field()
  @Unique()
  @Property({ length: 80 })
  slug: string;

  @Field()
  @Property({ type: 'text' })
  description: string = '';

  @Field(() => ProductSpecs)
  @Embedded(() => ProductSpecs, { prefix: 'spec_' })
  specs: ProductSpecs = new ProductSpecs();

  @Field(() => RupiahScalar, { description: 'Cash price per unit (harga tunai)' })
  @Property({ type: new BigIntType('bigint') })
  cashPrice: bigint;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  setupFee: bigint = 0n;

  @Field({ description: 'Whether cash price and setup fee already include PPN (VAT); if not, PPN is added per installment' })
  @Property()
  pricesIncludeVat: boolean = true;
  @Field(() => String, { nullable: true, description: 'What happens when the last installment is paid: ownership, renewal (shown to the customer)' })
  @Property({ type: 'text', nullable: true })
  contractEndTerms: string | null = null;

  @Field()
  @Index()
  @Property()
  active: boolean = true;

  @OneToMany(() => InstallmentPlan, (p) => p.product)
  plans = new Collection<InstallmentPlan>(this);
}
