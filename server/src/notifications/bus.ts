import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager as PgEntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';
import { pubSub } from '../graphql/pubsub';

export const NOTIFICATION_ADDED = 'NOTIFICATION_ADDED';
/** Published when this process may have missed notifications (its LISTEN connection was down). */
export const NOTIFICATIONS_RESYNC = 'NOTIFICATIONS_RESYNC';
const CHANNEL = 'angsur_notifications';
/** application_name of the LISTEN connection, to find it in pg_stat_activity. */
export const LISTENER_NAME = 'angsur notifications';

/** A notification's public fields as the event carries them (JSON: timestamps as ISO text). */
export interface NotificationRowPayload {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown> | null;
  readAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NotificationEvent {
  notificationId: string;
  recipientId: string;
  /**
   * The row itself, so subscribers need no read (issue 14 item 7). The insert trigger sends it; absent
   * when the row is too large for a NOTIFY payload (then the row is read once per event).
   */
  row?: NotificationRowPayload;
}

/**
 * Subscribers hear about a notification only once its transaction has committed.
 * - Real PostgreSQL: a trigger on `notifications` runs `pg_notify` in the inserting transaction
 *   (PostgreSQL delivers it on commit, to every server process), and each process LISTENs on its own
 *   connection and publishes to its subscribers.
 * - Embedded PGlite (one connection, one process): the event is queued on the transaction and
 *   published in memory after commit.
 */
export interface NotificationBus {
  enqueue(em: PgEntityManager, event: NotificationEvent): Promise<void>;
  /** Whether events published by other processes reach this one right now (for /readyz). */
  readonly listening: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const queued = new WeakMap<object, NotificationEvent[]>();

/** Publishes the events queued on a transaction's entity manager after it commits (embedded mode). */
export class AfterCommitPublisher implements EventSubscriber {
  afterTransactionCommit(args: TransactionEventArgs) {
    const events = queued.get(args.em as object);
    if (!events) return;
    queued.delete(args.em as object);
    for (const e of events) pubSub.publish(NOTIFICATION_ADDED, e);
  }
  afterTransactionRollback(args: TransactionEventArgs) {
    queued.delete(args.em as object);
  }
}

export class InMemoryBus implements NotificationBus {
  readonly listening = true;
  /** Outside an explicit transaction, the caller's next flush is the transaction that commits it. */
  async enqueue(em: PgEntityManager, event: NotificationEvent) {
    const key = em as unknown as object;
    // Appended in place: copying the list per event made a batch of n notices cost n² (issue 14).
    const list = queued.get(key);
    if (list) list.push(event);
    else queued.set(key, [event]);
  }
  async start() {}
  async stop() {}
}

/** Reconnect delays of the LISTEN connection: 250 ms doubling to 10 s, with jitter so processes spread out. */
export function listenBackoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(10_000, 250 * 2 ** Math.min(attempt, 10));
  return Math.round(base / 2 + (random() * base) / 2);
}

/**
 * LISTENs on a connection of its own. When that connection is lost (pg_terminate_backend, a PostgreSQL
 * restart, a network cut) NOTIFYs sent meanwhile are gone for this process: it reconnects with backoff,
 * reports itself not listening to /readyz until then, and after every reconnect publishes
 * NOTIFICATIONS_RESYNC so connected clients refetch what they may have missed.
 */
export class PgNotifyBus implements NotificationBus {
  private client: pg.Client | null = null;
  private stopped = true;
  private retry: NodeJS.Timeout | null = null;
  private attempt = 0;
  constructor(
    private readonly connectionString: string,
    private readonly logger: Logger,
  ) {}

  get listening() {
    return this.client !== null;
  }

  /** Nothing to do: the insert trigger announces the row (migration Migration20261124171500). */
  async enqueue(_em: PgEntityManager, _event: NotificationEvent) {}

  /** The first connection must work (a wrong DATABASE_URL fails the start); later losses are retried. */
  async start() {
    this.stopped = false;
    await this.connect();
  }

  private async connect() {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: LISTENER_NAME });
    client.on('notification', (msg) => {
      try {
        pubSub.publish(NOTIFICATION_ADDED, JSON.parse(msg.payload ?? '{}') as NotificationEvent);
      } catch (err) {
        this.logger.warn({ err }, 'bad notification payload');
      }
    });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => {});
      if (this.stopped) return;
      this.logger.error({ err }, 'notification listener connection lost; reconnecting');
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
    } catch (err) {
      lost = true;
      client.end().catch(() => {});
      throw err;
    }
    if (this.stopped) {
      lost = true;
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
  }

  private scheduleReconnect() {
    if (this.retry || this.stopped) return;
    const delay = listenBackoffMs(this.attempt++);
    // reconnect() catches its own failure (and schedules the next try), so the timer need not await it.
    this.retry = setTimeout(() => void this.reconnect(), delay);
    this.retry.unref();
  }

  private async reconnect() {
    this.retry = null;
    if (this.stopped) return;
    try {
      await this.connect();
      if (!this.client) return;
      this.logger.info({ attempts: this.attempt }, 'notification listener reconnected');
      this.attempt = 0;
      pubSub.publish(NOTIFICATIONS_RESYNC, { reconnectedAt: new Date() });
    } catch (err) {
      this.logger.warn({ err, attempt: this.attempt }, 'notification listener could not reconnect yet');
      this.scheduleReconnect();
    }
  }

  async stop() {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    await client?.end();
  }
}
