import { BeforeCreate, BeforeUpdate, Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { EncryptedText } from '../privacy/encrypted-type';
import { fieldCipher } from '../privacy/field-cipher';
import { Role } from './roles';

export enum Locale {
  id = 'id',
  en = 'en',
}
registerEnumType(Locale, { name: 'Locale', description: 'Bahasa Indonesia (id, default) or English (en)' });

/**
 * Customers and staff in one table: the seed's `user {username | no | noinfo}` plus what an SPK needs
 * (full name, NIK, address). `no` is `phone` (E.164), `noinfo` is `note`.
 */
@ObjectType()
@Entity({ tableName: 'users' })
export class User extends BaseEntity<'role' | 'active' | 'locale' | 'tokenVersion' | 'notifyByEmail' | 'notifyByWhatsApp' | 'twoFactorEnabled'> {
  @Field()
  @Unique()
  @Property({ length: 32 })
  username: string;

  @Field()
  @Unique()
  @Property({ length: 254 })
  email: string;

  @Property({ length: 255, hidden: true, lazy: true })
  passwordHash: string;

  @Field(() => Role)
  @Index()
  @Enum({ items: () => Role })
  role: Role = Role.CUSTOMER;

  @Field()
  @Property({ length: 120 })
  fullName: string;

  @Field({ description: 'E.164, e.g. +6281234567890' })
  @Property({ length: 16 })
  phone: string;

  /** Specific personal data (UU PDP): encrypted at rest; found through nikHash. */
  @Field(() => String, { nullable: true, description: 'Nomor Induk Kependudukan (16 digits); personal data' })
  @Property({ type: new EncryptedText('users.nik'), nullable: true })
  nik: string | null = null;

  /** Keyed hash of the NIK (see privacy/field-cipher.ts), kept in step by the hooks below. */
  @Index()
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  nikHash: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 160, nullable: true })
  company: string | null = null;

  @Field(() => String, { nullable: true, description: 'Position in the company the customer signs for (e.g. Direktur); printed on the SPK' })
  @Property({ type: 'string', length: 120, nullable: true })
  companyTitle: string | null = null;

  @Field(() => String, { nullable: true, description: 'Registered address of that company; printed on the SPK' })
  @Property({ type: 'text', nullable: true })
  companyAddress: string | null = null;

  /** The buyer's tax identity on tax invoices; for an individual it is the NIK, so encrypted like it. */
  @Field(() => String, { nullable: true, description: 'NPWP (16 digits; for individuals the NIK). Without it: receipts only, no tax invoice' })
  @Property({ type: new EncryptedText('users.npwp'), nullable: true })
  npwp: string | null = null;

  @Field(() => String, { nullable: true, description: 'NITKU (22 digits): a company buyer’s place of business on its tax invoices' })
  @Property({ type: 'string', length: 22, nullable: true })
  nitku: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: new EncryptedText('users.address'), nullable: true })
  address: string | null = null;

  @Field(() => String, { nullable: true, description: "Free-text note about the customer (the seed's noinfo)" })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field()
  @Property()
  active: boolean = true;

  @Field(() => Locale)
  @Enum({ items: () => Locale })
  locale: Locale = Locale.id;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null = null;

  @Field({ description: 'Also send notifications by email (in-app always)' })
  @Property()
  notifyByEmail: boolean = true;

  @Field({ description: 'Also send notifications by WhatsApp' })
  @Property()
  notifyByWhatsApp: boolean = true;

  /** Bumped by "log out everywhere" and deactivation; access tokens carry it and die with it. */
  @Property()
  tokenVersion: number = 0;

  /** The authenticator app's TOTP secret (base32), encrypted at rest; set once enrolment is confirmed. */
  @Property({ type: new EncryptedText('users.totp_secret'), nullable: true, hidden: true, lazy: true })
  totpSecret: string | null = null;

  /** A secret shown for enrolment but not yet confirmed with a code. */
  @Property({ type: new EncryptedText('users.totp_pending_secret'), nullable: true, hidden: true, lazy: true })
  totpPendingSecret: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null = null;

  /** The last TOTP time step accepted: a code is good once, not for its whole 30 seconds. */
  @Property({ type: 'integer', nullable: true, hidden: true })
  totpLastStep: number | null = null;

  /** Set when the account was anonymised on the customer's request (UU PDP erasure). */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null = null;

  @Field({ description: 'Signs in with a second step (authenticator app code)' })
  get twoFactorEnabled(): boolean {
    return this.totpEnabledAt !== null;
  }

  @BeforeCreate()
  @BeforeUpdate()
  protected keepNikHash() {
    this.nikHash = this.nik ? fieldCipher().hash(this.nik, 'users.nik') : null;
  }
}
