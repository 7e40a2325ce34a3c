import { IsOptional, Matches } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { accessRecord } from '../accounts/access';
import { MaxChars } from '../common/validators';
import type { Context } from '../graphql/context';
import { SpkProviderSigning } from './provider-signing.entity';
import * as signing from './provider-signing';
import { Spk } from './spk.entity';
import type { Readable } from '../db/plain-rows';

@InputType()
class StartProviderSigningInput {
  @Field(() => String, { nullable: true, description: 'The customer’s account at the provider (PrivyID), when the provider needs it' })
  @IsOptional()
  @MaxChars(64)
  providerAccountId?: string | null;
}

@InputType()
class ProviderOtpInput {
  @Field({ description: 'The OTP the provider sent to the customer' })
  @Matches(/^\s*\d{4,8}\s*$/, { message: 'otp: 4-8 digits' })
  otp: string;
}

/** The customer's certified electronic signature (PSrE): one mutation per step, the state on the SPK. */
@Resolver(() => Spk)
export class SpkProviderSigningResolver {
  @Authorized()
  @Mutation(() => SpkProviderSigning, { description: 'The customer starts signing the admin-signed SPK through the certified provider (PSrE).' })
  startProviderSigning(
    @Arg('spkId', () => ID) spkId: string,
    @Arg('input', () => StartProviderSigningInput, { nullable: true }) input: StartProviderSigningInput | null,
    @Ctx() ctx: Context,
  ) {
    return signing.startProviderSigning(ctx.em, ctx.app, ctx.user, spkId, input?.providerAccountId ?? null);
  }

  @Authorized()
  @Mutation(() => Spk, { description: 'The customer confirms the signature with the OTP the provider sent (providers that let us collect it).' })
  confirmProviderOtp(@Arg('spkId', () => ID) spkId: string, @Arg('input') input: ProviderOtpInput, @Ctx() ctx: Context) {
    return signing.confirmProviderOtp(ctx.em, ctx.app, ctx.user, spkId, input.otp.trim());
  }

  @Authorized()
  @Mutation(() => Spk, { description: 'Ask the provider now whether the customer has signed (after its signing page, or for staff).' })
  refreshProviderSigning(@Arg('spkId', () => ID) spkId: string, @Ctx() ctx: Context) {
    return signing.refreshProviderSigning(ctx.em, ctx.app, ctx.user, spkId);
  }

  @FieldResolver(() => SpkProviderSigning, { nullable: true, description: 'The customer’s latest signature attempt through the certified provider (PSrE)' })
  providerSigning(@Root() spk: Readable<Spk>, @Ctx() ctx: Context) {
    return signing.latestProviderSigning(ctx.em, spk.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The configured certified signature provider (sandbox | privy); null when the electronic route is off' })
  signatureProvider(@Ctx() ctx: Context) {
    return ctx.app.spk.signatures?.name ?? null;
  }
}

@Resolver(() => SpkProviderSigning)
export class ProviderSigningFieldsResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Sandbox only: the OTP it "sent", shown to the customer it is for (never to staff)' })
  async sandboxOtp(@Root() s: SpkProviderSigning, @Ctx() ctx: Context) {
    if (!s.sandboxOtp || !ctx.user) return null;
    const spk = await s.spk.loadOrFail({ dataloader: true });
    try {
      accessRecord(ctx.user, spk, { owner: (x) => x.customer.id, notFound: 'spk.notFound', ownerOnly: true });
      return s.sandboxOtp;
    } catch {
      return null;
    }
  }
}
