import { createHash, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { Role } from './roles';

export interface AccessClaims {
  sub: string;
  role: Role;
  /** The user's tokenVersion when issued; a bump (logout everywhere) kills older tokens. */
  ver: number;
}

const ISSUER = 'angsur';
const AUDIENCE = 'angsur-api';

export class TokenService {
  private readonly key: Uint8Array;
  constructor(secret: string, readonly accessTtlSeconds: number, readonly refreshTtlDays: number) {
    this.key = new TextEncoder().encode(secret);
  }

  async signAccess(claims: AccessClaims, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.accessTtlSeconds;
    const token = await new SignJWT({ role: claims.role, ver: claims.ver })
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
      return { sub: payload.sub, role: payload.role as Role, ver: payload.ver };
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
