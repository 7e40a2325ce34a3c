import { BigIntType, Check, Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { LocalDateScalar, RupiahScalar } from '../graphql/scalars';

export enum StampDocumentKind {
  SPK = 'SPK',
  RECEIPT = 'RECEIPT',
}
registerEnumType(StampDocumentKind, { name: 'StampDocumentKind' });

export enum StampDutyBearer {
  COMPANY = 'COMPANY',
  CUSTOMER = 'CUSTOMER',
}
registerEnumType(StampDutyBearer, { name: 'StampDutyBearer' });

/**
 * One e-Meterai used on one of our documents: what the company reports and pays for (Bea Meterai,
 * UU 10/2020). Written by the `stampDuty.used` handler; one row per document and serial, so signing
 * the same document again with the same stamp records nothing new.
 */
@ObjectType()
@Entity({ tableName: 'stamp_duty_ledger' })
@Unique({ properties: ['documentKind', 'documentId', 'serial'] })
export class StampDutyUse extends BaseEntity<'chargedInstallmentId' | 'chargedOrderId' | 'chargedInstallmentNumber'> {
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  serial: string | null;

  @Field()
  @Property({ length: 16 })
  provider: string;

  @Field(() => StampDocumentKind)
  @Enum({ items: () => StampDocumentKind })
  documentKind: StampDocumentKind;

  @Field(() => String)
  @Property({ type: 'uuid' })
  documentId: string;

  @Field()
  @Property({ length: 40 })
  documentNumber: string;

  @Field(() => String)
  @Property({ type: 'uuid' })
  customerId: string;

  @Field()
  @Index()
  @Property({ type: 'timestamptz' })
  usedAt: Date;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  amount: bigint;

  /** Who pays the duty in the end: CUSTOMER only when it was charged on one of their installments. */
  @Field(() => StampDutyBearer)
  @Enum({ items: () => StampDutyBearer })
  borneBy: StampDutyBearer;

  /** 1, 2, 3, …: the how-manieth e-Meterai of the installation (what the quota is counted against). */
  @Field(() => Int)
  @Property({ unique: true })
  ordinal: number;

  /** The installment the customer-borne duty was added to (stamp-ledger.ts, chargeStampDuty). */
  @Field(() => String, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  chargedInstallmentId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  chargedOrderId: string | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  chargedInstallmentNumber: number | null = null;
}

export enum StampQuotaPurchaseStatus {
  RECORDED = 'RECORDED',
  /** Entered by mistake: no longer counts towards the quota (kept for the audit trail). */
  VOIDED = 'VOIDED',
}
registerEnumType(StampQuotaPurchaseStatus, { name: 'StampQuotaPurchaseStatus' });

/** e-Meterai quota bought from the distributor (PERURI's resellers), as ADMIN records it. */
@ObjectType()
@Entity({ tableName: 'stamp_quota_purchases' })
@Check({ name: 'stamp_quota_purchases_positive', expression: 'quantity > 0 and price_per_stamp >= 0' })
export class StampQuotaPurchase extends BaseEntity<'status' | 'voidReason'> {
  @Field(() => LocalDateScalar)
  @Index()
  @Property({ type: 'date' })
  purchasedOn: string;

  @Field(() => Int)
  @Property()
  quantity: number;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  pricePerStamp: bigint;

  @Field({ description: 'The distributor’s invoice or order number' })
  @Property({ length: 100 })
  reference: string;

  @Field(() => StampQuotaPurchaseStatus)
  @Enum({ items: () => StampQuotaPurchaseStatus })
  status: StampQuotaPurchaseStatus = StampQuotaPurchaseStatus.RECORDED;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  voidReason: string | null = null;

  @Property({ type: 'uuid' })
  createdBy: string;
}
