import { BigIntType, Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { Field, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity';
import { BaseEntity } from '../db/base.entity';
import { StoredFile } from '../files/stored-file.entity';
import { RupiahScalar } from '../graphql/scalars';
import { Installment } from '../installments/installment.entity';
import { Order } from '../orders/order.entity';
import { PaymentKind, PaymentMethod, PaymentStatus } from './enums';
import { VirtualAccount } from './virtual-account.entity';

@ObjectType()
@Entity({ tableName: 'payments' })
@Unique({ properties: ['createdBy', 'idempotencyKey'] })
@Check({ name: 'payments_amount_positive', expression: 'amount > 0' })
export class Payment extends BaseEntity<
  'status' | 'provider' | 'providerReference' | 'redirectUrl' | 'uniqueCode' | 'qrString' | 'virtualAccount' | 'verifiedBy' | 'verifiedAt' | 'rejectionReason' | 'settledAt' | 'proof' | 'allocations' | 'idempotencyKey' | 'expiresAt'
> {
  @ManyToOne(() => Order, { ref: true, index: true })
  order: Ref<Order>;

  @Field({ description: 'Our reference, sent to the gateway as its order id' })
  @Unique()
  @Property({ length: 40 })
  reference: string;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  amount: bigint;

  @Field(() => PaymentMethod)
  @Enum({ items: () => PaymentMethod })
  method: PaymentMethod;

  @Field(() => PaymentKind)
  @Enum({ items: () => PaymentKind })
  kind: PaymentKind;

  @Field(() => PaymentStatus)
  @Index()
  @Enum({ items: () => PaymentStatus })
  status: PaymentStatus = PaymentStatus.PENDING;

  @Field(() => String, { nullable: true, description: 'sandbox, midtrans or xendit' })
  @Property({ type: 'string', length: 16, nullable: true })
  provider: string | null = null;

  @Field(() => String, { nullable: true })
  @Index()
  @Property({ type: 'string', length: 100, nullable: true })
  providerReference: string | null = null;

  @Field(() => RupiahScalar, { description: 'BANK_TRANSFER: the three-digit code added to the amount so the bank statement line names this payment (0 otherwise)' })
  @Property({ type: new BigIntType('bigint'), default: 0 })
  uniqueCode: bigint = 0n;

  @Field(() => String, { nullable: true, description: 'QRIS: the code to scan (EMVCo payload)' })
  @Property({ type: 'text', nullable: true })
  qrString: string | null = null;

  /** VIRTUAL_ACCOUNT: the account the money arrived in. */
  @ManyToOne(() => VirtualAccount, { ref: true, nullable: true })
  virtualAccount: Ref<VirtualAccount> | null = null;

  @Field(() => String, { nullable: true, description: 'Where the customer pays online' })
  @Property({ type: 'text', nullable: true })
  redirectUrl: string | null = null;

  /** A client-chosen key: the same create request sent twice makes one payment. */
  @Property({ type: 'string', length: 64, nullable: true })
  idempotencyKey: string | null = null;

  @ManyToOne(() => User, { ref: true })
  createdBy: Ref<User>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  verifiedBy: Ref<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  settledAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  @ManyToOne(() => StoredFile, { ref: true, nullable: true })
  proof: Ref<StoredFile> | null = null;

  @OneToMany(() => PaymentAllocation, (a) => a.payment)
  allocations = new Collection<PaymentAllocation>(this);
}

/** The part of a settled payment applied to one installment: its late fee first, then its amount. */
@ObjectType()
@Entity({ tableName: 'payment_allocations' })
@Check({ name: 'payment_allocations_non_negative', expression: 'principal >= 0 and late_fee >= 0 and principal + late_fee > 0' })
export class PaymentAllocation extends BaseEntity<'reversedAt'> {
  @ManyToOne(() => Payment, { ref: true, index: true })
  payment: Ref<Payment>;

  @ManyToOne(() => Installment, { ref: true, index: true })
  installment: Ref<Installment>;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  principal: bigint;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  lateFee: bigint;

  /** Set when the payment is refunded: the row stays as history, the money leaves the installment. */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  reversedAt: Date | null = null;
}

/**
 * A transfer proof waiting for FINANCE: a bank transfer, still pending, with its proof uploaded. The
 * payments list's `awaitingVerification` filter and the dashboard's count both use this one filter.
 */
export const AWAITING_VERIFICATION = { method: PaymentMethod.BANK_TRANSFER, status: PaymentStatus.PENDING, proof: { $ne: null } } as const satisfies FilterQuery<Payment>;
