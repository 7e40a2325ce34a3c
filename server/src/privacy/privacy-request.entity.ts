import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../accounts/user.entity';
import { BaseEntity } from '../db/base.entity';

export enum PrivacyRequestKind {
  CORRECTION = 'CORRECTION',
  ERASURE = 'ERASURE',
}
registerEnumType(PrivacyRequestKind, { name: 'PrivacyRequestKind', description: 'CORRECTION (perbaikan) or ERASURE (penghapusan) of personal data' });

export enum PrivacyRequestStatus {
  OPEN = 'OPEN',
  COMPLETED = 'COMPLETED',
  REJECTED = 'REJECTED',
}
registerEnumType(PrivacyRequestStatus, { name: 'PrivacyRequestStatus' });

/** What an erasure left in place, and the rule that requires it. */
@ObjectType()
export class KeptRecord {
  @Field({ description: 'What was kept, e.g. orders' }) what: string;
  @Field({ description: 'Why it must be kept' }) why: string;
}

/**
 * A data subject's request under UU PDP 27/2022: correct (Art. 6, 30) or erase (Art. 8, 43) their personal
 * data. The controller must act within 3 x 24 hours (Art. 30(2), 43(2)), so `dueAt` is fixed at creation
 * and the staff queue sorts by it.
 */
@ObjectType()
@Entity({ tableName: 'privacy_requests' })
@Index({ properties: ['status', 'dueAt'] })
export class PrivacyRequest extends BaseEntity<'status' | 'details' | 'handledBy' | 'handledAt' | 'resolution' | 'kept'> {
  @ManyToOne(() => User, { ref: true, index: true })
  customer: Ref<User>;

  @Field(() => PrivacyRequestKind)
  @Enum({ items: () => PrivacyRequestKind })
  kind: PrivacyRequestKind;

  @Field(() => PrivacyRequestStatus)
  @Enum({ items: () => PrivacyRequestStatus })
  status: PrivacyRequestStatus = PrivacyRequestStatus.OPEN;

  @Field(() => String, { nullable: true, description: "The customer's words: what is wrong and what it should say, or why to erase" })
  @Property({ type: 'text', nullable: true })
  details: string | null = null;

  @Field({ description: 'createdAt + 72 hours (3 x 24 jam)' })
  @Property({ type: 'timestamptz' })
  dueAt: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  handledBy: Ref<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  handledAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'What staff did, or why the request was refused' })
  @Property({ type: 'text', nullable: true })
  resolution: string | null = null;

  @Field(() => [KeptRecord], { nullable: true, description: 'For a completed erasure: what was kept and why' })
  @Property({ type: 'jsonb', nullable: true })
  kept: KeptRecord[] | null = null;
}
