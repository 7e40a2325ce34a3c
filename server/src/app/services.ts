import type { Logger } from 'pino';
import { LoginLimiter } from '../accounts/login-limiter';
import { PasswordResets } from '../accounts/password-reset';
import { SessionChecks } from '../accounts/session-checks';
import { TokenService } from '../accounts/tokens';
import type { BillingConfig } from '../billing/billing-pass';
import type { Clock } from '../common/time';
import type { Config } from '../config/config';
import type { Secrets } from '../config/secrets';
import type { Orm } from '../db/orm';
import { DomainEvents } from '../events/domain-events';
import { LiveSockets } from '../graphql/live-sockets';
import { createHostingDeps } from '../hosting/drivers';
import type { HostingDeps } from '../hosting/hosting.service';
import { createNotificationDeps } from '../notifications/setup';
import type { NotificationDeps } from '../notifications/notifications.service';
import { createGateway } from '../payments/gateways';
import type { PaymentGateway } from '../payments/gateways/gateway';
import { signatureProviderFromConfig } from '../spk/signature-provider';
import { signingIdentityLoader } from '../spk/signing-identity';
import type { SpkDeps } from '../spk/spk.service';
import { createStampDutyProvider } from '../spk/stamp-duty';

/**
 * Long-lived services shared by every request, route and job: wired once per app, here and nowhere
 * else. Resolvers reach them through `ctx.app`, HTTP routes and jobs receive them as an argument.
 */
export interface AppServices {
  config: Config;
  orm: Orm;
  tokens: TokenService;
  loginLimiter: LoginLimiter;
  /** Open graphql-ws sockets of signed-in users (closed when their sessions end). */
  liveSockets: LiveSockets;
  /** The session check of every request and live event, shared by concurrent callers of one token. */
  sessionChecks: SessionChecks;
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

/** The payment gateway chosen in the configuration; its return links point at `publicUrl`. */
export function gatewayFor(config: Config, secrets: Secrets, publicUrl: string): PaymentGateway {
  return createGateway(config.PAYMENT_GATEWAY, {
    sandbox: { secret: secrets.sandboxPaymentSecret, publicUrl },
    ...(config.MIDTRANS_SERVER_KEY ? { midtrans: { serverKey: config.MIDTRANS_SERVER_KEY, snapBaseUrl: config.MIDTRANS_SNAP_URL } } : {}),
    ...(config.XENDIT_SECRET_KEY && config.XENDIT_CALLBACK_TOKEN
      ? { xendit: { secretKey: config.XENDIT_SECRET_KEY, callbackToken: config.XENDIT_CALLBACK_TOKEN, baseUrl: config.XENDIT_BASE_URL } }
      : {}),
  });
}

/**
 * Every service from the configuration, once. `listenUrl` is the real PostgreSQL the notification bus
 * LISTENs on (null for the embedded database, where the bus stays in process).
 */
export function wireServices(parts: { config: Config; secrets: Secrets; orm: Orm; clock: Clock; logger: Logger; listenUrl: string | null }): AppServices {
  const { config, secrets, orm, clock, logger } = parts;
  const tokens = new TokenService(secrets.jwtSecret, config.ACCESS_TOKEN_TTL_SECONDS, config.REFRESH_TOKEN_TTL_DAYS, config.staffTwoFactorRequired);
  const sessionChecks = new SessionChecks(orm, tokens, clock);
  const notifications = createNotificationDeps(config, logger, clock, parts.listenUrl);
  const events = new DomainEvents();
  return {
    events,
    notifications,
    billing: {
      remindBefore: config.REMINDER_DAYS_BEFORE.split(',').map(Number),
      remindAfter: config.REMINDER_DAYS_AFTER.split(',').map(Number),
    },
    config,
    orm,
    clock,
    logger,
    sandboxPaymentSecret: secrets.sandboxPaymentSecret,
    gateway: gatewayFor(config, secrets, config.publicUrl),
    spk: {
      clock,
      config,
      signingIdentity: signingIdentityLoader(config),
      signatures: signatureProviderFromConfig(config, secrets.sandboxPaymentSecret),
      bus: notifications.bus,
      events,
      stampDuty: createStampDutyProvider(config.STAMP_DUTY_PROVIDER, {
        sandbox: { seed: secrets.sandboxPaymentSecret },
        ...(config.MEKARI_BASE_URL && config.MEKARI_CLIENT_ID && config.MEKARI_CLIENT_SECRET
          ? { mekari: { baseUrl: config.MEKARI_BASE_URL, clientId: config.MEKARI_CLIENT_ID, clientSecret: config.MEKARI_CLIENT_SECRET } }
          : {}),
      }),
    },
    hosting: createHostingDeps(config, clock, notifications.bus, events),
    tokens,
    sessionChecks,
    liveSockets: new LiveSockets(sessionChecks, clock),
    loginLimiter: new LoginLimiter({
      maxPerIp: config.LOGIN_MAX_PER_IP,
      maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      windowSeconds: config.LOGIN_WINDOW_SECONDS,
    }),
    passwordResets: new PasswordResets(config),
  };
}
