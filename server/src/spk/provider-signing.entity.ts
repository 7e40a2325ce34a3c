import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { Spk } from './spk.entity';

export enum ProviderSigningState {
  /**
   * Being handed to the provider: recorded before the call, the provider's answer not recorded yet (a
   * press under way, or one whose process died meanwhile: pressing again retries it).
   */
  STARTING = 'STARTING',
  /** The provider sent the signer an OTP; the customer types it here (sandbox) . */
  OTP_REQUIRED = 'OTP_REQUIRED',
  /** The signer finishes at the provider (signingUrl); the callback or the polling job brings the result. */
  AWAITING_SIGNER = 'AWAITING_SIGNER',
  /** The certified copy came back, verified, and is the SPK's CUSTOMER_SIGNED version. */
  SIGNED = 'SIGNED',
  /** Refused, expired, wrong OTPs, or what came back did not verify (failureReason says which). */
  FAILED = 'FAILED',
}
registerEnumType(ProviderSigningState, { name: 'ProviderSigningState', description: 'Where the customer’s certified electronic signature (PSrE) stands' });

export const OPEN_PROVIDER_SIGNING = [ProviderSigningState.OTP_REQUIRED, ProviderSigningState.AWAITING_SIGNER];

/**
 * One attempt of the customer to sign an SPK through the signature provider (PSrE). The provider's
 * reference is unique per provider: a callback finds its attempt by it, and a repeated callback finds
 * it SIGNED and changes nothing.
 */
@ObjectType({ description: 'The customer’s signature through the certified provider (PSrE)' })
@Entity({ tableName: 'spk_provider_signings' })
@Unique({ properties: ['provider', 'reference'] })
export class SpkProviderSigning extends BaseEntity<'reference' | 'signingUrl' | 'sandboxOtp' | 'failureReason' | 'signedVersion' | 'completedAt' | 'lastCheckedAt' | 'callbacks'> {
  @ManyToOne(() => Spk, { ref: true, deleteRule: 'cascade' })
  @Index()
  spk: Ref<Spk>;

  @Field({ description: 'sandbox | privy' })
  @Property({ length: 16 })
  provider: string;

  @Field(() => String, { nullable: true, description: 'The provider’s reference (Privy docToken); none while STARTING or when the provider refused to start' })
  @Property({ type: 'string', length: 200, nullable: true })
  reference: string | null = null;

  @Field(() => ProviderSigningState)
  @Enum({ items: () => ProviderSigningState })
  state: ProviderSigningState;

  @Field(() => Int, { description: 'The admin-signed version that was sent to the provider' })
  @Property()
  adminSignedVersion: number;

  @Field(() => String, { nullable: true, description: 'Where the customer signs at the provider (providers with their own signing page)' })
  @Property({ type: 'text', nullable: true })
  signingUrl: string | null = null;

  /** Sandbox only (shown to the customer, who is the one the OTP is for); never for a real provider. */
  @Property({ type: 'string', length: 12, nullable: true })
  sandboxOtp: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  failureReason: string | null = null;

  @Field(() => Int, { nullable: true, description: 'The SPK version holding the certified copy' })
  @Property({ type: 'int', nullable: true })
  signedVersion: number | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  completedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastCheckedAt: Date | null = null;

  @Field(() => Int, { description: 'Callbacks received (a provider may repeat them)' })
  @Property()
  callbacks: number = 0;
}
