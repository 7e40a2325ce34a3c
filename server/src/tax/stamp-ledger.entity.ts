import { BigIntType, Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';

export enum StampDocumentKind {
  SPK = 'SPK',
  RECEIPT = 'RECEIPT',
}

export enum StampDutyBearer {
  COMPANY = 'COMPANY',
  CUSTOMER = 'CUSTOMER',
}

/**
 * One e-Meterai used on one of our documents: what the company reports and pays for (Bea Meterai,
 * UU 10/2020). Written by the `stampDuty.used` handler; one row per document and serial, so signing
 * the same document again with the same stamp records nothing new.
 */
@Entity({ tableName: 'stamp_duty_ledger' })
@Unique({ properties: ['documentKind', 'documentId', 'serial'] })
export class StampDutyUse extends BaseEntity {
  @Property({ type: 'string', length: 64, nullable: true })
  serial: string | null;

  @Property({ length: 16 })
  provider: string;

  @Enum({ items: () => StampDocumentKind })
  documentKind: StampDocumentKind;

  @Property({ type: 'uuid' })
  documentId: string;

  @Property({ length: 40 })
  documentNumber: string;

  @Property({ type: 'uuid' })
  customerId: string;

  @Index()
  @Property({ type: 'timestamptz' })
  usedAt: Date;

  @Property({ type: new BigIntType('bigint') })
  amount: bigint;

  @Enum({ items: () => StampDutyBearer })
  borneBy: StampDutyBearer;

  /** 1, 2, 3, …: the how-manieth e-Meterai of the installation (what the quota is counted against). */
  @Property({ unique: true })
  ordinal: number;
}
