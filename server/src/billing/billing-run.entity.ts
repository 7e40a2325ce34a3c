import { Entity, Index, Property } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';

/**
 * One billing pass for a date, walked through the book in chunks of orders (by id). `cursor` is the
 * last order id a committed chunk handled: a pass that was killed, or that another process is running,
 * is picked up there by the next pass for the same date. The counts add up what every chunk did.
 */
@Entity({ tableName: 'billing_runs' })
@Index({ properties: ['passDate', 'finishedAt'] })
export class BillingRun extends BaseEntity<'cursor' | 'chunks' | 'statusChanges' | 'feesChanged' | 'reminders' | 'staffNotices' | 'graceExpired' | 'suspendedOrders' | 'finishedAt'> {
  @Property({ type: 'date' })
  passDate: string;

  @Property({ type: 'uuid', nullable: true })
  cursor: string | null = null;

  @Property()
  chunks: number = 0;

  @Property()
  statusChanges: number = 0;

  @Property()
  feesChanged: number = 0;

  @Property()
  reminders: number = 0;

  @Property()
  staffNotices: number = 0;

  @Property()
  graceExpired: number = 0;

  @Property({ type: 'jsonb' })
  suspendedOrders: string[] = [];

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;
}
