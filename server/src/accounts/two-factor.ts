import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { audit } from '../audit/audit';
import { badInput, conflict, notFound, unauthenticated } from '../common/errors';
import type { AppServices } from '../app/services';
import { fieldCipher } from '../privacy/field-cipher';
import { issueTokens, type ClientMeta } from './accounts.service';
import type { AuthUser } from './auth-user';
import { verifyPassword } from './password';
import { RecoveryCode } from './recovery-code.entity';
import { RefreshToken } from './refresh-token.entity';
import type { SecondStepClaims } from './tokens';
import { User } from './user.entity';

/**
 * Staff two-factor sign-in (RFC 6238 TOTP through otplib, 6 digits, 30 s) with single-use recovery codes.
 *
 * Sign-in: the password step answers `secondStep` with a 5-minute token instead of a session; the code step
 * (`verifyTwoFactorLogin`) trades token + code for a session marked `mfa`, counted by the same login limiter.
 * A role that must use 2FA (STAFF_2FA_REQUIRED) but has none gets the ENROL step: the token then lets the
 * user set up the authenticator and opens the session when the first code is confirmed.
 */
export const RECOVERY_CODE_COUNT = 10;
const HASH_COLUMN = 'two_factor_recovery_codes.code';
const ISSUER = 'Angsur';
// One step either side absorbs a phone clock that is a little off, as RFC 6238 section 5.2 suggests.
const TOLERANCE_SECONDS = 30;

const entityRef = (u: User) => ({ entityType: 'User', entityId: u.id });
const asActor = (u: User): AuthUser => ({ id: u.id, role: u.role });

export type SecondStepAnswer = { secondStep: 'TOTP' | 'ENROL'; secondStepToken: string };

/** After a right password: the step still missing, or null when the password alone opens a session. */
export async function secondStepAfterPassword(app: AppServices, user: User): Promise<SecondStepAnswer | null> {
  if (!app.tokens.needsSecondFactor(user)) return null;
  const step: SecondStepClaims['step'] = user.totpEnabledAt ? 'totp' : 'enrol';
  const secondStepToken = await app.tokens.signSecondStep({ sub: user.id, ver: user.tokenVersion, step }, app.clock.now());
  return { secondStep: step === 'totp' ? 'TOTP' : 'ENROL', secondStepToken };
}

/** The user a second-step token speaks for, if it is still good for that account. */
async function userOfSecondStep(em: EntityManager, app: AppServices, token: string, step: SecondStepClaims['step']): Promise<User> {
  const claims = await app.tokens.verifySecondStep(token, step, app.clock.now());
  const user = claims && (await em.findOne(User, claims.sub, { populate: ['totpSecret', 'totpPendingSecret'] }));
  if (!claims || !user || !user.active || user.tokenVersion !== claims.ver) throw unauthenticated('auth.secondStepExpired');
  return user;
}

const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

function newRecoveryCodes(): string[] {
  // 10 characters of a 32-letter alphabet without look-alikes: 50 bits each, typed from paper.
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

async function replaceRecoveryCodes(em: EntityManager, user: User): Promise<string[]> {
  await em.nativeDelete(RecoveryCode, { user: user.id });
  const codes = newRecoveryCodes();
  for (const code of codes) em.create(RecoveryCode, { user, codeHash: fieldCipher().hash(normalizeRecoveryCode(code), HASH_COLUMN) });
  return codes;
}

/** Checks a TOTP code and claims its time step, so the same code cannot be replayed, even concurrently. */
async function acceptTotp(em: EntityManager, app: AppServices, user: User, secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(app.clock.now().getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(user.totpLastStep !== null ? { afterTimeStep: user.totpLastStep } : {}),
  });
  if (!result.valid || !('timeStep' in result)) return false;
  const claimed = await em.nativeUpdate(
    User,
    { id: user.id, $or: [{ totpLastStep: null }, { totpLastStep: { $lt: result.timeStep } }] },
    { totpLastStep: result.timeStep },
  );
  return claimed === 1;
}

async function acceptRecoveryCode(em: EntityManager, app: AppServices, user: User, code: string): Promise<boolean> {
  const normalized = normalizeRecoveryCode(code);
  if (normalized.length !== 10) return false;
  const used = await em.nativeUpdate(
    RecoveryCode,
    { user: user.id, codeHash: fieldCipher().hash(normalized, HASH_COLUMN), usedAt: null },
    { usedAt: app.clock.now() },
  );
  return used === 1;
}

/** The second sign-in step: a TOTP code or one recovery code, under the login limiter's budget. */
export async function verifyTwoFactorLogin(em: EntityManager, app: AppServices, secondStepToken: string, code: string, meta: ClientMeta) {
  const user = await userOfSecondStep(em, app, secondStepToken, 'totp');
  const limiterKey = `2fa:${user.id}`;
  await app.loginLimiter.begin(meta.ip, limiterKey);
  const trimmed = code.trim();
  const viaTotp = !!user.totpSecret && (await acceptTotp(em, app, user, user.totpSecret, trimmed.replace(/\s/g, '')));
  const viaRecovery = !viaTotp && (await acceptRecoveryCode(em, app, user, trimmed));
  if (!viaTotp && !viaRecovery) {
    await app.loginLimiter.failed(limiterKey);
    audit(em, asActor(user), 'user.2fa_failed', entityRef(user), { ip: meta.ip });
    await em.flush();
    throw badInput('code', 'auth.wrongSecondFactor');
  }
  await app.loginLimiter.succeeded(meta.ip, limiterKey);
  if (viaRecovery) {
    const left = await em.count(RecoveryCode, { user: user.id, usedAt: null });
    audit(em, asActor(user), 'user.2fa_recovery_code_used', entityRef(user), { left, ip: meta.ip });
  }
  user.lastLoginAt = app.clock.now();
  return issueTokens(em, app, user, meta, undefined, true);
}

