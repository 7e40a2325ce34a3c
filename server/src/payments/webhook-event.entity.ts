import { BigIntType, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity';
import { BaseEntity } from '../db/base.entity';
import { RupiahScalar } from '../graphql/scalars';
import { AnomalyKind } from './enums';
import { Payment } from './payment.entity';

/**
 * Every gateway notification we accepted, once: the unique (provider, event key) is what makes a
 * webhook delivered twice, or a hundred times at once, settle a payment exactly once.
 */
@Entity({ tableName: 'webhook_events' })
@Unique({ properties: ['provider', 'eventKey'] })
export class WebhookEvent extends BaseEntity<'outcome' | 'payment'> {
  @Property({ length: 16 })
  provider: string;

  @Property({ length: 200 })
  eventKey: string;

  @ManyToOne(() => Payment, { ref: true, nullable: true })
  payment: Ref<Payment> | null = null;

  @Property({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Property({ length: 32 })
  outcome: string = 'received';
}

/** Money that arrived but could not be applied as it stands; staff resolve it (usually a refund). */
@ObjectType()
@Entity({ tableName: 'payment_anomalies' })
export class PaymentAnomaly extends BaseEntity<'payment' | 'expected' | 'resolvedAt' | 'resolvedBy' | 'resolution'> {
  @Field(() => AnomalyKind)
  @Index()
  @Enum({ items: () => AnomalyKind })
  kind: AnomalyKind;

  @ManyToOne(() => Payment, { ref: true, nullable: true })
  payment: Ref<Payment> | null = null;

  @Field()
  @Property({ length: 16 })
  provider: string;

  @Field()
  @Property({ length: 100 })
  reference: string;

  @Field(() => RupiahScalar, { nullable: true })
  @Property({ type: new BigIntType('bigint'), nullable: true })
  expected: bigint | null = null;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  received: bigint;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'jsonb' })
  details: Record<string, unknown>;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  resolvedBy: Ref<User> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  resolution: string | null = null;
}
