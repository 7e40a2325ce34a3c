import { IsOptional } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requirePermission } from '../accounts/access';
import { IntRange, IsMoney, MaxChars, NotBlank } from '../common/validators';
import { todayJakarta } from '../common/time';
import type { Context } from '../graphql/context';
import { ListArgs, PageOf } from '../graphql/pagination';
import { LocalDateScalar, RupiahScalar } from '../graphql/scalars';
import { StampDocumentKind, StampDutyBearer, StampDutyUse, StampQuotaPurchase } from './stamp-ledger.entity';
import * as ledger from './stamp-ledger';

@ObjectType()
class StampDutyUsePage extends PageOf(StampDutyUse) {}

@InputType()
class StampDutyFilter {
  @Field(() => String, { nullable: true, description: 'Month YYYY-MM (Asia/Jakarta)' }) @IsOptional() @MaxChars(7) month?: string | null;
  @Field(() => StampDocumentKind, { nullable: true }) documentKind?: StampDocumentKind | null;
  @Field(() => StampDutyBearer, { nullable: true }) borneBy?: StampDutyBearer | null;
}

@ObjectType({ description: 'Stamps used in a month for one kind of document and one bearer' })
class StampDutyReportLine {
  @Field(() => StampDocumentKind) documentKind: StampDocumentKind;
  @Field(() => StampDutyBearer) borneBy: StampDutyBearer;
  @Field(() => Int) stamps: number;
  @Field(() => RupiahScalar) amount: bigint;
}

@ObjectType({ description: 'The monthly stamp-duty (Bea Meterai) report' })
class StampDutyReport {
  @Field() month: string;
  @Field(() => [StampDutyReportLine]) lines: StampDutyReportLine[];
  @Field(() => Int) stamps: number;
  @Field(() => RupiahScalar) amount: bigint;
  @Field({ description: 'false: no quota is tracked (STAMP_QUOTA 0 and no purchase recorded)' }) quotaTracked: boolean;
  @Field(() => Int) quotaOpening: number;
  @Field(() => Int) quotaPurchased: number;
  @Field(() => RupiahScalar, { description: 'What the month’s purchases cost' }) purchaseCost: bigint;
  @Field(() => Int) quotaUsed: number;
  @Field(() => Int) quotaClosing: number;
}

@ObjectType({ description: 'The e-Meterai quota as it stands' })
class StampQuota {
  @Field(() => Int, { description: 'STAMP_QUOTA: bought before purchases were recorded' }) opening: number;
  @Field(() => Int, { description: 'STAMP_QUOTA plus the recorded purchases' }) bought: number;
  @Field(() => Int) used: number;
  @Field(() => Int) remaining: number;
  @Field(() => Int, { description: 'STAMP_QUOTA_LOW: ADMIN is warned when this many remain' }) low: number;
  @Field() tracked: boolean;
}

@InputType()
class StampQuotaPurchaseInput {
  @Field(() => LocalDateScalar) purchasedOn: string;
  @Field(() => Int) @IntRange(1, 1_000_000) quantity: number;
  @Field(() => RupiahScalar, { description: 'What the distributor charged per e-Meterai' }) @IsMoney({ max: 1_000_000n }) pricePerStamp: bigint;
  @Field() @NotBlank() @MaxChars(100) reference: string;
}

@Resolver(() => StampDutyUse)
export class StampDutyResolver {
  @Authorized()
  @Query(() => StampDutyUsePage, { description: 'FINANCE: the stamp-duty ledger (every e-Meterai used), by month, document and bearer.' })
  stampDutyLedger(@Args() args: ListArgs, @Arg('filter', () => StampDutyFilter, { nullable: true }) filter: StampDutyFilter | null, @Ctx() ctx: Context) {
    requirePermission(ctx.user, 'tax.manage');
    return ledger.listStampDutyUses(ctx.em, filter ?? undefined, args);
  }

  @Authorized()
  @Query(() => StampDutyReport, { description: 'FINANCE: the month’s stamp duty by document and bearer, and the quota opening/purchased/used/closing.' })
  stampDutyReport(@Arg('month') month: string, @Ctx() ctx: Context) {
    requirePermission(ctx.user, 'tax.manage');
    return ledger.stampDutyReport(ctx.em, ctx.app.config, month);
  }

  @Authorized()
  @Query(() => StampQuota, { description: 'FINANCE: the e-Meterai quota bought, used and remaining.' })
  stampQuota(@Ctx() ctx: Context) {
    requirePermission(ctx.user, 'tax.manage');
    return ledger.stampQuota(ctx.em, ctx.app.config);
  }

  @Authorized()
  @Query(() => [StampQuotaPurchase], { description: 'FINANCE: e-Meterai quota purchases, newest first.' })
  stampQuotaPurchases(@Ctx() ctx: Context) {
    requirePermission(ctx.user, 'tax.manage');
    return ctx.em.find(StampQuotaPurchase, {}, { orderBy: { purchasedOn: 'desc', createdAt: 'desc' }, limit: 500 });
  }

  @Authorized()
  @Mutation(() => StampQuotaPurchase, { description: 'ADMIN: records e-Meterai quota bought from the distributor.' })
  recordStampQuotaPurchase(@Arg('input') input: StampQuotaPurchaseInput, @Ctx() ctx: Context) {
    const actor = requirePermission(ctx.user, 'stampDuty.quota');
    return ledger.recordQuotaPurchase(ctx.em, actor, todayJakarta(ctx.app.clock), input);
  }

  @Authorized()
  @Mutation(() => StampQuotaPurchase, { description: 'ADMIN: voids a quota purchase entered by mistake (it stops counting).' })
  voidStampQuotaPurchase(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: Context) {
    const actor = requirePermission(ctx.user, 'stampDuty.quota');
    return ledger.voidQuotaPurchase(ctx.em, actor, id, reason);
  }
}
