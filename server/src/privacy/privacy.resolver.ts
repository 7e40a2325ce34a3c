import { IsOptional } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser } from '../graphql/current-user';
import { Role } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import { notFound } from '../common/errors';
import { MaxChars, NotBlank } from '../common/validators';
import type { Context } from '../graphql/context';
import { pageComplexity } from '../graphql/limits';
import { ListArgs, PageOf } from '../graphql/pagination';
import { PrivacyRequest, PrivacyRequestKind, PrivacyRequestStatus } from './privacy-request.entity';
import * as privacy from './privacy.service';

@InputType()
class PrivacyRequestFilter {
  @Field(() => PrivacyRequestStatus, { nullable: true }) status?: PrivacyRequestStatus;
  @Field(() => PrivacyRequestKind, { nullable: true }) kind?: PrivacyRequestKind;
  @Field(() => Boolean, { nullable: true, description: 'true: open past the 3 x 24-hour deadline' }) overdue?: boolean;
  @Field(() => [String], { nullable: true }) ids?: string[];
}

@InputType()
class PrivacyRequestInput {
  @Field(() => PrivacyRequestKind) kind: PrivacyRequestKind;
  @Field(() => String, { nullable: true, description: 'What is wrong and what it should say (correction), or why (erasure)' })
  @IsOptional()
  @MaxChars(2000)
  details?: string | null;
}

@InputType()
class PrivacyAnswerInput {
  @Field({ description: 'What was done, or why the request is refused; the customer reads it' }) @NotBlank() @MaxChars(2000) text: string;
}

@ObjectType()
class PrivacyRequestPage extends PageOf(PrivacyRequest) {}

/** Customers ask for correction or erasure of their data; staff work the queue (UU PDP 27/2022). */
@Resolver(() => PrivacyRequest)
export class PrivacyRequestResolver {
  @Authorized(Role.CUSTOMER)
  @Mutation(() => PrivacyRequest, { description: 'A customer asks for correction or erasure of their personal data; staff answer within 3 x 24 hours.' })
  requestPersonalData(@Arg('input') input: PrivacyRequestInput, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return privacy.createRequest(ctx.em, ctx.app.clock, user, input.kind, input.details ?? null);
  }

  @Authorized()
  @Query(() => [PrivacyRequest])
  myPrivacyRequests(@CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return privacy.myRequests(ctx.em, user);
  }

  @Authorized(Role.SUPPORT)
  @Query(() => PrivacyRequestPage, { complexity: pageComplexity, description: 'The staff queue, soonest deadline first' })
  privacyRequests(@Args() args: ListArgs, @Arg('filter', () => PrivacyRequestFilter, { nullable: true }) filter: PrivacyRequestFilter | undefined, @Ctx() ctx: Context) {
    return privacy.listRequests(ctx.em, ctx.app.clock, filter, args);
  }

  @Authorized(Role.SUPPORT)
  @Query(() => PrivacyRequest)
  async privacyRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const request = await ctx.em.findOne(PrivacyRequest, id);
    if (!request) throw notFound('privacy.notFound');
    return request;
  }

  @Authorized(Role.SUPPORT)
  @Mutation(() => PrivacyRequest, { description: 'The data was corrected (updateUser); say what was done.' })
  completePrivacyCorrection(@Arg('id', () => ID) id: string, @Arg('input') input: PrivacyAnswerInput, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return privacy.completeCorrection(ctx.em, ctx.app.clock, user, id, input.text);
  }

  @Authorized(Role.SUPPORT)
  @Mutation(() => PrivacyRequest, { description: 'Refuses a request, with the reason the customer will read.' })
  rejectPrivacyRequest(@Arg('id', () => ID) id: string, @Arg('input') input: PrivacyAnswerInput, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return privacy.rejectRequest(ctx.em, ctx.app.clock, user, id, input.text);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PrivacyRequest, { description: 'Anonymises the customer (orders, payments, SPK numbers and amounts stay) and records what was kept and why.' })
  carryOutErasure(@Arg('id', () => ID) id: string, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return privacy.carryOutErasure(ctx.em, ctx.app.clock, user, id);
  }

  @FieldResolver(() => User)
  customer(@Root() request: PrivacyRequest) {
    return request.customer.load({ dataloader: true });
  }

  @FieldResolver(() => Boolean, { description: 'Open past its deadline' })
  overdue(@Root() request: PrivacyRequest, @Ctx() ctx: Context) {
    return request.status === PrivacyRequestStatus.OPEN && request.dueAt < ctx.app.clock.now();
  }
}
