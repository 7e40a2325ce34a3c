import { Entity, Enum, Index, OneToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { Order } from '../orders/order.entity';

export enum VirtualAccountStatus {
  /** Asked for on SPK confirmation; the gateway has not been called (or answered) yet. */
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  /** The gateway refused; retried later with backoff, the reason kept. */
  FAILED = 'FAILED',
}
registerEnumType(VirtualAccountStatus, { name: 'VirtualAccountStatus' });

/**
 * The order's own fixed virtual account (one per contract). The row is written in the SPK
 * confirmation's transaction (an outbox entry); the gateway is called after commit by the
 * `virtual-accounts` job, never inside a transaction.
 */
@ObjectType()
@Entity({ tableName: 'virtual_accounts' })
@Unique({ properties: ['provider', 'number'] })
@Unique({ properties: ['provider', 'providerId'] })
export class VirtualAccount extends BaseEntity<'status' | 'number' | 'providerId' | 'attempts' | 'nextAttemptAt' | 'lastError'> {
  @OneToOne(() => Order, { ref: true, owner: true, unique: true })
  order: Ref<Order>;

  @Field({ description: 'sandbox, midtrans or xendit' })
  @Property({ length: 16 })
  provider: string;

  @Field({ description: 'Bank of the account (BCA, BNI, BRI, MANDIRI, PERMATA, ...)' })
  @Property({ length: 16 })
  bankCode: string;

  @Field({ description: 'Account holder name the bank shows' })
  @Property({ length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: 'The number to transfer to; null until the gateway created it' })
  @Property({ type: 'string', length: 32, nullable: true })
  number: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  providerId: string | null = null;

  @Field(() => VirtualAccountStatus)
  @Index()
  @Enum({ items: () => VirtualAccountStatus })
  status: VirtualAccountStatus = VirtualAccountStatus.PENDING;

  @Property()
  attempts: number = 0;

  /** Also the claim lease: a worker that picks the row pushes this ahead before calling the gateway. */
  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null = null;

  /** The gateway's refusal, for staff (see VirtualAccountResolver). */
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;
}
