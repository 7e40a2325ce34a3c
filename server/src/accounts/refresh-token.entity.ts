import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { User } from './user.entity';

/**
 * One refresh token. Only its SHA-256 is stored. Tokens rotate: using one revokes it and issues the
 * next in the same family; presenting a revoked token again revokes the whole family (theft).
 */
@Entity({ tableName: 'refresh_tokens' })
export class RefreshToken extends BaseEntity<'revokedAt' | 'userAgent' | 'ip' | 'mfa'> {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user: Ref<User>;

  @Unique()
  @Property({ length: 64 })
  tokenHash: string;

  @Index()
  @Property({ type: 'uuid' })
  familyId: string;

  @Property({ type: 'timestamptz' })
  expiresAt: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'string', length: 255, nullable: true })
  userAgent: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  ip: string | null = null;

  /** The session was opened with a second factor; every rotation keeps it, so it cannot be lost or gained. */
  @Property()
  mfa: boolean = false;
}
