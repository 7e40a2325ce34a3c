import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Role } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import type { Clock } from '../common/time';
import type { NotificationBus } from './bus';
import type { EmailSender } from './channels/email';
import { withLetterhead, type Letterhead } from './channels/letterhead';
import { renderNotification, type NotificationType } from './channels/templates';
import type { WhatsAppSender } from './channels/whatsapp';
import { Channel, DeliveryStatus, Notification, NotificationDelivery } from './notification.entity';
import { rowPayload } from './notification-payload';

export interface NotificationDeps {
  clock: Clock;
  bus: NotificationBus;
  email: EmailSender;
  whatsapp: WhatsAppSender;
  logger: Logger;
  publicUrl: string;
  /** The company's name and colour on every email (COMPANY_*). */
  letterhead?: Letterhead;
}

export const MAX_ATTEMPTS = 6;

/** What a notice needs to know about its recipient: the language and the channels they want. */
export type Recipient = Pick<User, 'id' | 'locale' | 'email' | 'phone' | 'notifyByEmail' | 'notifyByWhatsApp'>;

export interface NoticeInput {
  recipient: Recipient;
  type: NotificationType;
  params: Record<string, unknown>;
  link?: string | null;
  channels?: Channel[];
}

/** The rows one notice becomes: the in-app notification and an outbox delivery per wanted channel. */
export interface NoticeRows {
  notification: { id: string; recipientId: string; type: NotificationType; title: string; body: string; link: string | null; data: Record<string, unknown> };
  deliveries: { id: string; channel: Channel; target: string; payload: Record<string, unknown> }[];
}

/**
 * The one place a notice is turned into rows, rendered in the recipient's language; `notify` (one at a
 * time, as entities) and `notifyMany` (a batch, one INSERT per table) both write what this returns.
 */
export function noticeRows({ recipient, type, params, link, channels }: NoticeInput): NoticeRows {
  const rendered = renderNotification(type, recipient.locale, params as never);
  const id = randomUUID();
  const wanted = channels ?? [Channel.EMAIL, Channel.WHATSAPP];
  const deliveries: NoticeRows['deliveries'] = [];
  if (wanted.includes(Channel.EMAIL) && recipient.notifyByEmail && recipient.email) {
    deliveries.push({ id: randomUUID(), channel: Channel.EMAIL, target: recipient.email, payload: rendered.email });
  }
  if (wanted.includes(Channel.WHATSAPP) && recipient.notifyByWhatsApp && recipient.phone) {
    deliveries.push({ id: randomUUID(), channel: Channel.WHATSAPP, target: recipient.phone, payload: { ...rendered.whatsapp, language: recipient.locale } });
  }
  return {
    notification: { id, recipientId: recipient.id, type, title: rendered.title.slice(0, 200), body: rendered.body, link: link ?? null, data: jsonSafe(params) },
    deliveries,
  };
}

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
  const rows = noticeRows({ recipient, type, params, link: opts.link, channels: opts.channels });
  const { id, title, body, link, data } = rows.notification;
  const notification = em.create(Notification, { id, recipient, type, title, body, link, data });
  for (const d of rows.deliveries) em.create(NotificationDelivery, { id: d.id, notification, channel: d.channel, target: d.target, payload: d.payload });
  await deps.bus.enqueue(em, { notificationId: notification.id, recipientId: recipient.id, row: rowPayload(notification) });
  return notification;
}

/**
 * Notifies many users at once, in the caller's transaction: the same rows `notify` writes, in one
 * INSERT for the notifications and one for the outbox, without an entity per row (the billing pass
 * sends thousands per chunk). The caller bounds the batch; subscribers hear of each row after commit.
 */
export async function notifyMany(tx: EntityManager, deps: Pick<NotificationDeps, 'bus'>, notices: Iterable<NoticeInput>): Promise<number> {
  const notifications: NoticeRows['notification'][] = [];
  const deliveries: (NoticeRows['deliveries'][number] & { notificationId: string })[] = [];
  for (const n of notices) {
    const rows = noticeRows(n);
    notifications.push(rows.notification);
    for (const d of rows.deliveries) deliveries.push({ ...d, notificationId: rows.notification.id });
  }
  if (!notifications.length) return 0;
  const sql = (text: string, params: unknown[]) => tx.getConnection().execute(text, params, 'run', tx.getTransactionContext());
  // One JSON document per table: no per-row statement and no array literals to escape.
  await sql(
    `insert into notifications (id, created_at, updated_at, recipient_id, type, title, body, link, data)
     select n.id, now(), now(), n."recipientId", n.type, n.title, n.body, n.link, n.data
     from jsonb_to_recordset(?::jsonb) as n(id uuid, "recipientId" uuid, type text, title text, body text, link text, data jsonb)`,
    [JSON.stringify(notifications)],
  );
  if (deliveries.length) {
    await sql(
      `insert into notification_deliveries (id, created_at, updated_at, notification_id, channel, target, payload, status, attempts, next_attempt_at)
       select d.id, now(), now(), d."notificationId", d.channel, d.target, d.payload, 'PENDING', 0, now()
       from jsonb_to_recordset(?::jsonb) as d(id uuid, "notificationId" uuid, channel text, target text, payload jsonb)`,
      [JSON.stringify(deliveries)],
    );
  }
  for (const n of notifications) await deps.bus.enqueue(tx, { notificationId: n.id, recipientId: n.recipientId });
  return notifications.length;
}

