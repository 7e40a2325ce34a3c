import { BigIntType, Entity, Enum, Index, ManyToOne, OneToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { StoredFile } from '../files/stored-file.entity';
import { Payment } from '../payments/payment.entity';

export enum ReceiptStatus {
  /** Numbered in the payment's transaction; the PDF is made by the receipts job. */
  PENDING = 'PENDING',
  READY = 'READY',
}

/**
 * The kwitansi of one settled payment. The number is taken in the payment's own transaction (gap-free:
 * a rolled-back settlement gives it back); rendering, the e-Meterai and storing the PDF happen later in
 * the receipts job, with no transaction open while the document is made.
 */
@Entity({ tableName: 'receipts' })
export class Receipt extends BaseEntity<'status' | 'file' | 'stampSerial' | 'leaseUntil' | 'attempts' | 'lastError'> {
  @OneToOne(() => Payment, { ref: true, owner: true, unique: true })
  payment: Ref<Payment>;

  /** KW/<year>/<n>, n counting from 1 each calendar year in Asia/Jakarta. */
  @Property({ length: 32, unique: true })
  number: string;

  @Property({ type: new BigIntType('bigint') })
  amount: bigint;

  /** Above RECEIPT_STAMP_THRESHOLD when numbered: the PDF gets an e-Meterai. */
  @Property()
  stampRequired: boolean;

  @Index()
  @Enum({ items: () => ReceiptStatus })
  status: ReceiptStatus = ReceiptStatus.PENDING;

  @ManyToOne(() => StoredFile, { ref: true, nullable: true })
  file: Ref<StoredFile> | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  stampSerial: string | null = null;

  /** A job run that claimed the receipt holds it until then; a crashed run's claim runs out. */
  @Property({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null = null;

  @Property()
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;
}
