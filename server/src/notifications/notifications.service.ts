import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Role } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import type { Clock } from '../common/time';
import type { NotificationBus, NotificationRowPayload } from './bus';
import type { EmailSender } from './channels/email';
import { withLetterhead, type Letterhead } from './channels/letterhead';
import { renderNotification, type NotificationParams, type NotificationType } from './channels/templates';
import type { WhatsAppSender } from './channels/whatsapp';
import { Channel, DeliveryStatus, Notification, NotificationDelivery } from './notification.entity';
import { notificationFromPayload, type NotificationView } from './notification-payload';

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

/** One notice of type T: the type decides the params it takes (`NotificationParams`). */
export interface NoticeOf<T extends NotificationType> {
  recipient: Recipient;
  type: T;
  params: NotificationParams[T];
  link?: string | null;
  channels?: Channel[];
}

/** Any notice, the type and its params kept together: a notice with the wrong params fails the typecheck. */
export type NoticeInput = { [T in NotificationType]: NoticeOf<T> }[NotificationType];

/** The rows one notice becomes: the in-app notification and an outbox delivery per wanted channel. */
export interface NoticeRows {
  notification: { id: string; recipientId: string; type: NotificationType; title: string; body: string; link: string | null; data: Record<string, unknown> };
  deliveries: { id: string; channel: Channel; target: string; payload: Record<string, unknown> }[];
}

