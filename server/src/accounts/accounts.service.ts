import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit';
import { badInput, conflict, notFound, unauthenticated } from '../common/errors';
import { normalizePhoneID } from '../common/id-formats';
import type { AppServices } from '../app/services';
import { fieldCipher } from '../privacy/field-cipher';
import { findPage, type ListArgs } from '../graphql/pagination';
import type { AuthUser } from './auth-user';
import { requirePermission } from './access';
import type { CreateStaffInput, ProfileInput, RegisterInput, UpdateUserInput, UserFilter } from './inputs';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { RefreshToken } from './refresh-token.entity';
import { isStaff, Role } from './roles';
import { hashRefreshToken } from './tokens';
import { secondStepAfterPassword } from './two-factor';
import { User } from './user.entity';

export interface ClientMeta {
  ip: string;
  userAgent: string | null;
}

const entityRef = (u: User) => ({ entityType: 'User', entityId: u.id });

function phoneOrThrow(field: string, raw: string): string {
  const phone = normalizePhoneID(raw);
  if (!phone) throw badInput(field, 'validation.phone');
  return phone;
}

async function assertUnique(em: EntityManager, username: string | null, email: string | null, exceptId?: string) {
  if (username && (await em.count(User, { username, ...(exceptId ? { id: { $ne: exceptId } } : {}) }))) {
    throw conflict('user.usernameTaken', {}, { field: 'username' });
  }
  if (email && (await em.count(User, { email, ...(exceptId ? { id: { $ne: exceptId } } : {}) }))) {
    throw conflict('user.emailTaken', {}, { field: 'email' });
  }
}

/** The unique indexes are the last word when two registrations race past assertUnique. */
async function flushUnique(em: EntityManager) {
  try {
    await em.flush();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) {
      const field = /email/.test(err.message) ? 'email' : 'username';
      throw conflict(field === 'email' ? 'user.emailTaken' : 'user.usernameTaken', {}, { field });
    }
    throw err;
  }
}

export async function issueTokens(em: EntityManager, app: AppServices, user: User, meta: ClientMeta, familyId: string = randomUUID(), mfa = false) {
  const now = app.clock.now();
  const access = await app.tokens.signAccess({ sub: user.id, role: user.role, ver: user.tokenVersion, mfa }, now);
  const refresh = app.tokens.newRefreshToken();
  const refreshExpiresAt = new Date(now.getTime() + app.tokens.refreshTtlDays * 86_400_000);
  em.create(RefreshToken, {
    user,
    tokenHash: refresh.hash,
    familyId,
    expiresAt: refreshExpiresAt,
    userAgent: meta.userAgent?.slice(0, 255) ?? null,
    ip: meta.ip.slice(0, 64),
    mfa,
  });
  await em.flush();
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: refresh.token,
    refreshTokenExpiresAt: refreshExpiresAt,
    user,
  };
}

export async function register(em: EntityManager, app: AppServices, input: RegisterInput, meta: ClientMeta) {
  const username = input.username.trim().toLowerCase();
  const email = input.email.trim().toLowerCase();
  await assertUnique(em, username, email);
  const user = em.create(User, {
    username,
    email,
    passwordHash: await hashPassword(input.password),
    role: Role.CUSTOMER,
    fullName: input.fullName.trim(),
    phone: phoneOrThrow('phone', input.phone),
    nik: input.nik ?? null,
    company: input.company?.trim() || null,
    address: input.address?.trim() || null,
  });
  audit(em, { id: user.id, role: Role.CUSTOMER }, 'user.register', entityRef(user));
  await flushUnique(em);
  return issueTokens(em, app, user, meta);
}

export async function login(em: EntityManager, app: AppServices, loginName: string, password: string, meta: ClientMeta) {
  const name = loginName.trim().toLowerCase();
  const user = await em.findOne(User, name.includes('@') ? { email: name } : { username: name }, {
    populate: ['passwordHash'],
  });
  // One budget per account, whether its username or its email was typed.
  const key = user ? `user:${user.id}` : `name:${name}`;
  await app.loginLimiter.begin(meta.ip, key);
  if (!user) {
    await burnPasswordCheck(password);
    await app.loginLimiter.failed(key);
    throw unauthenticated('auth.invalidCredentials');
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await app.loginLimiter.failed(key);
    audit(em, { id: user.id, role: user.role }, 'user.login_failed', entityRef(user), { ip: meta.ip });
    await em.flush();
    throw unauthenticated('auth.invalidCredentials');
  }
  if (!user.active) throw unauthenticated('auth.inactive');
  await app.loginLimiter.succeeded(meta.ip, key);
  const secondStep = await secondStepAfterPassword(app, user);
  if (secondStep) return secondStep;
  user.lastLoginAt = app.clock.now();
  return issueTokens(em, app, user, meta);
}

