import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AuthUser } from '../accounts/auth-user';
import type { LoginLimiter } from '../accounts/login-limiter';
import type { PasswordResets } from '../accounts/password-reset';
import type { TokenService } from '../accounts/tokens';
import type { Clock } from '../common/time';
import type { Config } from '../config/config';
import type { Orm } from '../db/orm';
import type { PaymentGateway } from '../payments/gateways/gateway';
import type { SpkDeps } from '../spk/spk.service';
import type { HostingDeps } from '../hosting/hosting.service';
import type { NotificationDeps } from '../notifications/notifications.service';
import type { BillingConfig } from '../billing/billing-pass';
import type { DomainEvents } from '../events/domain-events';
import type { LiveSockets } from './live-sockets';
import type { Loaders } from './loaders';

/** Long-lived services shared by every request. */
export interface AppServices {
  config: Config;
  orm: Orm;
  tokens: TokenService;
  loginLimiter: LoginLimiter;
  /** Open graphql-ws sockets of signed-in users (closed when their sessions end). */
  liveSockets: LiveSockets;
  clock: Clock;
  logger: Logger;
  gateway: PaymentGateway;
  /** Signs the sandbox gateway's own webhooks. */
  sandboxPaymentSecret: string;
  spk: SpkDeps;
  hosting: HostingDeps;
  notifications: NotificationDeps;
  billing: BillingConfig;
  /** Typed in-transaction domain events: domains react to each other's moves here. */
  events: DomainEvents;
  /** Forgot-password links and their rate limits. */
  passwordResets: PasswordResets;
}

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
