import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from './auth-user';
import type { TokenService } from './tokens';
import { User } from './user.entity';
import { AppError } from '../common/errors';
import { t } from '../common/messages';

const unauthorized = (key: 'auth.tokenExpired' | 'auth.invalidRefresh') =>
  new AppError('UNAUTHENTICATED', t(key), { http: { status: 401 } });

/**
 * Resolves `Bearer <access token>` to a live account. No header means anonymous; a bad, expired or
 * revoked token (logout everywhere, deactivation, role change) is an error, so clients refresh.
 */
export async function authenticate(em: EntityManager, tokens: TokenService, header: string | undefined | null, now = new Date()): Promise<AuthUser | null> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthorized('auth.invalidRefresh');
  const claims = await tokens.verifyAccess(match[1]!, now);
  if (claims === 'expired') throw unauthorized('auth.tokenExpired');
  if (!claims) throw unauthorized('auth.invalidRefresh');
  // The four columns the check needs, not the account entity: hydrating it decrypts the personal
  // fields (name, e-mail, phone) on every request for nothing.
  const user = await em
    .createQueryBuilder(User)
    .select(['id', 'active', 'tokenVersion', 'role', 'totpEnabledAt'])
    .where({ id: claims.sub })
    .execute<Pick<User, 'id' | 'active' | 'tokenVersion' | 'role' | 'totpEnabledAt'> | undefined>('get');
  if (!user || !user.active || user.tokenVersion !== claims.ver) throw unauthorized('auth.invalidRefresh');
  // A session opened before 2FA was switched on (or required) must sign in again with it.
  if (!claims.mfa && tokens.needsSecondFactor(user)) throw unauthorized('auth.invalidRefresh');
  return { id: user.id, role: user.role };
}
