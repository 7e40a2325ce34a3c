import { Arg, Args, Authorized, Ctx, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { notFound } from '../common/errors';
import type { Context } from '../graphql/context';
import { pageComplexity } from '../graphql/limits';
import { ListArgs, PageOf } from '../graphql/pagination';
import type { AuthUser } from './auth-user';
import { CurrentUser } from '../graphql/current-user';
import * as accounts from './accounts.service';
import { AuthPayload, ChangePasswordInput, ConfirmTwoFactorInput, CreateStaffInput, LoginInput, LoginPayload, ProfileInput, RegisterInput, RequestPasswordResetInput, ResetPasswordInput, TwoFactorEnabled, TwoFactorEnrolment, TwoFactorLoginInput, UpdateUserInput, UserFilter } from './inputs';
import * as twoFactor from './two-factor';
import { Role, STAFF_ROLES } from './roles';
import { User } from './user.entity';

@ObjectType()
class UserPage extends PageOf(User) {}

const meta = (ctx: Context) => ({ ip: ctx.ip, userAgent: ctx.userAgent });

@Resolver(() => User)
export class AccountsResolver {
  @Mutation(() => AuthPayload, { description: 'A customer signs up; returns tokens so the app is logged in at once.' })
  register(@Arg('input') input: RegisterInput, @Ctx() ctx: Context) {
    return accounts.register(ctx.em, ctx.app, input, meta(ctx));
  }

  @Mutation(() => LoginPayload, { description: 'A session, or for two-factor accounts the second step to take (secondStep).' })
  login(@Arg('input') input: LoginInput, @Ctx() ctx: Context) {
    return accounts.login(ctx.em, ctx.app, input.login, input.password, meta(ctx));
  }

  @Mutation(() => AuthPayload, { description: 'Second sign-in step: the token from login and an authenticator or recovery code.' })
  verifyTwoFactorLogin(@Arg('input') input: TwoFactorLoginInput, @Ctx() ctx: Context) {
    return twoFactor.verifyTwoFactorLogin(ctx.em, ctx.app, input.secondStepToken, input.code, meta(ctx));
  }

  @Mutation(() => TwoFactorEnrolment, { description: 'Starts authenticator set-up: signed in, or with the ENROL token from login.' })
  beginTwoFactorEnrolment(@Arg('secondStepToken', () => String, { nullable: true }) token: string | null, @Ctx() ctx: Context) {
    return twoFactor.beginTwoFactorEnrolment(ctx.em, ctx.app, ctx.user, token);
  }

  @Mutation(() => TwoFactorEnabled, { description: 'Confirms set-up with a first code; answers the recovery codes (once) and a two-factor session.' })
  confirmTwoFactorEnrolment(@Arg('input') input: ConfirmTwoFactorInput, @Ctx() ctx: Context) {
    return twoFactor.confirmTwoFactorEnrolment(ctx.em, ctx.app, ctx.user, input.code, meta(ctx), input.secondStepToken);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Turns two-factor sign-in off; needs the password.' })
  disableTwoFactor(@Arg('password') password: string, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return twoFactor.disableTwoFactor(ctx.em, user, password);
  }

  @Authorized()
  @Mutation(() => [String], { description: 'A new set of recovery codes (the old set stops working); needs the password.' })
  regenerateRecoveryCodes(@Arg('password') password: string, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return twoFactor.regenerateRecoveryCodes(ctx.em, user, password);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: "Turns another account's two-factor sign-in off (phone and recovery codes lost); ends its sessions." })
  resetTwoFactor(@Arg('userId', () => ID) userId: string, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return twoFactor.resetTwoFactor(ctx.em, ctx.app, user, userId);
  }

  @Mutation(() => AuthPayload, { description: 'Trades a refresh token for a new pair; the old refresh token stops working.' })
  refreshToken(@Arg('refreshToken') token: string, @Ctx() ctx: Context) {
    return accounts.refresh(ctx.em, ctx.app, token, meta(ctx));
  }

  @Mutation(() => Boolean, { description: 'Ends the session the refresh token belongs to.' })
  logout(@Arg('refreshToken') token: string, @Ctx() ctx: Context) {
    return accounts.logout(ctx.em, ctx.app, token);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends every session of the current user, on every device.' })
  async logoutEverywhere(@CurrentUser() actor: AuthUser, @Ctx() ctx: Context) {
    const done = await accounts.logoutEverywhere(ctx.em, ctx.app, actor);
    // Open graphql-ws sockets were authenticated once: end them too, not only the tokens.
    await ctx.app.liveSockets.recheck(actor.id);
    return done;
  }

  @Mutation(() => Boolean, { description: 'Forgot password: e-mails a single-use reset link when the address has an account. Always true, so it tells nobody who is registered.' })
  requestPasswordReset(@Arg('input') input: RequestPasswordResetInput, @Ctx() ctx: Context) {
    return ctx.app.passwordResets.request(ctx.em, ctx.app, input.email, { ip: ctx.ip });
  }

  @Mutation(() => Boolean, { description: 'Sets a new password with the token from the reset e-mail (once, before it expires); ends every session of the account.' })
  resetPassword(@Arg('input') input: ResetPasswordInput, @Ctx() ctx: Context) {
    return ctx.app.passwordResets.reset(ctx.em, ctx.app, input.token, input.newPassword);
  }

  @Authorized()
  @Mutation(() => Boolean)
  async changePassword(@Arg('input') input: ChangePasswordInput, @CurrentUser() actor: AuthUser, @Ctx() ctx: Context) {
    const done = await accounts.changePassword(ctx.em, ctx.app, actor, input.currentPassword, input.newPassword);
    await ctx.app.liveSockets.recheck(actor.id);
    return done;
  }

  @Authorized()
  @Query(() => User)
  async me(@CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return ctx.em.findOneOrFail(User, user.id);
  }

  @Authorized()
  @Mutation(() => User)
  updateMyProfile(@Arg('input') input: ProfileInput, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return accounts.updateMyProfile(ctx.em, user, input);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => UserPage, { complexity: pageComplexity })
  users(@Args() args: ListArgs, @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | undefined, @Ctx() ctx: Context) {
    return accounts.listUsers(ctx.em, filter, args);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => User)
  async user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const user = await ctx.em.findOne(User, id);
    if (!user) throw notFound('user.notFound');
    return user;
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => User, { description: 'Staff edit any profile; changing role or active needs ADMIN.' })
  async updateUser(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateUserInput, @CurrentUser() actor: AuthUser, @Ctx() ctx: Context) {
    const user = await accounts.updateUser(ctx.em, actor, id, input);
    // Deactivation or a new role ends the user's sessions, live sockets included.
    await ctx.app.liveSockets.recheck(user.id);
    return user;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User)
  createStaff(@Arg('input') input: CreateStaffInput, @CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    return accounts.createStaff(ctx.em, user, input);
  }
}