/**
 * Rotates a refresh token. The conditional UPDATE makes rotation single-use even under concurrent
 * calls; a token that was already used means it leaked, so its whole family is revoked.
 */
export async function refresh(em: EntityManager, app: AppServices, token: string, meta: ClientMeta) {
  const now = app.clock.now();
  const row = await em.findOne(RefreshToken, { tokenHash: hashRefreshToken(token) }, { populate: ['user'] });
  if (!row || row.expiresAt <= now) throw unauthenticated('auth.invalidRefresh');
  const claimed = await em.nativeUpdate(RefreshToken, { id: row.id, revokedAt: null }, { revokedAt: now });
  if (claimed !== 1) {
    await em.nativeUpdate(RefreshToken, { familyId: row.familyId, revokedAt: null }, { revokedAt: now });
    audit(em, { id: row.user.id, role: row.user.$.role }, 'user.refresh_reuse', { entityType: 'User', entityId: row.user.id });
    await em.flush();
    throw unauthenticated('auth.invalidRefresh');
  }
  const user = row.user.$;
  if (!user.active) throw unauthenticated('auth.inactive');
  // A password-only session cannot be carried past 2FA being switched on or required: sign in again.
  if (!row.mfa && app.tokens.needsSecondFactor(user)) throw unauthenticated('auth.invalidRefresh');
  return issueTokens(em, app, user, meta, row.familyId, row.mfa);
}

/** Ends one session (the token's family). Unknown tokens are ignored: logging out is always safe. */
export async function logout(em: EntityManager, app: AppServices, token: string): Promise<boolean> {
  const row = await em.findOne(RefreshToken, { tokenHash: hashRefreshToken(token) });
  if (row) await em.nativeUpdate(RefreshToken, { familyId: row.familyId, revokedAt: null }, { revokedAt: app.clock.now() });
  return true;
}

/** Ends every session of the user, including access tokens still within their lifetime. */
export async function logoutEverywhere(em: EntityManager, app: AppServices, actor: AuthUser): Promise<boolean> {
  await em.nativeUpdate(RefreshToken, { user: actor.id, revokedAt: null }, { revokedAt: app.clock.now() });
  const user = await em.findOneOrFail(User, actor.id);
  user.tokenVersion += 1;
  audit(em, actor, 'user.logout_all', entityRef(user));
  await em.flush();
  return true;
}

export async function changePassword(em: EntityManager, app: AppServices, actor: AuthUser, current: string, next: string) {
  const user = await em.findOneOrFail(User, actor.id, { populate: ['passwordHash'] });
  if (!(await verifyPassword(user.passwordHash, current))) throw badInput('currentPassword', 'auth.wrongPassword');
  user.passwordHash = await hashPassword(next);
  // A new password ends the other sessions, as a user who suspects a leak would expect.
  user.tokenVersion += 1;
  await em.nativeUpdate(RefreshToken, { user: user.id, revokedAt: null }, { revokedAt: app.clock.now() });
  audit(em, actor, 'user.change_password', entityRef(user));
  await em.flush();
  return true;
}

function applyProfile(user: User, input: ProfileInput): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const target = user as unknown as Record<string, unknown>;
  const set = (key: keyof User & string, value: unknown) => {
    if (target[key] !== value) {
      // NIK is personal data: the audit trail says that it changed, not what it is.
      changes[key] = key === 'nik' || key === 'npwp' ? '(changed)' : value;
      target[key] = value;
    }
  };
  if (input.email !== undefined && input.email !== null) set('email', input.email.trim().toLowerCase());
  if (input.fullName !== undefined && input.fullName !== null) set('fullName', input.fullName.trim());
  if (input.phone !== undefined && input.phone !== null) set('phone', phoneOrThrow('phone', input.phone));
  if (input.nik !== undefined) set('nik', input.nik || null);
  if (input.company !== undefined) set('company', input.company?.trim() || null);
  if (input.companyTitle !== undefined) set('companyTitle', input.companyTitle?.trim() || null);
  if (input.companyAddress !== undefined) set('companyAddress', input.companyAddress?.trim() || null);
  if (input.address !== undefined) set('address', input.address?.trim() || null);
  if (input.npwp !== undefined) set('npwp', input.npwp || null);
  if (input.nitku !== undefined) set('nitku', input.nitku || null);
  if (input.note !== undefined) set('note', input.note?.trim() || null);
  if (input.locale !== undefined && input.locale !== null) set('locale', input.locale);
  if (input.notifyByEmail !== undefined && input.notifyByEmail !== null) set('notifyByEmail', input.notifyByEmail);
  if (input.notifyByWhatsApp !== undefined && input.notifyByWhatsApp !== null) set('notifyByWhatsApp', input.notifyByWhatsApp);
  return changes;
}

