import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Role } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import type { Clock } from '../common/time';
import type { NotificationBus } from './bus';
import type { EmailSender } from './channels/email';
import { renderNotification, type NotificationType } from './channels/templates';
import type { WhatsAppSender } from './channels/whatsapp';
import { Channel, DeliveryStatus, Notification, NotificationDelivery } from './notification.entity';

export interface NotificationDeps {
  clock: Clock;
  bus: NotificationBus;
  email: EmailSender;
  whatsapp: WhatsAppSender;
  logger: Logger;
  publicUrl: string;
}

export const MAX_ATTEMPTS = 6;

/**
 * Notifies one user: the in-app row, plus an outbox delivery per channel the user wants, all in the
 * caller's transaction (so a rolled-back change notifies nobody). Rendered now, in the user's language.
 */
export async function notify(
  em: EntityManager,
  deps: Pick<NotificationDeps, 'bus'>,
  recipient: User,
  type: NotificationType,
  params: Record<string, unknown>,
  opts: { link?: string | null; channels?: Channel[] } = {},
): Promise<Notification> {
  const rendered = renderNotification(type, recipient.locale, params as never);
  const notification = em.create(Notification, {
    recipient,
    type,
    title: rendered.title.slice(0, 200),
    body: rendered.body,
    link: opts.link ?? null,
    data: jsonSafe(params),
  });
  const wanted = opts.channels ?? [Channel.EMAIL, Channel.WHATSAPP];
  if (wanted.includes(Channel.EMAIL) && recipient.notifyByEmail && recipient.email) {
    em.create(NotificationDelivery, { notification, channel: Channel.EMAIL, target: recipient.email, payload: rendered.email });
  }
  if (wanted.includes(Channel.WHATSAPP) && recipient.notifyByWhatsApp && recipient.phone) {
    em.create(NotificationDelivery, { notification, channel: Channel.WHATSAPP, target: recipient.phone, payload: { ...rendered.whatsapp, language: recipient.locale } });
  }
  await deps.bus.enqueue(em, { notificationId: notification.id, recipientId: recipient.id });
  return notification;
}

/** Every active staff member of the given roles (ADMIN always included). */
export async function staffRecipients(em: EntityManager, roles: Role[]): Promise<User[]> {
  return em.find(User, { active: true, role: { $in: [...new Set([Role.ADMIN, ...roles])] } });
}

function jsonSafe(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))) as Record<string, unknown>;
}

/**
 * Sends what the outbox holds. Rows are claimed with a short lease in their own transaction (SKIP
 * LOCKED on a real PostgreSQL lets several processes share the work), sent outside any transaction,
 * then marked SENT, or retried with exponential backoff until MAX_ATTEMPTS, then FAILED for staff.
 */
export async function deliverDue(em: EntityManager, deps: NotificationDeps, batch = 20): Promise<{ sent: number; failed: number; retried: number }> {
  const now = deps.clock.now();
  const claimed = await em.transactional(async (tx) => {
    const rows = await tx.find(
      NotificationDelivery,
      { status: DeliveryStatus.PENDING, nextAttemptAt: { $lte: now }, $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }] },
      { orderBy: { nextAttemptAt: 'asc' }, limit: batch, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    for (const r of rows) {
      r.lockedUntil = new Date(now.getTime() + 5 * 60_000);
      r.attempts += 1;
    }
    return rows.map((r) => ({ id: r.id, channel: r.channel, target: r.target, payload: r.payload, attempts: r.attempts }));
  });
  const result = { sent: 0, failed: 0, retried: 0 };
  for (const d of claimed) {
    let outcome: { ok: true; id: string } | { ok: false; error: string; retryable: boolean };
    try {
      const sent =
        d.channel === Channel.EMAIL
          ? await deps.email.send({ to: d.target, ...(d.payload as { subject: string; text: string; html: string }) })
          : await deps.whatsapp.send(whatsAppMessage(d.target, d.payload));
      outcome = { ok: true, id: 'messageId' in sent ? sent.messageId : sent.providerMessageId };
    } catch (err) {
      const retryable = (err as { retryable?: boolean }).retryable !== false;
      outcome = { ok: false, error: (err as Error).message ?? String(err), retryable };
    }
    const fem = em.fork();
    const r = await fem.findOneOrFail(NotificationDelivery, d.id);
    r.lockedUntil = null;
    if (outcome.ok) {
      r.status = DeliveryStatus.SENT;
      r.sentAt = deps.clock.now();
      r.providerMessageId = outcome.id.slice(0, 200);
      r.lastError = null;
      result.sent++;
    } else if (!outcome.retryable || d.attempts >= MAX_ATTEMPTS) {
      r.status = DeliveryStatus.FAILED;
      r.lastError = outcome.error.slice(0, 2000);
      result.failed++;
      deps.logger.warn({ deliveryId: r.id, channel: r.channel, error: r.lastError }, 'notification delivery failed for good');
    } else {
      r.lastError = outcome.error.slice(0, 2000);
      r.nextAttemptAt = new Date(deps.clock.now().getTime() + 2 ** d.attempts * 30_000);
      result.retried++;
    }
    await fem.flush();
  }
  return result;
}

/** WhatsApp outside the 24-hour window: approved templates only, so the rendered template is what goes out. */
function whatsAppMessage(to: string, payload: Record<string, unknown>) {
  const p = payload as { template: string; bodyParams: string[] };
  return { to, kind: 'template' as const, template: p.template, language: (payload.language as 'id' | 'en') ?? 'id', bodyParams: p.bodyParams };
}
