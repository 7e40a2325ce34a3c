import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { allows, can, isStaffUser } from '../accounts/access';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser } from '../graphql/current-user';
import { STAFF_ROLES } from '../accounts/roles';
import { User } from '../accounts/user.entity';

import { MaxChars, NotBlank } from '../common/validators';
import type { Context } from '../graphql/context';
import { pageComplexity } from '../graphql/limits';
import { findPage, ListArgs, PageOf } from '../graphql/pagination';
import type { Readable } from '../db/plain-rows';
import type { ChildRows } from '../graphql/loaders';
import { readAhead, rowsAheadFor } from '../graphql/page-extras';
import { t } from '../common/messages';
import { Order } from '../orders/order.entity';
import { CUSTOMER_ACTIONS, SPK_NEXT_PARTY, SpkAction, SpkParty, SpkStatus, spkMachine } from './spk-status';
import { Spk, SpkEvent, SpkVersion } from './spk.entity';
import * as spks from './spk.service';
import { IsOptional } from 'class-validator';

@ObjectType()
class SpkPage extends PageOf(Spk) {}

@InputType()
class SpkFilter {
  @Field(() => [SpkStatus], { nullable: true }) status?: SpkStatus[];
  @Field(() => ID, { nullable: true }) orderId?: string;
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
}

@InputType()
class SpkReasonInput {
  @Field() @NotBlank() @MaxChars(2000) reason: string;
}

@InputType()
class SpkNoteInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(2000) note?: string | null;
}

const deps = (ctx: Context) => ctx.app.spk;

@Resolver(() => Spk)
export class SpkResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => SpkPage, { complexity: pageComplexity })
  spks(@Args() args: ListArgs, @Arg('filter', () => SpkFilter, { nullable: true }) filter: SpkFilter | undefined, @Ctx() ctx: Context) {
    const where: FilterQuery<Spk> = {};
    if (filter?.status?.length) where.status = { $in: filter.status };
    if (filter?.orderId) where.order = filter.orderId;
    if (filter?.customerId) where.customer = filter.customerId;
    if (filter?.ids?.length) where.id = { $in: filter.ids };
    return findPage(ctx.em, Spk, where, args, { createdAt: 'createdAt', number: 'number', status: 'status', updatedAt: 'updatedAt' }, 'createdAt');
  }

  @Authorized()
  @Query(() => Spk)
  spk(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return spks.getSpk(ctx.em, ctx.user, id);
  }

  @Authorized()
  @Mutation(() => Spk, { description: 'Staff draft the SPK from the order (profile must be complete, no arrears elsewhere).' })
  createSpk(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context) {
    return spks.createSpk(ctx.em, deps(ctx), ctx.user, orderId);
  }

  @Authorized()
  @Mutation(() => Spk, { description: 'Staff send the draft to the customer to check.' })
  submitSpkForReview(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return spks.simpleTransition(ctx.em, deps(ctx), ctx.user, id, SpkAction.SUBMIT_FOR_REVIEW);
  }

  @Authorized()
  @Mutation(() => Spk, { description: 'The customer agrees with the draft.' })
  approveSpk(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return spks.simpleTransition(ctx.em, deps(ctx), ctx.user, id, SpkAction.APPROVE);
  }

  @Authorized()
  @Mutation(() => Spk, { description: 'The customer asks for changes.' })
  requestSpkRevision(@Arg('id', () => ID) id: string, @Arg('input') input: SpkReasonInput, @Ctx() ctx: Context) {
    return spks.simpleTransition(ctx.em, deps(ctx), ctx.user, id, SpkAction.REQUEST_REVISION, input.reason.trim());
  }

  @Authorized()
  @Mutation(() => Spk, { description: 'Staff regenerate the draft after changes (a new version).' })
  reviseSpk(@Arg('id', () => ID) id: string, @Arg('input', () => SpkNoteInput, { nullable: true }) input: SpkNoteInput | null, @Ctx() ctx: Context) {
    return spks.reviseSpk(ctx.em, deps(ctx), ctx.user, id, input?.note?.trim() || null);
  }

  @Authorized()
  @Mutation(() => Spk, { description: 'Staff stamp the e-Meterai and sign the approved draft.' })
  signSpk(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return spks.signSpk(ctx.em, deps(ctx), ctx.user, id);
  }

  @Authorized()
  @Mutation(() => Spk, { description: 'Staff refuse the customer’s signed copy; the customer uploads again.' })
  rejectSpkSignature(@Arg('id', () => ID) id: string, @Arg('input') input: SpkReasonInput, @Ctx() ctx: Context) {
    return spks.simpleTransition(ctx.em, deps(ctx), ctx.user, id, SpkAction.REJECT_SIGNATURE, input.reason.trim());
  }

  @Authorized()
  @Mutation(() => Spk, { description: 'Staff confirm the SPK: payment and the hosting service open up.' })
  confirmSpk(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return spks.simpleTransition(ctx.em, deps(ctx), ctx.user, id, SpkAction.CONFIRM);
  }

  @Authorized()
  @Mutation(() => Spk)
  cancelSpk(@Arg('id', () => ID) id: string, @Arg('input') input: SpkReasonInput, @Ctx() ctx: Context) {
    return spks.simpleTransition(ctx.em, deps(ctx), ctx.user, id, SpkAction.CANCEL, input.reason.trim());
  }

  @FieldResolver(() => ID)
  orderId(@Root() spk: Readable<Spk>) {
    return spk.order.id;
  }

  @FieldResolver(() => Order)
  order(@Root() spk: Readable<Spk>, @Ctx() ctx: Context) {
    return ctx.loaders.ref(ctx.em, Order, spk.order);
  }

  @FieldResolver(() => User)
  customer(@Root() spk: Readable<Spk>, @Ctx() ctx: Context) {
    return ctx.loaders.ref(ctx.em, User, spk.customer);
  }

  @FieldResolver(() => [SpkVersion])
  versions(@Root() spk: Readable<Spk>, @Ctx() ctx: Context) {
    return ctx.loaders.children(ctx.em, SpkVersion, 'spk', spk.id, { version: 'asc' });
  }

  @FieldResolver(() => [SpkEvent], { description: 'Every transition: who, when, from, to, why' })
  history(@Root() spk: Readable<Spk>, @Ctx() ctx: Context) {
    return ctx.loaders.children(ctx.em, SpkEvent, 'spk', spk.id, { createdAt: 'asc', id: 'asc' });
  }

  @FieldResolver(() => [SpkAction], { description: 'What the caller may do now' })
  async allowedActions(@Root() spk: Readable<Spk>, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    // A copy changed after our signature can only be rejected (confirmSpk refuses it too).
    const modified = spk.status === SpkStatus.CUSTOMER_SIGNED && (await spks.latestUploadModified(ctx.em, spk));
    return spkMachine.allowedActions(spk.status).filter((a) => {
      if (CUSTOMER_ACTIONS.has(a)) return allows(user, spk, { owner: (s) => s.customer.id, ownerOnly: true });
      if (!can(user, 'spk.manage')) return false;
      if (a === SpkAction.CONFIRM && modified) return false;
      return a !== SpkAction.SIGN || !!spk.approvedAt;
    });
  }

  @FieldResolver(() => SpkParty, { nullable: true, description: 'Whose move it is: STAFF or CUSTOMER; null once confirmed or cancelled' })
  waitingFor(@Root() spk: Readable<Spk>) {
    return SPK_NEXT_PARTY[spk.status];
  }

  @FieldResolver(() => String, { description: 'Authorized download of the current version' })
  downloadUrl(@Root() spk: Readable<Spk>) {
    return `/files/spk/${spk.id}/versions/${spk.currentVersion}`;
  }

  @FieldResolver(() => String)
  verifyUrl(@Root() spk: Readable<Spk>, @Ctx() ctx: Context) {
    return `${ctx.app.config.publicUrl}/verify/${spk.documentCode}`;
  }
}

