import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { User } from './user.entity';

/**
 * A "forgot password" link. Only the SHA-256 of its token is kept (the token itself is only in the
 * e-mail), it expires, and it is good once: using it marks every open link of the account used.
 */
@Entity({ tableName: 'password_resets' })
export class PasswordReset extends BaseEntity<'usedAt' | 'ip'> {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade', index: true })
  user: Ref<User>;

  @Unique()
  @Property({ length: 64 })
  tokenHash: string;

  @Index()
  @Property({ type: 'timestamptz' })
  expiresAt: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  ip: string | null = null;
}
