/**
 * Benchmark: notification fan-out. 1,000 graphql-ws subscriptions of one user (a customer with the app
 * open in many tabs is the worst case: one event reaches all of them), one notification committed,
 * time from the commit to each delivery; against bare graphql-ws (same graphql-ws and pub/sub, a schema
 * with the same Notification fields, the event also announced through PostgreSQL NOTIFY, and no
 * database read at all), in the same run, alternating which goes first.
 *
 *   npm run bench:fanout                 # 1,000 subscriptions, 5 events per round, 2 rounds
 *   BENCH_SUBSCRIBERS=200 npm run bench:fanout
 *
 * Database: BENCH_DATABASE_URL (an empty database you made; kept), else a scratch one. Report:
 * bench/results/fanout.json.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import pg from 'pg';
import WebSocket, { WebSocketServer } from 'ws';
import { assertEmptyBook, benchDatabase, gqlClient, median, range, round2, runInProductionNode, startProductionApp, startSeedingApp, writeReport } from './support';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SELECTION = `{ id type title body link readAt createdAt }`;
const USER = { username: 'benchfanout', password: 'bench-fanout-password' };

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/**
 * N subscriptions; each delivery is stamped on arrival. Connected 50 at a time (a thousand connects at
 * once overflow the listen backlog; tabs do not open in the same millisecond either). Ready once a
 * warm-up event reached all of them.
 */
async function subscribeAll(wsUrl: string, token: string | null) {
  const clients: Client[] = [];
  /** Per subscription: when each event (by its title) arrived. */
  const arrivals: Map<string, number>[] = [];
  for (let n = 0; n < SUBSCRIBERS; n += 50) {
    const batch: Promise<unknown>[] = [];
    for (let k = n; k < Math.min(SUBSCRIBERS, n + 50); k++) {
      const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0, lazy: false });
      batch.push(new Promise((r) => client.on('connected', r)));
      const mine = new Map<string, number>();
      arrivals.push(mine);
      client.subscribe<{ notificationAdded: { title: string } }>({ query: `subscription { notificationAdded ${SELECTION} }` }, { next: (v) => void (v.data && mine.set(v.data.notificationAdded.title, performance.now())), error: (e) => console.error('subscription error', (e as Error).message ?? e), complete: () => {} });
      clients.push(client);
    }
    await Promise.all(batch);
  }
  return {
    arrivals,
    /** Whether every subscription has the event titled `title`. */
    allHave: (title: string) => arrivals.every((a) => a.has(title)),
    close: () => Promise.all(clients.map(async (c) => c.dispose())),
  };
}

