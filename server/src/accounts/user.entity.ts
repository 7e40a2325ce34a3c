import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
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
export class User extends BaseEntity<'role' | 'active' | 'locale' | 'tokenVersion' | 'notifyByEmail' | 'notifyByWhatsApp'> {
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

  @Field(() => String, { nullable: true, description: 'Nomor Induk Kependudukan (16 digits); personal data' })
  @Property({ type: 'string', length: 16, nullable: true })
  nik: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 160, nullable: true })
  company: string | null = null;

  @Field(() => String, { nullable: true, description: 'Position in the company the customer signs for (e.g. Direktur); printed on the SPK' })
  @Property({ type: 'string', length: 120, nullable: true })
  companyTitle: string | null = null;

  @Field(() => String, { nullable: true, description: 'Registered address of that company; printed on the SPK' })
  @Property({ type: 'text', nullable: true })
  companyAddress: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
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
}