/** The one place a notice is turned into rows, rendered in the recipient's language (pure: no database). */
export function noticeRows<T extends NotificationType>({ recipient, type, params, link, channels }: NoticeOf<T>): NoticeRows {
  const rendered = renderNotification(type, recipient.locale, params);
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
 * Notifies one user, typed by the notice: `notify(tx, deps, user, 'SPK_CONFIRMED', params)` takes only
 * SPK_CONFIRMED's params. Written by the same writer as `notifyMany` (one notice, one batch). Answers
 * the notification as inserted (every field the API shows), so a caller that returns it reads nothing back.
 */
export async function notify<T extends NotificationType>(
  tx: EntityManager,
  deps: Pick<NotificationDeps, 'bus'>,
  recipient: Recipient,
  type: T,
  params: NotificationParams[T],
  opts: { link?: string | null; channels?: Channel[] } = {},
): Promise<NotificationView> {
  const [written] = await writeNotices(tx, deps, [noticeRows({ recipient, type, params, link: opts.link, channels: opts.channels })]);
  return notificationFromPayload(written!);
}

/**
 * Notifies many users at once, in the caller's transaction (the billing pass sends thousands per
 * chunk; the caller bounds the batch). Answers how many notices were written.
 */
export async function notifyMany(tx: EntityManager, deps: Pick<NotificationDeps, 'bus'>, notices: Iterable<NoticeInput>): Promise<number> {
  const rows: NoticeRows[] = [];
  for (const n of notices) rows.push(noticeRows(n));
  await writeNotices(tx, deps, rows);
  return rows.length;
}

/**
 * The one writer of notification and outbox rows: one INSERT per table, without an entity per row.
 * It must run in the transaction of the change it announces, so a rolled-back change notifies nobody;
 * outside one the rows would commit at once, before that change, so that is refused. Subscribers hear
 * of each row after commit, the row itself carried by the event.
 *
 * How the rows travel decides the cost (issue 14): every field is its own bound parameter in a VALUES
 * list, so no text is escaped, copied or joined on its way (one text[] literal per column, the way before,
 * built a copy of every text and then one multi-megabyte string per column and batch: large strings V8
 * keeps in its old generation until a full collection, what made the billing pass's process grow). The
 * long texts (body, the e-mail's text and HTML) are never inside a JSON document PostgreSQL must parse:
 * each payload is its small JSON remainder merged with those texts by `jsonb_build_object` (one JSON
 * document per batch parsed as a whole cost ~1 s per 3,000 rows, ten times the INSERT itself).
 * Answers the notifications as inserted, in the order given.
 */
async function writeNotices(tx: EntityManager, deps: Pick<NotificationDeps, 'bus'>, rows: readonly NoticeRows[]): Promise<NotificationRowPayload[]> {
  if (!rows.length) return [];
  if (!tx.isInTransaction()) throw new Error('notices are written in the transaction of the change they announce (em.transactional)');
  const n: (string | null)[][] = [];
  const d: (string | null)[][] = [];
  for (const { notification: row, deliveries } of rows) {
    n.push([row.id, row.recipientId, row.type, row.title, row.body, row.link, JSON.stringify(row.data)]);
    for (const delivery of deliveries) {
      const { text, html, ...rest } = delivery.payload;
      d.push([delivery.id, row.id, delivery.channel, delivery.target, JSON.stringify(rest), textOrNull(text), textOrNull(html)]);
    }
  }
  const knex = tx.getTransactionContext<Knex.Transaction>() ?? tx.getConnection().getKnex();
  const stamped: { id: string; created_at: Date | string }[] = [];
  for (const batch of valueBatches(n)) {
    const result = await knex.raw<{ rows: { id: string; created_at: Date | string }[] }>(
      `insert into notifications (id, created_at, updated_at, recipient_id, type, title, body, link, data)
       select n.id::uuid, now(), now(), n.recipient_id::uuid, n.type, n.title, n.body, n.link, n.data::jsonb
       from (values ${batch.values}) as n(id, recipient_id, type, title, body, link, data)
       returning id, created_at`,
      batch.params,
    );
    stamped.push(...result.rows);
  }
  for (const batch of valueBatches(d)) {
    await knex.raw(
      `insert into notification_deliveries (id, created_at, updated_at, notification_id, channel, target, payload, status, attempts, next_attempt_at)
       select d.id::uuid, now(), now(), d.notification_id::uuid, d.channel, d.target,
              d.rest::jsonb || jsonb_strip_nulls(jsonb_build_object('text', d.text, 'html', d.html)), 'PENDING', 0, now()
       from (values ${batch.values}) as d(id, notification_id, channel, target, rest, text, html)`,
      batch.params,
    );
  }
  // The row travels with the event (embedded bus; PostgreSQL's insert trigger sends the same object), so
  // subscribers read nothing (issue 14 item 7).
  // `returning` answers every inserted row: one missing means the INSERT is not what this code thinks
  // it is, so nothing is announced with a made-up time (the transaction fails with it).
  const createdAt = new Map(stamped.map((r) => [r.id, new Date(r.created_at).toISOString()]));
  const written = rows.map(({ notification: x }) => {
    const at = createdAt.get(x.id);
    if (at === undefined) throw new Error(`the notifications INSERT did not return the row ${x.id} it wrote`);
    return { recipientId: x.recipientId, row: { id: x.id, type: x.type, title: x.title, body: x.body, link: x.link, data: x.data, readAt: null, createdAt: at, updatedAt: at } };
  });
  for (const { recipientId, row } of written) await deps.bus.enqueue(tx, { notificationId: row.id, recipientId, row });
  return written.map((w) => w.row);
}

/** A payload's long text field, or null when it has none (null is stripped from the merged payload). */
function textOrNull(value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') throw new TypeError('a delivery payload\'s text and html are strings');
  return value;
}

/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMS = 65_535;

/**
 * Rows of text values as VALUES lists of placeholders, one parameter per value, in as few statements as
 * the parameter limit allows. The first row's placeholders are typed text, which types the columns.
 */
export function* valueBatches(rows: readonly (string | null)[][]): Generator<{ values: string; params: (string | null)[] }> {
  if (!rows.length) return;
  const width = rows[0]!.length;
  const perBatch = Math.floor(MAX_PARAMS / width);
  const first = `(${Array.from({ length: width }, () => '?::text').join(', ')})`;
  const next = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  for (let from = 0; from < rows.length; from += perBatch) {
    const batch = rows.slice(from, from + perBatch);
    yield { values: [first, ...Array.from({ length: batch.length - 1 }, () => next)].join(', '), params: batch.flat() };
  }
}

/** Every active staff member of the given roles (ADMIN always included). */
export async function staffRecipients(em: EntityManager, roles: Role[]): Promise<User[]> {
  return em.find(User, { active: true, role: { $in: [...new Set([Role.ADMIN, ...roles])] } });
}

function jsonSafe(value: object): Record<string, unknown> {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  const plain: unknown = JSON.parse(text);
  return plain as Record<string, unknown>;
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