async function until(check: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for deliveries');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Warms up, then fires `EVENTS` events one after another (each once every subscriber has it) and
 * returns every delivery's latency from the moment the commit (or NOTIFY) returned. Events are told
 * apart by their title. The warm-up proves every subscription is live: a subscription still being set
 * up when a warm-up event went out misses it, so warm-up events are sent until one reaches them all
 * (counting arrivals instead hung the run when one subscriber missed the single warm-up event).
 */
async function measure(subs: Awaited<ReturnType<typeof subscribeAll>>, fire: (title: string) => Promise<void>) {
  const warmUntil = Date.now() + 60_000;
  for (let w = 0; ; w++) {
    await fire(`warm-up ${w}`);
    try {
      await until(() => subs.allHave(`warm-up ${w}`), 3_000);
      break;
    } catch (err) {
      if (Date.now() > warmUntil) throw err;
    }
  }
  const latencies: number[] = [];
  for (let e = 1; e <= EVENTS; e++) {
    const title = `event ${e}`;
    const t0 = performance.now();
    await fire(title);
    await until(() => subs.allHave(title), 30_000);
    for (const a of subs.arrivals) latencies.push(a.get(title)! - t0);
  }
  return { p50Ms: round2(percentile(latencies, 50)), p99Ms: round2(percentile(latencies, 99)), deliveries: latencies.length };
}

async function angsurSide(databaseUrl: string) {
  const app = await startProductionApp(databaseUrl);
  const api = gqlClient(app.url);
  const login = await api.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken user { id } } }`, { i: { login: USER.username, password: USER.password } });
  const subs = await subscribeAll(`${app.url.replace(/^http/, 'ws')}/graphql`, login.login.accessToken);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // What notify() writes, committed: the insert trigger announces it, every process hears it.
    return await measure(subs, async (title) => {
      await db.query(
        `insert into notifications (id, created_at, updated_at, recipient_id, type, title, body, link, data)
         values ($1, now(), now(), $2, 'INSTALLMENT_REMINDER', $3, 'Angsuran ke-3 pesanan ORD-2026-000123 sebesar Rp 517.500 jatuh tempo 15 Desember 2026.', '/admin/#/my-orders/x/show', '{"orderNumber":"ORD-2026-000123"}')`,
        [randomUUID(), login.login.user.id, title],
      );
    });
  } finally {
    await db.end();
    await subs.close();
    await app.close();
  }
}

/** The floor: graphql-ws and the same pub/sub, the event over PostgreSQL NOTIFY carrying the whole row. */
async function bareSide(databaseUrl: string) {
  const pubSub = createPubSub<{ N: [Record<string, unknown>] }>();
  const schema = buildSchema(`scalar DateTime
    type Notification { id: ID! type: String! title: String! body: String! link: String readAt: DateTime createdAt: DateTime! }
    type Query { ok: Boolean }
    type Subscription { notificationAdded: Notification! }`);
  const server = http.createServer();
  const wss = new WebSocketServer({ server, path: '/graphql' });
  // The event's payload is the field's value (Angsur's resolver returns the row it read).
  schema.getSubscriptionType()!.getFields().notificationAdded!.resolve = (payload: unknown) => payload;
  const cleanup = useServer({ schema, roots: { subscription: { notificationAdded: () => pubSub.subscribe('N') } } }, wss);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const listener = new pg.Client({ connectionString: databaseUrl });
  await listener.connect();
  listener.on('notification', (m) => pubSub.publish('N', JSON.parse(m.payload!)));
  await listener.query('listen bench_fanout');
  const subs = await subscribeAll(`ws://127.0.0.1:${port}/graphql`, null);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const row = {
      id: randomUUID(),
      type: 'INSTALLMENT_REMINDER',
      title: 'Pengingat angsuran ke-3',
      body: 'Angsuran ke-3 pesanan ORD-2026-000123 sebesar Rp 517.500 jatuh tempo 15 Desember 2026.',
      link: '/admin/#/my-orders/x/show',
      readAt: null,
      createdAt: new Date().toISOString(),
    };
    return await measure(subs, async (title) => {
      await db.query(`select pg_notify('bench_fanout', $1)`, [JSON.stringify({ ...row, title })]);
    });
  } finally {
    await db.end();
    await listener.end();
    await subs.close();
    await cleanup.dispose();
    server.close();
  }
}

async function main() {
  const db = await benchDatabase('fanout');
  try {
    await assertEmptyBook(db.url);
    const seeding = await startSeedingApp(db.url, 'bench-admin-password');
    await gqlClient(seeding.url).ok(`mutation($i: RegisterInput!) { register(input: $i) { user { id } } }`, {
      i: { ...USER, email: 'fanout@example.co.id', fullName: 'Pelanggan Fan-out', phone: '081234567892' },
    });
    await seeding.close();

    const angsur: Awaited<ReturnType<typeof measure>>[] = [];
    const bare: Awaited<ReturnType<typeof measure>>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 ? (['bare', 'angsur'] as const) : (['angsur', 'bare'] as const)) {
        const r = side === 'angsur' ? await angsurSide(db.url) : await bareSide(db.url);
        (side === 'angsur' ? angsur : bare).push(r);
        console.error(`round ${round + 1} ${side}: p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms over ${r.deliveries} deliveries`);
      }
    }
    const ratios = angsur.map((a, i) => a.p99Ms / bare[i]!.p99Ms);
    writeReport('fanout', {
      settings: { NODE_ENV: process.env.NODE_ENV, subscribers: SUBSCRIBERS, eventsPerRound: EVENTS, rounds: ROUNDS },
      angsur,
      bare,
      p99Ratio: { median: round2(median(ratios)), range: range(ratios) },
      target: 'angsur p99 < 200 ms for 1,000 deliveries',
    });
  } finally {
    await db.drop();
  }
}

runInProductionNode(main);
