import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import type { AppServices } from '../app/services';
import type { Loaders } from './loaders';

/** What every resolver receives: its own entity manager fork and who is asking. */
export interface Context {
  em: EntityManager;
  user: AuthUser | null;
  app: AppServices;
  requestId: string;
  ip: string;
  userAgent: string | null;
  loaders: Loaders;
}
