import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Installment } from '../installments/installment.entity';

/**
 * One reminder that went out: the unique key (installment, kind, offset) is what makes the billing
 * pass send each reminder exactly once, however often and on however many processes it runs.
 */
@Entity({ tableName: 'installment_reminders' })
@Unique({ properties: ['installment', 'kind', 'offsetDays'] })
export class InstallmentReminder extends BaseEntity {
  @ManyToOne(() => Installment, { ref: true, deleteRule: 'cascade' })
  installment: Ref<Installment>;

  /** BEFORE (due in n days), AFTER (n days late), STAFF (the admins' overdue notice). */
  @Index()
  @Property({ length: 8 })
  kind: 'BEFORE' | 'AFTER' | 'STAFF';

  @Property()
  offsetDays: number;

  @Property({ type: 'date' })
  sentOn: string;
}