@Resolver(() => SpkVersion)
export class SpkVersionResolver {
  @FieldResolver(() => String)
  downloadUrl(@Root() v: SpkVersion) {
    return `/files/spk/${v.spk.id}/versions/${v.version}`;
  }
}

@Resolver(() => SpkEvent)
export class SpkEventResolver {
  @FieldResolver(() => User, { nullable: true })
  actor(@Root() e: SpkEvent, @Ctx() ctx: Context) {
    if (!e.actor || !isStaffUser(ctx.user)) return null;
    return e.actor.loadOrFail({ dataloader: true });
  }

  @FieldResolver(() => Date)
  at(@Root() e: SpkEvent) {
    return e.createdAt;
  }
}

// Newest first: after a restructuring the addendum is the SPK in play. Read ahead by a page of orders that shows it.
const CURRENT_SPKS: ChildRows<Spk> = { entity: Spk, fk: 'order', orderBy: { createdAt: 'desc' }, where: `e.status <> '${SpkStatus.CANCELLED}'` };
readAhead('Order', 'spk', rowsAheadFor(CURRENT_SPKS));

/** The SPK of an order, for the order screens and the customer's "SPK belum diconfirm admin" notice. */
@Resolver(() => Order)
export class OrderSpkResolver {
  @FieldResolver(() => Spk, { nullable: true, description: 'The current (not cancelled) SPK, if any' })
  spk(@Root() order: Readable<Order>, @Ctx() ctx: Context) {
    return ctx.loaders.rows(ctx.em, CURRENT_SPKS, order.id).then((rows) => rows[0] ?? null);
  }

  @FieldResolver(() => String, { nullable: true, description: '"SPK belum diconfirm admin" until the SPK is confirmed (in the reader\'s language: the gate\'s own message)' })
  spkNotice(@Root() order: Readable<Order>) {
    return order.spkConfirmedAt ? null : t('spk.notConfirmed');
  }

}

