import { BigIntType, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity';
import { BaseEntity } from '../db/base.entity';
import { LocalDateScalar, RupiahScalar } from '../graphql/scalars';
import { Installment } from '../installments/installment.entity';
import { OrderItem } from './order-item.entity';
import { OrderStatus } from './order-status';
import type { VatTerms } from '../tax/vat';

/**
 * The seed's `Order {user -> produk; user_id, produk, name_customer, no.Telp, total_price}`, one per
 * installment plan checked out. Name and phone are as the customer gave them at checkout.
 */
@ObjectType()
@Entity({ tableName: 'orders' })
// The orders list's default order (newest first, ties by id): a page reads its rows by index, not by sorting the book.
@Index({ name: 'orders_created_at_id_index', expression: `create index "orders_created_at_id_index" on "orders" ("created_at" desc, "id")` })
// A customer's orders in that order (myOrders, a customer's page in the back office): read by index and
// stopped at the page's end whatever PostgreSQL guesses of how many a customer has, which is what lets
// it keep one generic plan for the page statement (db/plain-rows.ts). It serves the foreign key too.
@Index({ name: 'orders_customer_id_created_at_id_index', expression: `create index "orders_customer_id_created_at_id_index" on "orders" ("customer_id", "created_at" desc, "id")` })
export class Order extends BaseEntity<'status' | 'assignedTo' | 'graceUntil' | 'lateFeeGraceDays' | 'lateFeeType' | 'lateFeeValue' | 'lateFeeCap' | 'autoSuspendAfterDays' | 'cancelReason' | 'notes' | 'spkConfirmedAt' | 'items' | 'installments' | 'vatTerms'> {
  @Field({ description: 'Human-readable number, e.g. ORD-202611-000123' })
  @Unique()
  @Property({ length: 32 })
  number: string;

  @ManyToOne(() => User, { ref: true })
  customer: Ref<User>;

  @Field()
  @Property({ length: 120 })
  customerName: string;

  @Field({ description: 'E.164' })
  @Property({ length: 16 })
  customerPhone: string;

  @Field()
  @Property({ length: 254 })
  customerEmail: string;

  @Field(() => OrderStatus)
  @Index()
  @Enum({ items: () => OrderStatus })
  status: OrderStatus = OrderStatus.AWAITING_SPK;

  @Field(() => RupiahScalar, { description: 'Everything the customer pays: prices, fees and margin' })
  @Property({ type: new BigIntType('bigint') })
  totalPrice: bigint;

  @Field(() => LocalDateScalar, { description: 'Installment 0 is due on this date; the monthly ones on its day of the month' })
  @Property({ type: 'date' })
  startDate: string;

  /** The VAT rule as sold (tax/vat.ts); null for an order sold without VAT (or before VAT existed here). */
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'PPN terms as sold: rateBps, baseNumerator/baseDenominator (DPP nilai lain), pricesIncludeVat' })
  @Property({ type: 'jsonb', nullable: true })
  vatTerms: VatTerms | null = null;

  /** The plan's late-fee policy as sold, kept on the order so the billing pass can work set-based. */
  @Property()
  lateFeeGraceDays: number = 0;

  @Property({ length: 20 })
  lateFeeType: string = 'FIXED_PER_DAY';

  @Property({ type: new BigIntType('bigint') })
  lateFeeValue: bigint = 0n;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  lateFeeCap: bigint | null = null;

  @Property({ type: 'integer', nullable: true })
  autoSuspendAfterDays: number | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, index: true })
  assignedTo: Ref<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  spkConfirmedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'A second chance after an unsuspension: pay by this date' })
  @Property({ type: 'date', nullable: true })
  graceUntil: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @OneToMany(() => OrderItem, (i) => i.order, { orderBy: { position: 'asc' } })
  items = new Collection<OrderItem>(this);

  @OneToMany(() => Installment, (i) => i.order, { orderBy: { number: 'asc' } })
  installments = new Collection<Installment>(this);
}
