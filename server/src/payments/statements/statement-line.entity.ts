import { BigIntType, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../../accounts/user.entity';
import { BaseEntity } from '../../db/base.entity';
import { LocalDateScalar, RupiahScalar } from '../../graphql/scalars';
import { Payment } from '../payment.entity';

export enum StatementSource {
  BCA = 'BCA',
  MANDIRI = 'MANDIRI',
  BNI = 'BNI',
  BRI = 'BRI',
  MT940 = 'MT940',
  WEBHOOK = 'WEBHOOK',
}
registerEnumType(StatementSource, { name: 'StatementSource', description: 'Which bank export (or the statement-service webhook) a line came from' });

export enum StatementLineStatus {
  /** Settled a pending transfer (automatically, or matched by FINANCE). */
  MATCHED = 'MATCHED',
  /** In the reconciliation list. */
  UNMATCHED = 'UNMATCHED',
  /** FINANCE decided it is not a customer payment (or dealt with it outside), with a note. */
  DISMISSED = 'DISMISSED',
}
registerEnumType(StatementLineStatus, { name: 'StatementLineStatus' });

/**
 * One credit of an imported bank statement. `lineHash` (source, account, date, amount, text and the
 * occurrence of identical lines) is unique: importing the same statement again adds nothing and
 * settles nothing twice.
 */
@ObjectType()
@Entity({ tableName: 'bank_statement_lines' })
export class BankStatementLine extends BaseEntity<'status' | 'payment' | 'note' | 'resolvedBy' | 'payerName' | 'importedBy'> {
  @Field(() => StatementSource)
  @Enum({ items: () => StatementSource })
  source: StatementSource;

  @Property({ length: 64, unique: true })
  lineHash: string;

  @Field(() => LocalDateScalar, { description: 'Booking date (Asia/Jakarta)' })
  @Property({ type: 'date' })
  bookedOn: string;

  @Field(() => RupiahScalar)
  @Index()
  @Property({ type: new BigIntType('bigint') })
  amount: bigint;

  @Field()
  @Property({ type: 'text' })
  description: string;

  @Field(() => String, { nullable: true, description: 'Sender name, when the bank line names one' })
  @Property({ type: 'string', length: 120, nullable: true })
  payerName: string | null = null;

  @Field(() => StatementLineStatus)
  @Index()
  @Enum({ items: () => StatementLineStatus })
  status: StatementLineStatus = StatementLineStatus.UNMATCHED;

  @ManyToOne(() => Payment, { ref: true, nullable: true })
  payment: Ref<Payment> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  /** Null for lines the statement service posted. */
  @ManyToOne(() => User, { ref: true, nullable: true })
  importedBy: Ref<User> | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  resolvedBy: Ref<User> | null = null;
}
