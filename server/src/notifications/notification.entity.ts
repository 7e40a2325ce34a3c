import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../accounts/user.entity';
import { BaseEntity } from '../db/base.entity';

/** An in-app notification (the customer's "menu notif"); other channels are its deliveries. */
@ObjectType()
@Entity({ tableName: 'notifications' })
@Index({ properties: ['recipient', 'createdAt'] })
// An order's last overdue notice, for the staff orders list (`lastOverdueNoticeAt`, billing.resolver.ts: same types).
@Index({
  name: 'notifications_overdue_order_number_index',
  expression: `create index "notifications_overdue_order_number_index" on "notifications" ((data->>'orderNumber'), "created_at") where "type" in ('OVERDUE_NOTICE', 'INSTALLMENT_OVERDUE')`,
})
export class Notification extends BaseEntity<'readAt' | 'link' | 'data'> {
  @ManyToOne(() => User, { ref: true })
  recipient: Ref<User>;

  @Field({ description: 'e.g. INSTALLMENT_OVERDUE, SPK_CONFIRMED' })
  @Index()
  @Property({ length: 40 })
  type: string;

  @Field()
  @Property({ length: 200 })
  title: string;

  @Field()
  @Property({ type: 'text' })
  body: string;

  @Field(() => String, { nullable: true, description: 'Where in the app it leads' })
  @Property({ type: 'string', length: 500, nullable: true })
  link: string | null = null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  readAt: Date | null = null;
}

export enum Channel {
  EMAIL = 'EMAIL',
  WHATSAPP = 'WHATSAPP',
}
registerEnumType(Channel, { name: 'Channel' });

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });

/**
 * The transactional outbox: written in the same transaction as the change that caused it, sent by a
 * job afterwards with retries and backoff. Status, attempts and the last error are kept for staff.
 */
@ObjectType()
@Entity({ tableName: 'notification_deliveries' })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class NotificationDelivery extends BaseEntity<'status' | 'attempts' | 'lastError' | 'nextAttemptAt' | 'lockedUntil' | 'claimedBy' | 'sentAt' | 'providerMessageId'> {
  @ManyToOne(() => Notification, { ref: true, index: true, deleteRule: 'cascade' })
  notification: Ref<Notification>;

  @Field(() => Channel)
  @Enum({ items: () => Channel })
  channel: Channel;

  @Field({ description: 'Email address or E.164 phone' })
  @Property({ length: 254 })
  target: string;

  /** Everything the sender needs, rendered at write time in the recipient's language. */
  @Property({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Field(() => DeliveryStatus)
  @Enum({ items: () => DeliveryStatus })
  status: DeliveryStatus = DeliveryStatus.PENDING;

  @Field(() => Int)
  @Property()
  attempts: number = 0;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null = new Date();

  /** The lease: until then the row belongs to the outbox run named by claimedBy (see deliverDue). */
  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  claimedBy: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  providerMessageId: string | null = null;
}
