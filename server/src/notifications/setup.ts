import type { Logger } from 'pino';
import type { Clock } from '../common/time';
import type { Config } from '../config/config';
import { InMemoryBus, PgNotifyBus } from './bus';
import { createLogSender, createSmtpSender } from './channels/email';
import { createCloudSender, createSandboxSender } from './channels/whatsapp';
import type { NotificationDeps } from './notifications.service';

/** Channels and bus from configuration: real SMTP and the Cloud API when configured, recorders otherwise. */
export function createNotificationDeps(config: Config, logger: Logger, clock: Clock, databaseUrl: string | null): NotificationDeps {
  const email = config.SMTP_HOST
    ? createSmtpSender({
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        user: config.SMTP_USER,
        password: config.SMTP_PASSWORD,
        from: config.SMTP_FROM,
      })
    : createLogSender((msg) => logger.info({ to: msg.to, subject: msg.subject }, 'email (no SMTP_HOST: logged, not sent)'));
  const whatsapp =
    config.WHATSAPP_PROVIDER === 'cloud'
      ? createCloudSender({
          baseUrl: config.WHATSAPP_API_URL,
          apiVersion: config.WHATSAPP_API_VERSION,
          phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID!,
          accessToken: config.WHATSAPP_ACCESS_TOKEN!,
        })
      : createSandboxSender();
  return {
    clock,
    logger,
    publicUrl: config.publicUrl,
    letterhead: { companyName: config.COMPANY_NAME, primaryColor: config.COMPANY_PRIMARY_COLOR },
    email,
    whatsapp,
    bus: databaseUrl ? new PgNotifyBus(databaseUrl, logger) : new InMemoryBus(),
  };
}
