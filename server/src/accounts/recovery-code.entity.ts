import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { User } from './user.entity';

/**
 * One two-factor recovery code, for when the authenticator is lost. Only its keyed hash is stored; a code
 * works once (`usedAt` is claimed by a conditional update) and a new set replaces the old one.
 */
@Entity({ tableName: 'two_factor_recovery_codes' })
export class RecoveryCode extends BaseEntity<'usedAt'> {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade', index: true })
  user: Ref<User>;

  @Unique()
  @Property({ length: 64 })
  codeHash: string;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt: Date | null = null;
}