/** Every active staff member of the given roles (ADMIN always included). */
export async function staffRecipients(em: EntityManager, roles: Role[]): Promise<User[]> {
  return em.find(User, { active: true, role: { $in: [...new Set([Role.ADMIN, ...roles])] } });
}

function jsonSafe(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))) as Record<string, unknown>;
}

/** A claimed delivery stays ours this long; more than one send may take (SMTP gives up after 120 s). */
export const OUTBOX_LEASE_MS = 5 * 60_000;

export interface DeliverOptions {
  /** Rows claimed per round trip. */
  batch?: number;
  /** Aborted when the server stops: the delivery in hand finishes, the rest are handed back. */
  signal?: AbortSignal;
  leaseMs?: number;
}

/**
 * Sends what the outbox holds, batch after batch until nothing is due.
 *
 * Each batch is claimed in a short transaction (FOR UPDATE SKIP LOCKED, so processes share the work)
 * by writing a lease: `locked_until` and this run's `claimed_by`. Every row is then taken again just
 * before its send (lease renewed, attempt counted, only if the row is still ours), sent outside any
 * transaction, and marked with one UPDATE, again only if still ours. So:
 * - a process killed mid-batch loses nothing: its unsent rows come back when the lease expires, and
 *   the interrupted send was not accepted by the server, or:
 * - the one case that can send twice is a kill after the provider accepted a message and before the
 *   UPDATE that marks it (one round trip): at-least-once, as every outbox. Emails carry the delivery's
 *   id as Message-ID, so a repeat is recognisably the same message.
 * A stop (signal) hands the claimed but unsent rows back at once instead of waiting for the lease.
 */
export async function deliverDue(em: EntityManager, deps: NotificationDeps, opts: DeliverOptions = {}): Promise<{ sent: number; failed: number; retried: number }> {
  const { batch = 20, signal, leaseMs = OUTBOX_LEASE_MS } = opts;
  const result = { sent: 0, failed: 0, retried: 0 };
  const claimedBy = randomUUID();
  const mine = (id: string) => ({ id, claimedBy, status: DeliveryStatus.PENDING });
  while (!signal?.aborted) {
    const now = deps.clock.now();
    const claimed = await em.fork().transactional(async (tx) => {
      const rows = await tx.find(
        NotificationDelivery,
        { status: DeliveryStatus.PENDING, nextAttemptAt: { $lte: now }, $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }] },
        { orderBy: { nextAttemptAt: 'asc' }, limit: batch, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      for (const r of rows) {
        r.lockedUntil = new Date(now.getTime() + leaseMs);
        r.claimedBy = claimedBy;
      }
      return rows.map((r) => ({ id: r.id, channel: r.channel, target: r.target, payload: r.payload, attempts: r.attempts + 1 }));
    });
    if (!claimed.length) break;
    for (const d of claimed) {
      if (signal?.aborted) {
        await em.fork().nativeUpdate(NotificationDelivery, { claimedBy, status: DeliveryStatus.PENDING }, { lockedUntil: null, claimedBy: null });
        break;
      }
      // Still ours? (A run slower than its lease has lost the row to another process: do not send.)
      const taken = await em.fork().nativeUpdate(NotificationDelivery, mine(d.id), {
        lockedUntil: new Date(deps.clock.now().getTime() + leaseMs),
        attempts: d.attempts,
      });
      if (taken !== 1) continue;
      let outcome: { ok: true; id: string } | { ok: false; error: string; retryable: boolean };
      try {
        const sent =
          d.channel === Channel.EMAIL
            ? await deps.email.send({ to: d.target, messageId: `<${d.id}@angsur.outbox>`, ...withLetterhead(d.payload as { subject: string; text: string; html: string }, deps.letterhead) })
            : await deps.whatsapp.send(whatsAppMessage(d.target, d.payload));
        outcome = { ok: true, id: 'messageId' in sent ? sent.messageId : sent.providerMessageId };
      } catch (err) {
        const retryable = (err as { retryable?: boolean }).retryable !== false;
        outcome = { ok: false, error: (err as Error).message ?? String(err), retryable };
      }
      const released = { lockedUntil: null, claimedBy: null };
      if (outcome.ok) {
        await em.fork().nativeUpdate(NotificationDelivery, mine(d.id), { ...released, status: DeliveryStatus.SENT, sentAt: deps.clock.now(), providerMessageId: outcome.id.slice(0, 200), lastError: null });
        result.sent++;
      } else if (!outcome.retryable || d.attempts >= MAX_ATTEMPTS) {
        const lastError = outcome.error.slice(0, 2000);
        await em.fork().nativeUpdate(NotificationDelivery, mine(d.id), { ...released, status: DeliveryStatus.FAILED, lastError });
        result.failed++;
        deps.logger.warn({ deliveryId: d.id, channel: d.channel, error: lastError }, 'notification delivery failed for good');
      } else {
        const nextAttemptAt = new Date(deps.clock.now().getTime() + 2 ** d.attempts * 30_000);
        await em.fork().nativeUpdate(NotificationDelivery, mine(d.id), { ...released, lastError: outcome.error.slice(0, 2000), nextAttemptAt });
        result.retried++;
      }
    }
  }
  return result;
}

/** WhatsApp outside the 24-hour window: approved templates only, so the rendered template is what goes out. */
function whatsAppMessage(to: string, payload: Record<string, unknown>) {
  const p = payload as { template: string; bodyParams: string[] };
  return { to, kind: 'template' as const, template: p.template, language: (payload.language as 'id' | 'en') ?? 'id', bodyParams: p.bodyParams };
}
