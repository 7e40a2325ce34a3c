import { BigIntType, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../accounts/user.entity';
import { BaseEntity } from '../db/base.entity';
import { StoredFile } from '../files/stored-file.entity';
import { RupiahScalar } from '../graphql/scalars';
import { Order } from '../orders/order.entity';
import { SpkAction, SpkStatus } from './spk-status';

/** One cooperation agreement for one order. A cancelled SPK stays as history; a new one may follow. */
@ObjectType()
@Entity({ tableName: 'spks' })
export class Spk extends BaseEntity<
  'status' | 'currentVersion' | 'approvedAt' | 'confirmedAt' | 'confirmedBy' | 'stampSerial' | 'stampProvider' | 'stampDuty' | 'revisionComments' | 'rejectionReason' | 'customerSignatureBox'
> {
  @ManyToOne(() => Order, { ref: true, index: true })
  order: Ref<Order>;

  @ManyToOne(() => User, { ref: true, index: true })
  customer: Ref<User>;

  @Field({ description: 'SPK/2026/11/000123: unique, gap-free per month' })
  @Unique()
  @Property({ length: 32 })
  number: string;

  @Field({ description: 'Printed on every page and in the QR; opens /verify/<code>' })
  @Unique()
  @Property({ length: 32 })
  documentCode: string;

  @Field(() => SpkStatus)
  @Index()
  @Enum({ items: () => SpkStatus })
  status: SpkStatus = SpkStatus.DRAFT;

  @Field(() => Int)
  @Property()
  currentVersion: number = 0;

  @Field(() => Date, { nullable: true, description: 'When the customer approved the draft; signing needs it' })
  @Property({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  confirmedBy: Ref<User> | null = null;

  @ManyToOne(() => User, { ref: true })
  createdBy: Ref<User>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  stampSerial: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 16, nullable: true })
  stampProvider: string | null = null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Bea meterai paid for this SPK' })
  @Property({ type: new BigIntType('bigint'), nullable: true })
  stampDuty: bigint | null = null;

  @Field(() => String, { nullable: true, description: 'The customer’s latest requested changes' })
  @Property({ type: 'text', nullable: true })
  revisionComments: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;

  /** PIHAK KEDUA's signature box in the admin-signed copy: where a provider places the customer's signature. */
  @Property({ type: 'json', nullable: true })
  customerSignatureBox: { page: number; x: number; y: number; width: number; height: number } | null = null;
}

export enum SpkVersionKind {
  DRAFT = 'DRAFT',
  ADMIN_SIGNED = 'ADMIN_SIGNED',
  CUSTOMER_SIGNED = 'CUSTOMER_SIGNED',
}
registerEnumType(SpkVersionKind, { name: 'SpkVersionKind' });

/** Every PDF the SPK ever had, with its SHA-256: drafts, the admin-signed copy, customer uploads. */
@ObjectType()
@Entity({ tableName: 'spk_versions' })
@Unique({ properties: ['spk', 'version'] })
export class SpkVersion extends BaseEntity<'verification' | 'note'> {
  @ManyToOne(() => Spk, { ref: true, deleteRule: 'cascade' })
  spk: Ref<Spk>;

  @Field(() => Int)
  @Property()
  version: number;

  @Field(() => SpkVersionKind)
  @Enum({ items: () => SpkVersionKind })
  kind: SpkVersionKind;

  @ManyToOne(() => StoredFile, { ref: true })
  file: Ref<StoredFile>;

  @Field()
  @Property({ length: 64 })
  sha256: string;

  @ManyToOne(() => User, { ref: true })
  createdBy: Ref<User>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'For customer uploads: what the server found (document code, derivation, signatures, e-Meterai)' })
  @Property({ type: 'jsonb', nullable: true })
  verification: Record<string, unknown> | null = null;
}

/** The SPK's history: every transition with who, when, from, to and why. */
@ObjectType()
@Entity({ tableName: 'spk_events' })
export class SpkEvent extends BaseEntity<'reason' | 'actor'> {
  @ManyToOne(() => Spk, { ref: true, deleteRule: 'cascade', index: true })
  spk: Ref<Spk>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  actor: Ref<User> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 16, nullable: true })
  actorRole: string | null;

  @Field(() => String, { description: 'CREATE or an SpkAction' })
  @Property({ length: 32 })
  action: SpkAction | 'CREATE';

  @Field(() => SpkStatus, { nullable: true })
  @Enum({ items: () => SpkStatus, nullable: true })
  fromStatus: SpkStatus | null;

  @Field(() => SpkStatus)
  @Enum({ items: () => SpkStatus })
  toStatus: SpkStatus;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;
}
