import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager as PgEntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';
import { pubSub } from '../graphql/pubsub';

export const NOTIFICATION_ADDED = 'NOTIFICATION_ADDED';
const CHANNEL = 'angsur_notifications';

export interface NotificationEvent {
  notificationId: string;
  recipientId: string;
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
    queued.set(key, [...(queued.get(key) ?? []), event]);
  }
  async start() {}
  async stop() {}
}

export class PgNotifyBus implements NotificationBus {
  private client: pg.Client | null = null;
  get listening() {
    return this.client !== null;
  }
  constructor(
    private readonly connectionString: string,
    private readonly logger: Logger,
  ) {}

  /** Nothing to do: the insert trigger announces the row (migration Migration20261124171500). */
  async enqueue(_em: PgEntityManager, _event: NotificationEvent) {}

  async start() {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (msg) => {
      try {
        pubSub.publish(NOTIFICATION_ADDED, JSON.parse(msg.payload ?? '{}') as NotificationEvent);
      } catch (err) {
        this.logger.warn({ err }, 'bad notification payload');
      }
    });
    client.on('error', (err) => this.logger.error({ err }, 'notification listener connection failed'));
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    this.client = client;
  }

  async stop() {
    await this.client?.end();
    this.client = null;
  }
}

