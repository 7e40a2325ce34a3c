import { BigIntType, Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity';
import { BaseEntity } from '../db/base.entity';
import { LocalDateScalar, RupiahScalar } from '../graphql/scalars';
import { Order } from '../orders/order.entity';
import { Spk } from '../spk/spk.entity';

/** What an installment was when a restructuring closed it (it keeps only what was paid). */
export interface RestructuredLine {
  id: string;
  number: number;
  amount: string;
  paidAmount: string;
  lateFee: string;
  lateFeePaid: string;
  vat: string;
}

/**
 * One restructuring of an order in arrears: the open amount became a new schedule, under an SPK
 * addendum the customer approves and signs like the first SPK. `round` is unique per order, so two
 * staff restructuring at once make one restructuring, not two.
 */
@ObjectType()
@Entity({ tableName: 'restructurings' })
@Unique({ properties: ['order', 'round'] })
export class Restructuring extends BaseEntity<'addendum'> {
  @ManyToOne(() => Order, { ref: true, index: true })
  order: Ref<Order>;

  @Field(() => Int, { description: '1 for the first restructuring of the order, 2 for the next…' })
  @Property()
  round: number;

  @Field(() => RupiahScalar, { description: 'Unpaid installment amounts moved into the new schedule' })
  @Property({ type: new BigIntType('bigint') })
  openAmount: bigint;

  @Field(() => RupiahScalar, { description: 'Unpaid late fees moved into the new schedule (0 when waived)' })
  @Property({ type: new BigIntType('bigint') })
  lateFeesCarried: bigint;

  @Field(() => RupiahScalar, { description: 'Unpaid late fees waived by the decision' })
  @Property({ type: new BigIntType('bigint') })
  lateFeesWaived: bigint;

  @Field(() => Int)
  @Property()
  tenorMonths: number;

  @Field(() => LocalDateScalar, { description: 'The first new installment falls due on this date' })
  @Property({ type: 'date' })
  firstDueDate: string;

  @Field()
  @Property({ type: 'text' })
  reason: string;

  @Field(() => [GraphQLJSONObject], { description: 'The old lines as they were (amounts as strings of rupiah)' })
  @Property({ type: 'jsonb' })
  oldLines: RestructuredLine[];

  /** The SPK addendum the customer approves and signs. */
  @ManyToOne(() => Spk, { ref: true, nullable: true })
  addendum: Ref<Spk> | null = null;

  @ManyToOne(() => User, { ref: true })
  createdBy: Ref<User>;
}