/** Who is enrolling: the signed-in user, or the holder of an ENROL second-step token. */
async function enrollingUser(em: EntityManager, app: AppServices, actor: AuthUser | null, secondStepToken: string | null | undefined): Promise<User> {
  if (secondStepToken) return userOfSecondStep(em, app, secondStepToken, 'enrol');
  if (!actor) throw unauthenticated();
  return em.findOneOrFail(User, actor.id, { populate: ['totpSecret', 'totpPendingSecret'] });
}

export async function beginTwoFactorEnrolment(em: EntityManager, app: AppServices, actor: AuthUser | null, secondStepToken?: string | null) {
  const user = await enrollingUser(em, app, actor, secondStepToken);
  if (user.totpEnabledAt) throw conflict('auth.twoFactorAlreadyOn');
  const secret = generateSecret();
  user.totpPendingSecret = secret;
  const otpauthUrl = generateURI({ issuer: ISSUER, label: user.username, secret });
  await em.flush();
  return { secret, otpauthUrl, qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 240 }) };
}

/**
 * The first code proves the app holds the secret: 2FA is on, the recovery codes are shown once, and the
 * answer is a new two-factor session (the old password-only sessions no longer pass, see authenticate).
 */
export async function confirmTwoFactorEnrolment(em: EntityManager, app: AppServices, actor: AuthUser | null, code: string, meta: ClientMeta, secondStepToken?: string | null) {
  const user = await enrollingUser(em, app, actor, secondStepToken);
  if (user.totpEnabledAt) throw conflict('auth.twoFactorAlreadyOn');
  if (!user.totpPendingSecret) throw conflict('auth.twoFactorNotStarted');
  const limiterKey = `2fa:${user.id}`;
  await app.loginLimiter.begin(meta.ip, limiterKey);
  if (!(await acceptTotp(em, app, user, user.totpPendingSecret, code.replace(/\s/g, '')))) {
    await app.loginLimiter.failed(limiterKey);
    throw badInput('code', 'auth.wrongSecondFactor');
  }
  await app.loginLimiter.succeeded(meta.ip, limiterKey);
  user.totpSecret = user.totpPendingSecret;
  user.totpPendingSecret = null;
  user.totpEnabledAt = app.clock.now();
  const recoveryCodes = await replaceRecoveryCodes(em, user);
  audit(em, asActor(user), 'user.2fa_enabled', entityRef(user));
  if (secondStepToken) user.lastLoginAt = app.clock.now();
  const session = await issueTokens(em, app, user, meta, undefined, true);
  return { recoveryCodes, session };
}

async function userWithPassword(em: EntityManager, actor: AuthUser, password: string): Promise<User> {
  const user = await em.findOneOrFail(User, actor.id, { populate: ['passwordHash'] });
  if (!(await verifyPassword(user.passwordHash, password))) throw badInput('password', 'auth.wrongPassword');
  return user;
}

/** Turning 2FA off needs the password, so an unattended open session cannot do it. */
export async function disableTwoFactor(em: EntityManager, actor: AuthUser, password: string): Promise<boolean> {
  const user = await userWithPassword(em, actor, password);
  if (!user.totpEnabledAt) throw conflict('auth.twoFactorOff');
  user.totpSecret = null;
  user.totpPendingSecret = null;
  user.totpEnabledAt = null;
  user.totpLastStep = null;
  await em.nativeDelete(RecoveryCode, { user: user.id });
  audit(em, actor, 'user.2fa_disabled', entityRef(user));
  await em.flush();
  return true;
}

/**
 * ADMIN turns another account's 2FA off when its owner lost both the phone and the recovery codes. The
 * account's sessions end with it; a role that must use 2FA sets it up again at the next login.
 */
export async function resetTwoFactor(em: EntityManager, app: AppServices, actor: AuthUser, userId: string): Promise<User> {
  const user = await em.findOne(User, userId);
  if (!user) throw notFound('user.notFound');
  if (!user.totpEnabledAt) throw conflict('auth.twoFactorOff');
  Object.assign(user, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, tokenVersion: user.tokenVersion + 1 });
  await em.nativeDelete(RecoveryCode, { user: user.id });
  await em.nativeUpdate(RefreshToken, { user: user.id, revokedAt: null }, { revokedAt: app.clock.now() });
  audit(em, actor, 'user.2fa_reset', entityRef(user));
  await em.flush();
  return user;
}

/** A fresh set of recovery codes (the old ones stop working); needs the password. */
export async function regenerateRecoveryCodes(em: EntityManager, actor: AuthUser, password: string): Promise<string[]> {
  const user = await userWithPassword(em, actor, password);
  if (!user.totpEnabledAt) throw conflict('auth.twoFactorOff');
  const codes = await replaceRecoveryCodes(em, user);
  audit(em, actor, 'user.2fa_recovery_codes_replaced', entityRef(user));
  await em.flush();
  return codes;
}
