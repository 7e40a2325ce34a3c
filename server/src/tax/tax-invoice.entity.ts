import { BigIntType, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../accounts/user.entity';
import { BaseEntity } from '../db/base.entity';
import { LocalDateScalar, RupiahScalar } from '../graphql/scalars';
import { Installment } from '../installments/installment.entity';
import { Order } from '../orders/order.entity';
import { EncryptedText } from '../privacy/encrypted-type';

export enum TaxInvoiceKind {
  /** Faktur Pajak keluaran for one installment. */
  NORMAL = 'NORMAL',
  /** Nota pembatalan / retur: a refund takes (part of) a reported invoice's tax base and PPN back. */
  RETURN = 'RETURN',
}
registerEnumType(TaxInvoiceKind, { name: 'TaxInvoiceKind' });

export enum TaxInvoiceStatus {
  /** Made at the tax point, not yet in a Coretax file. */
  DRAFT = 'DRAFT',
  /** Written into a Coretax import file; waiting for its number. */
  EXPORTED = 'EXPORTED',
  /** Coretax assigned its 17-digit number (imported back). */
  NUMBERED = 'NUMBERED',
  /** A draft whose payment was refunded before it ever reached Coretax: nothing to report. */
  CANCELLED = 'CANCELLED',
}
registerEnumType(TaxInvoiceStatus, { name: 'TaxInvoiceStatus' });

/**
 * One tax invoice (or return note) with everything Coretax needs, copied at the tax point: later profile
 * edits never change an invoice already made. Amounts are whole rupiah from tax/vat.ts.
 */
@ObjectType()
@Entity({ tableName: 'tax_invoices' })
@Index({ properties: ['period', 'status'] })
// Exactly one live invoice per installment, however often the payment webhook or the event repeats.
@Index({ name: 'tax_invoices_one_per_installment', expression: `create unique index "tax_invoices_one_per_installment" on "tax_invoices" ("installment_id") where kind = 'NORMAL' and status <> 'CANCELLED'` })
@Unique({ properties: ['original', 'paymentId'] })
export class TaxInvoice extends BaseEntity<'status' | 'coretaxNumber' | 'exportedAt' | 'numberedAt' | 'original' | 'paymentId' | 'buyerIdtku' | 'buyerEmail'> {
  @Field({ description: 'Our reference (RefDesc in Coretax), e.g. FP-202612-000042' })
  @Unique()
  @Property({ length: 32 })
  reference: string;

  @Field(() => TaxInvoiceKind)
  @Enum({ items: () => TaxInvoiceKind })
  kind: TaxInvoiceKind;

  @Field(() => TaxInvoiceStatus)
  @Enum({ items: () => TaxInvoiceStatus })
  status: TaxInvoiceStatus = TaxInvoiceStatus.DRAFT;

  @ManyToOne(() => Order, { ref: true, index: true })
  order: Ref<Order>;

  @ManyToOne(() => Installment, { ref: true, index: true })
  installment: Ref<Installment>;

  @ManyToOne(() => User, { ref: true, index: true })
  customer: Ref<User>;

  /** For a RETURN: the invoice it takes back from, and the refunded payment (one return per refund). */
  @ManyToOne(() => TaxInvoice, { ref: true, nullable: true })
  original: Ref<TaxInvoice> | null = null;

  @Property({ type: 'uuid', nullable: true })
  paymentId: string | null = null;

  @Field(() => LocalDateScalar, { description: 'Tanggal faktur (Asia/Jakarta): the tax point' })
  @Property({ type: 'date' })
  invoiceDate: string;

  @Field({ description: 'YYYY-MM of the invoice date: the tax period it is reported in' })
  @Property({ length: 7 })
  period: string;

  @Field({ description: 'Coretax transaction code (04 = DPP nilai lain)' })
  @Property({ length: 2 })
  trxCode: string;

  @Field({ description: 'Buyer NPWP (16 digits; the NIK for individuals)' })
  @Property({ type: new EncryptedText('tax_invoices.buyer_tin') })
  buyerTin: string;

  @Field(() => String, { nullable: true, description: 'Buyer NITKU (22 digits)' })
  @Property({ type: 'string', length: 22, nullable: true })
  buyerIdtku: string | null = null;

  @Field()
  @Property({ length: 160 })
  buyerName: string;

  @Field()
  @Property({ type: new EncryptedText('tax_invoices.buyer_address') })
  buyerAddress: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 254, nullable: true })
  buyerEmail: string | null = null;

  @Field({ description: 'What was delivered, e.g. "Cicilan 3/12 ORD-202612-000001: VPS NVMe 4"' })
  @Property({ length: 200 })
  description: string;

  @Field(() => RupiahScalar, { description: 'Harga jual / DPP (without PPN)' })
  @Property({ type: new BigIntType('bigint') })
  taxBase: bigint;

  @Field(() => RupiahScalar, { description: 'DPP nilai lain' })
  @Property({ type: new BigIntType('bigint') })
  otherTaxBase: bigint;

  @Field(() => Int, { description: 'PPN rate in basis points (1200 = 12 %)' })
  @Property()
  vatRateBps: number;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  vat: bigint;

  @Field(() => String, { nullable: true, description: 'Nomor faktur pajak Coretax (17 digits), imported back' })
  @Unique()
  @Property({ type: 'string', length: 17, nullable: true })
  coretaxNumber: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  exportedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  numberedAt: Date | null = null;
}