export async function updateMyProfile(em: EntityManager, actor: AuthUser, input: ProfileInput) {
  const user = await em.findOneOrFail(User, actor.id);
  if (input.email) await assertUnique(em, null, input.email.trim().toLowerCase(), user.id);
  const changes = applyProfile(user, input);
  if (Object.keys(changes).length) audit(em, actor, 'user.update_profile', entityRef(user), changes);
  await flushUnique(em);
  return user;
}

export async function updateUser(em: EntityManager, actor: AuthUser, id: string, input: UpdateUserInput) {
  const user = await em.findOne(User, id);
  if (!user) throw notFound('user.notFound');
  if ((input.role !== undefined && input.role !== null) || (input.active !== undefined && input.active !== null)) {
    requirePermission(actor, 'users.manage');
  }
  if (input.email) await assertUnique(em, null, input.email.trim().toLowerCase(), user.id);
  const changes = applyProfile(user, input);
  if (input.role && input.role !== user.role) {
    // A customer account never becomes staff by an edit (and back): staff are created as staff.
    if (isStaff(input.role) !== isStaff(user.role)) throw badInput('role', 'validation.invalid', { field: 'role' });
    changes.role = input.role;
    user.role = input.role;
    user.tokenVersion += 1;
  }
  if (input.active !== undefined && input.active !== null && input.active !== user.active) {
    if (!input.active && user.id === actor.id) throw conflict('user.selfDeactivate');
    changes.active = input.active;
    user.active = input.active;
    user.tokenVersion += 1;
    if (!input.active) await em.nativeUpdate(RefreshToken, { user: user.id, revokedAt: null }, { revokedAt: new Date() });
  }
  if (Object.keys(changes).length) audit(em, actor, 'user.update', entityRef(user), changes);
  await flushUnique(em);
  return user;
}

export async function createStaff(em: EntityManager, actor: AuthUser, input: CreateStaffInput) {
  if (!isStaff(input.role)) throw badInput('role', 'user.notStaff');
  const username = input.username.trim().toLowerCase();
  const email = input.email.trim().toLowerCase();
  await assertUnique(em, username, email);
  const user = em.create(User, {
    username,
    email,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    fullName: input.fullName.trim(),
    phone: phoneOrThrow('phone', input.phone),
  });
  audit(em, actor, 'user.create_staff', entityRef(user), { username, role: input.role });
  await flushUnique(em);
  return user;
}

export async function listUsers(em: EntityManager, filter: UserFilter | undefined, args: ListArgs) {
  const where: FilterQuery<User> = {};
  if (filter?.role) where.role = filter.role;
  if (filter?.staff === true) where.role = filter.role ?? { $ne: Role.CUSTOMER };
  if (filter?.staff === false) where.role = Role.CUSTOMER;
  if (filter?.active !== undefined && filter.active !== null) where.active = filter.active;
  if (filter?.ids?.length) where.id = { $in: filter.ids };
  if (filter?.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.$or = [{ username: { $ilike: like } }, { email: { $ilike: like } }, { fullName: { $ilike: like } }, { phone: { $ilike: like } }];
    // The NIK is encrypted: a whole one is found through its keyed hash, never by a partial match.
    if (/^\d{16}$/.test(filter.q.trim())) where.$or.push({ nikHash: fieldCipher().hash(filter.q.trim(), 'users.nik') });
  }
  return findPage(em, User, where, args, { username: 'username', email: 'email', fullName: 'fullName', role: 'role', createdAt: 'createdAt', lastLoginAt: 'lastLoginAt' }, 'createdAt');
}
