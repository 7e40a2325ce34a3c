import { BigIntType, Check, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { LocalDateScalar, RupiahScalar } from '../graphql/scalars';
import { InstallmentStatus } from './installment-status';
import type { Order } from '../orders/order.entity';

export { InstallmentStatus };

/**
 * One line of an order's schedule. `paidAmount` and `lateFeePaid` only ever change together with
 * payment allocations, in the same transaction; the database refuses overpaying either.
 */
@ObjectType()
@Entity({ tableName: 'installments' })
@Unique({ properties: ['order', 'number'] })
@Index({ properties: ['status', 'dueDate'] })
// The dashboard's due-soon rows in the card's order, so its scan stops at the card's limit (reports/dashboard.ts).
@Index({ properties: ['dueDate', 'orderNumber', 'number'] })
// What the invoicing job looks for (installments/invoicing.ts): lines not invoiced yet, by due date.
@Index({ name: 'installments_to_invoice_index', expression: `create index "installments_to_invoice_index" on "installments" ("due_date") where "invoiced_at" is null` })
@Check({ name: 'installments_paid_within_amount', expression: 'paid_amount >= 0 and paid_amount <= amount' })
@Check({ name: 'installments_fee_paid_within_fee', expression: 'late_fee_paid >= 0 and late_fee_paid <= late_fee' })
@Check({ name: 'installments_stamp_duty_within_amount', expression: 'stamp_duty >= 0 and stamp_duty <= amount' })
export class Installment extends BaseEntity<'status' | 'paidAmount' | 'lateFee' | 'lateFeePaid' | 'paidAt' | 'invoicedAt' | 'taxBase' | 'otherTaxBase' | 'vat' | 'stampDuty'> {
  @ManyToOne('Order', { ref: true, deleteRule: 'cascade' })
  order: Ref<Order>;

  /**
   * The order's number, copied by the database (a trigger, Migration20261206000000) whatever a writer
   * sends: the dashboard's due-soon rows sort by it without looking up each line's order. Not read here.
   */
  @Property({ length: 32, default: '', lazy: true })
  orderNumber?: string;

  @Field(() => Int, { description: '0 = down payment with fees; 1..N monthly' })
  @Property()
  number: number;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  dueDate: string;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  amount: bigint;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  principal: bigint;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  margin: bigint;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  fees: bigint;

  @Field(() => RupiahScalar, { description: 'Tax base (harga jual) of this installment, without PPN' })
  @Property({ type: new BigIntType('bigint') })
  taxBase: bigint = 0n;

  @Field(() => RupiahScalar, { description: 'DPP nilai lain (11/12 of the tax base under PMK 131/2024)' })
  @Property({ type: new BigIntType('bigint') })
  otherTaxBase: bigint = 0n;

  @Field(() => RupiahScalar, { description: 'PPN (VAT) included in `amount`; 0 when the order has no VAT' })
  @Property({ type: new BigIntType('bigint') })
  vat: bigint = 0n;

  /**
   * Customer-borne e-Meterai (STAMP_DUTY_BORNE_BY=CUSTOMER) added to this line, included in `amount`,
   * no PPN; written only by tax/stamp-ledger.ts. Within a line it is paid last (`stampDutyPaid`).
   */
  @Field(() => RupiahScalar, { description: 'Bea meterai (e-Meterai) charged to the customer on this line, included in `amount`' })
  @Property({ type: new BigIntType('bigint') })
  stampDuty: bigint = 0n;

  @Field(() => InstallmentStatus)
  @Enum({ items: () => InstallmentStatus })
  status: InstallmentStatus = InstallmentStatus.PENDING;

  @Field(() => RupiahScalar, { description: 'Paid towards `amount`' })
  @Property({ type: new BigIntType('bigint') })
  paidAmount: bigint = 0n;

  @Field(() => RupiahScalar, { description: 'Late fee accrued so far' })
  @Property({ type: new BigIntType('bigint') })
  lateFee: bigint = 0n;

  @Field(() => RupiahScalar)
  @Property({ type: new BigIntType('bigint') })
  lateFeePaid: bigint = 0n;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  paidAt: Date | null = null;

  /**
   * The invoicing moment (INVOICE_LEAD_DAYS before the due date), claimed once by the invoicing job;
   * under TAX_POINT=INVOICED it is the tax point.
   */
  @Field(() => Date, { nullable: true, description: 'When the installment was invoiced (INVOICE_LEAD_DAYS before its due date)' })
  @Property({ type: 'timestamptz', nullable: true })
  invoicedAt: Date | null = null;
}
