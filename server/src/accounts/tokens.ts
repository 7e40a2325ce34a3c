import { createHash, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { Role } from './roles';

export interface AccessClaims {
  sub: string;
  role: Role;
  /** The user's tokenVersion when issued; a bump (logout everywhere) kills older tokens. */
  ver: number;
  /** Signed in with a second factor (TOTP or a recovery code). */
  mfa?: boolean;
}

/** The short-lived proof, between the two steps of a two-factor sign-in, that the password was right. */
export interface SecondStepClaims {
  sub: string;
  ver: number;
  /** 'totp': enter a code; 'enrol': the role requires 2FA and none is set up yet. */
  step: 'totp' | 'enrol';
}

const SECOND_STEP_AUDIENCE = 'angsur-second-step';
const SECOND_STEP_TTL_SECONDS = 300;

/** ADMIN and FINANCE hold money and every customer's data: they are the roles a policy may force onto 2FA. */
export const TWO_FACTOR_ROLES: readonly Role[] = [Role.ADMIN, Role.FINANCE];

const ISSUER = 'angsur';
const AUDIENCE = 'angsur-api';

export class TokenService {
  private readonly key: Uint8Array;
  constructor(
    secret: string,
    readonly accessTtlSeconds: number,
    readonly refreshTtlDays: number,
    /** STAFF_2FA_REQUIRED: sessions of TWO_FACTOR_ROLES without a second factor are refused. */
    readonly staffTwoFactorRequired = false,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** Whether a session of this user needs to have been opened with a second factor. */
  needsSecondFactor(user: { role: Role; totpEnabledAt: Date | null }): boolean {
    return user.totpEnabledAt !== null || (this.staffTwoFactorRequired && TWO_FACTOR_ROLES.includes(user.role));
  }

  async signSecondStep(claims: SecondStepClaims, now = new Date()): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({ ver: claims.ver, step: claims.step })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(SECOND_STEP_AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + SECOND_STEP_TTL_SECONDS)
      .sign(this.key);
  }

  /** The claims of a valid second-step token of the wanted step, or null (expired, forged, other step). */
  async verifySecondStep(token: string, step: SecondStepClaims['step'], now = new Date()): Promise<SecondStepClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: SECOND_STEP_AUDIENCE, algorithms: ['HS256'], currentDate: now });
      if (typeof payload.sub !== 'string' || typeof payload.ver !== 'number' || payload.step !== step) return null;
      return { sub: payload.sub, ver: payload.ver, step };
    } catch {
      return null;
    }
  }

  async signAccess(claims: AccessClaims, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.accessTtlSeconds;
    const token = await new SignJWT({ role: claims.role, ver: claims.ver, mfa: claims.mfa === true })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The claims of a valid access token, 'expired', or null for anything else. */
  async verifyAccess(token: string, now = new Date()): Promise<AccessClaims | 'expired' | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: now });
      if (typeof payload.sub !== 'string' || typeof payload.ver !== 'number') return null;
      if (!Object.values(Role).includes(payload.role as Role)) return null;
      return { sub: payload.sub, role: payload.role as Role, ver: payload.ver, mfa: payload.mfa === true };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) return 'expired';
      return null;
    }
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: hashRefreshToken(token) };
  }
}

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');
