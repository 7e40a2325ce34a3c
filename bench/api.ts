/**
 * Benchmark: the API against its framework's floor. Three read paths of the web app, under autocannon,
 * against Angsur with production's settings and against a bare Apollo server (same @apollo/server,
 * Express integration, schema SDL and query) answering the very same bytes from memory, in the same
 * run, alternating which goes first. The ratios are the result.
 *
 *   npm run bench:api                          # 10 s per measure, 2 rounds
 *   BENCH_SECONDS=5 BENCH_ROUNDS=3 npm run bench:api
 *   BENCH_ONLY=angsur npm run bench:api:profile # Angsur side only, under node --cpu-prof
 *   BENCH_SCENARIOS=myOrders BENCH_DASHBOARD_INSTALLMENTS=0 npm run bench:api:profile # one scenario
 *
 * Database: BENCH_DATABASE_URL (an empty database you made; kept), else a scratch one on the local
 * PostgreSQL (dropped at the end). Report: bench/results/api.json.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { buildSchema, type DocumentNode } from 'graphql';
import pg from 'pg';
import { signSandboxEvent } from '../server/src/payments/gateways';
import { COMPACT_SQL } from '../server/src/reports/dashboard-book';
import { assertEmptyBook, autocannon, benchDatabase, gqlClient, median, postgresCpuMs, postgresCpuSince, range, round2, runInProductionNode, startProductionApp, startSeedingApp, writeReport, type LoadResult } from './support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const ONLY = process.env.BENCH_ONLY as 'angsur' | 'bare' | undefined;
/** Comma-separated scenario names to measure (default: all), e.g. BENCH_SCENARIOS=myOrders for a focused profile. */
const PICKED = process.env.BENCH_SCENARIOS?.split(',').map((s) => s.trim());
const MY_ORDERS = 10;
const BOOK_COPIES = 500; // 10 orders x 500 = 5,000 more orders, 10 for each of 500 more customers: the staff list and dashboard's book
/** The dashboard is measured again on a book grown to this many installments (0: skip). */
const DASHBOARD_INSTALLMENTS = Number(process.env.BENCH_DASHBOARD_INSTALLMENTS ?? 1_000_000);

// The web app's own selections (admin/src/dataProvider/resources.ts): the customer's orders page with
// each order's detail, the staff orders list, and the dashboard page.
const SUMMARY = `installmentsCount paidCount remainingCount overdueCount paidAmount outstandingAmount arrearsAmount nextDue { number dueDate amount }`;
const PAYMENT = `id reference amount method kind status provider createdAt settledAt rejectionReason proofUrl allocations { id installmentNumber principal lateFee reversedAt }`;
const SCENARIOS = {
  myOrders: {
    connections: 50,
    role: 'customer',
    query: `query MyOrders { myOrders(perPage: 10, sortField: "createdAt", sortOrder: DESC) { total items {
      id number status totalPrice startDate createdAt spkNotice summary { ${SUMMARY} } items { id position productName category specs } services { id orderItemId label status }
      spkConfirmedAt graceUntil cancelReason updatedAt allowedActions customerName customerPhone customerEmail
      spk { id number status currentVersion allowedActions revisionComments rejectionReason confirmedAt }
      installments { id number dueDate amount principal margin fees status paidAmount lateFee lateFeePaid paidAt }
      payments { ${PAYMENT} expiresAt } } } }`,
  },
  ordersList: {
    connections: 10,
    role: 'staff',
    query: `query Orders { orders(perPage: 50, sortField: "createdAt", sortOrder: DESC) { total page perPage items {
      id number status customerName customerPhone customerEmail totalPrice startDate createdAt lastOverdueNoticeAt assignedTo { id fullName } summary { ${SUMMARY} } } } }`,
  },
  dashboard: {
    connections: 10,
    role: 'staff',
    query: `query Dashboard { dashboard { today activeOrders overdue { orders installments amount } receivables { amount installments orders }
      collections { month settled settledCount refunded refundedCount net } aging { bucket amount installments }
      upcomingDue(days: 7, limit: 8) { days total amount items { installmentId number dueDate amount orderId orderNumber customerName customerPhone } }
      spksAwaitingStaff(limit: 8) { total items { spkId number status since orderId orderNumber customerName } } } }`,
  },
} as const;
type Scenario = keyof typeof SCENARIOS;

/**
 * BENCH_ALLOC_PROFILE=<prefix>: V8's sampling heap profiler over each Angsur measurement, objects already
 * collected included, written to <prefix>-<scenario>-round<n>.heapprofile (open in Chrome's DevTools):
 * where the garbage comes from, which is a quarter of a request's CPU.
 */
async function startAllocationProfile() {
  const prefix = process.env.BENCH_ALLOC_PROFILE;
  if (!prefix) return null;
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 32 * 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return {
    async stop(label: string) {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      fs.writeFileSync(`${prefix}-${label}.heapprofile`, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

const ADMIN_PASSWORD = 'bench-admin-password';
const CUSTOMER = { username: 'benchcustomer', password: 'bench-customer-password' };

/** A customer with 10 orders made through the API (two units each, SPK confirmed, down payment paid), and 5,000 more orders beside them. */
async function seedBook(databaseUrl: string) {
  const app = await startSeedingApp(databaseUrl, ADMIN_PASSWORD);
  try {
    const api = gqlClient(app.url);
    await api.ok(`mutation($i: RegisterInput!) { register(input: $i) { user { id } } }`, {
      i: { ...CUSTOMER, email: 'bench@example.co.id', fullName: 'Pelanggan Bench', phone: '081234567890' },
    });
    const token = (await api.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: CUSTOMER.username, password: CUSTOMER.password } })).login.accessToken;
    const product = (await api.ok(`{ product(slug: "vps-nvme-4") { id plans { id tenorMonths } } }`)).product;
    const plan = product.plans.find((p: { tenorMonths: number }) => p.tenorMonths === 12);
    const conn = app.orm.em.fork().getConnection();
    for (let n = 0; n < MY_ORDERS; n++) {
      await api.ok(`mutation($i: AddToCartInput!) { addToCart(input: $i) { id } }`, { i: { productId: product.id, planId: plan.id, quantity: 2 } }, token);
      const [order] = (await api.ok(`mutation { checkout { id } }`, {}, token)).checkout;
      // The SPK flow itself is not what is measured: confirm it the way confirmSpk leaves the order.
      await conn.execute(`update orders set status = 'AWAITING_DOWN_PAYMENT', spk_confirmed_at = now() where id = ?`, [order.id]);
      const p = (await api.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { reference amount } }`, { i: { orderId: order.id, method: 'GATEWAY' } }, token)).createPayment;
      const { rawBody, headers } = signSandboxEvent(app.services.sandboxPaymentSecret, { reference: p.reference, providerReference: null, status: 'SETTLED', amount: BigInt(p.amount), eventId: `bench-${p.reference}` });
      const res = await fetch(`${app.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) });
      if (!res.ok) throw new Error(`sandbox webhook: HTTP ${res.status}`);
    }
  } finally {
    await app.close();
  }
  await copyBook(databaseUrl, 1, BOOK_COPIES, true);
}

/**
 * Copies `from`..`to` of the customer's orders (orders, items, installments), copy `g` on book customer
 * `g` (of `BOOK_COPIES`, then round again), by set-based SQL (generate_series). Copies past the first
 * batch have their due dates moved back by up to a year, so a grown book spreads over every aging
 * bucket. Many customers, not one: PostgreSQL's plans go by how many orders a customer has (until
 * 2026-12-05 the whole book was one customer's, 5,000 orders, which no provider's customer has).
 */
async function copyBook(databaseUrl: string, from: number, to: number, first: boolean) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const columns = async (table: string) =>
      (await c.query(`select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`, [table])).rows.map((r) => r.column_name as string);
    const copy = async (table: string, where: string, replace: Record<string, string>) => {
      const cols = await columns(table);
      const select = cols.map((col) => replace[col] ?? `t.${col}`).join(', ');
      await c.query(`insert into ${table} (${cols.join(', ')}) select ${select} from ${table} t, generate_series(${from}, ${to}) g where ${where}`);
    };
    await c.query('begin');
    if (first) {
      await c.query(`insert into users (id, created_at, updated_at, username, email, password_hash, role, full_name, phone)
                     select ${bookCustomer('g')}, now(), now(), 'benchbook' || g, 'book' || g || '@example.co.id', 'x', 'CUSTOMER', 'Buku Bench ' || g, '+62812' || lpad(g::text, 8, '0')
                     from generate_series(1, ${BOOK_COPIES}) g`);
    }
    const mine = `(select o.id from orders o join users u on u.id = o.customer_id where u.username = '${CUSTOMER.username}')`;
    const moved = (col: string) => `md5(t.${col}::text || g)::uuid`;
    await copy('orders', `t.id in ${mine}`, { id: moved('id'), number: `t.number || '-' || g`, customer_id: bookCustomer(`((g - 1) % ${BOOK_COPIES} + 1)`), customer_name: `'Buku Bench ' || ((g - 1) % ${BOOK_COPIES} + 1)` });
    await copy('order_items', `t.order_id in ${mine}`, { id: moved('id'), order_id: moved('order_id') });
    await copy('installments', `t.order_id in ${mine}`, { id: moved('id'), order_id: moved('order_id'), ...(first ? {} : { due_date: `t.due_date - (g % 365)` }) });
    await c.query('commit');
    await c.query('vacuum analyze');
  } finally {
    await c.end();
  }
}

/** The id of book customer `n` (SQL). */
const bookCustomer = (n: string) => `md5('bench-book-customer-' || ${n})::uuid`;

/**
 * What the triggers on installments cost a write, on the grown book: a billing-pass-sized statement
 * (late fees of 1,000 orders' lines: the days path), a payment-like one (the oldest open line of each
 * of those orders paid: the edges path, which re-reads the orders' lines) and new lines for those
 * orders (the book's insert path and the copy of each line's order number), each timed with the
 * triggers and with them off (session_replication_role = replica), alternating, rolled back.
 */
async function triggerCost(c: pg.Client) {
  const orders = `(select id from orders where status in ('AWAITING_DOWN_PAYMENT', 'ACTIVE', 'SUSPENDED') order by id limit 1000)`;
  const statements = {
    fees: `update installments set late_fee = late_fee + 1000 where order_id in ${orders} and status not in ('CANCELLED', 'RESTRUCTURED', 'PAID')`,
    payments: `update installments i set paid_amount = i.amount from (select distinct on (order_id) id from installments where order_id in ${orders}
               and status not in ('CANCELLED', 'RESTRUCTURED') and paid_amount < amount order by order_id, due_date, number) f where f.id = i.id`,
    // New lines for those orders (a schedule each, as checkout and restructuring write them): every
    // column copied whatever the schema holds, numbered past the orders' own lines.
    lines: `insert into installments select r.* from installments i
            cross join lateral jsonb_populate_record(null::installments, to_jsonb(i) || jsonb_build_object('id', gen_random_uuid(), 'number', i.number + 1000)) r
            where i.order_id in ${orders}`,
  };
  const out: Record<string, { rows: number; withMs: number[]; withoutMs: number[]; ratio: { median: number; range: string } }> = {};
  for (const [name, text] of Object.entries(statements)) {
    const runs = { with: [] as number[], without: [] as number[] };
    let rows = 0;
    for (let round = 0; round < 6; round++) {
      const side = (round % 4 < 2 ? ['with', 'without'] : ['without', 'with'])[round % 2] as 'with' | 'without';
      await c.query('begin');
      if (side === 'without') await c.query(`set local session_replication_role = replica`);
      const start = process.hrtime.bigint();
      rows = (await c.query(text)).rowCount ?? 0;
      runs[side].push(Number(process.hrtime.bigint() - start) / 1e6);
      await c.query('rollback');
    }
    const ratios = runs.with.map((w, k) => w / runs.without[k]!);
    out[name] = { rows, withMs: runs.with.map(Math.round), withoutMs: runs.without.map(Math.round), ratio: { median: round2(median(ratios)), range: range(ratios) } };
    console.error(`trigger cost, ${name} (${rows} rows): with ${out[name].withMs.join('/')} ms, without ${out[name].withoutMs.join('/')} ms, load ${os.loadavg().map(round2).join(' ')}`);
  }
  return out;
}

const grownResult = (r: LoadResult) => {
  const answered = r.requestsPerSecond > 0;
  return { rps: Math.round(r.requestsPerSecond), p50Ms: answered ? r.p50Ms : null, p99Ms: answered ? r.p99Ms : null, timeouts: r.timeouts };
};

/** The floor: Apollo with the same schema SDL and query, answering from memory what Angsur answered. */
async function startBare(recorded: Record<Scenario, string>) {
  const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8'));
  const roots = Object.fromEntries(Object.entries(recorded).map(([k, body]) => [SCENARIOS[k as Scenario].query.match(/^query (\w+)/)![1], JSON.parse(body).data]));
  const apollo = new ApolloServer({ schema, introspection: false, plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()], rootValue: (doc: DocumentNode) => roots[(doc.definitions[0] as { name?: { value: string } }).name?.value ?? ''] });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '100kb' }), expressMiddleware(apollo));
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, close: async () => { await apollo.stop(); server.close(); } };
}

async function main() {
  const db = await benchDatabase('api');
  try {
    await assertEmptyBook(db.url);
    await seedBook(db.url);
    const app = await startProductionApp(db.url);
    // Queries sent to PostgreSQL by this process so far (node-postgres's, under MikroORM and knex):
    // a batch of statements sent as one query counts once, as it is one round trip.
    let sent = 0;
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      sent++;
      return query.apply(this, args);
    } as typeof pg.Client.prototype.query;
        const api = gqlClient(app.url);
    const login = async (u: string, p: string) => (await api.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: u, password: p } })).login.accessToken as string;
    const tokens = { customer: await login(CUSTOMER.username, CUSTOMER.password), staff: await login('admin', ADMIN_PASSWORD) };

    const answers: Partial<Record<Scenario, string>> = {};
    for (const [name, s] of Object.entries(SCENARIOS) as [Scenario, (typeof SCENARIOS)[Scenario]][]) {
      const text = await api.raw(s.query, {}, tokens[s.role]);
      answers[name] = text;
      const body = JSON.parse(text);
      if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
    }
    // Every scenario was recorded by the loop above.
    const recorded = answers as Record<Scenario, string>;
    const bare = await startBare(recorded);
    const bareApi = gqlClient(bare.url);
    for (const name of Object.keys(SCENARIOS) as Scenario[]) {
      const same = await bareApi.raw(SCENARIOS[name].query, {}, tokens[SCENARIOS[name].role]);
      if (same !== recorded[name]) throw new Error(`the bare server does not answer ${name} with the same bytes`);
    }

    type Measured = LoadResult & { cpuMsPerRequest: number; postgresCpuMsPerRequest: number | null; roundTripsPerRequest: number };
    const results: Record<Scenario, { angsur: Measured[]; bare: Measured[] }> = { myOrders: { angsur: [], bare: [] }, ordersList: { angsur: [], bare: [] }, dashboard: { angsur: [], bare: [] } };
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of (Object.keys(SCENARIOS) as Scenario[]).filter((n) => !PICKED || PICKED.includes(n))) {
        const s = SCENARIOS[name];
        // Tokens live 15 minutes: a fresh one each round.
        const token = s.role === 'customer' ? await login(CUSTOMER.username, CUSTOMER.password) : await login('admin', ADMIN_PASSWORD);
        const body = JSON.stringify({ query: s.query, variables: {} });
        const sides = (round % 2 ? ['bare', 'angsur'] : ['angsur', 'bare']).filter((side) => !ONLY || side === ONLY) as ('angsur' | 'bare')[];
        for (const side of sides) {
          const url = `${side === 'angsur' ? app.url : bare.url}/graphql`;
          // Both servers run in this process (autocannon in its own): its CPU time over the window, per
          // request answered, is what the side cost Node, whatever PostgreSQL and the machine's load did.
          const alloc = side === 'angsur' ? await startAllocationProfile() : null;
          const sentBefore = sent;
          const cpuBefore = process.cpuUsage();
          const pgBefore = postgresCpuMs();
          const r = await autocannon({ url, connections: s.connections, seconds: SECONDS, body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
          const cpu = process.cpuUsage(cpuBefore);
          const pgUsed = postgresCpuSince(pgBefore);
          const answered = Math.max(1, r.requestsPerSecond * SECONDS);
          // Queries sent in the window, per request: the side's round trips to PostgreSQL (the floor makes none).
          const roundTripsPerRequest = round2((sent - sentBefore) / answered);
          await alloc?.stop(`${name}-round${round + 1}`);
          const cpuMsPerRequest = round2((cpu.user + cpu.system) / 1000 / answered);
          // PostgreSQL's CPU in the window, per request (the floor's is the machine's background).
          const postgresCpuMsPerRequest = pgUsed === null ? null : round2(pgUsed / answered);
          results[name][side].push({ ...r, cpuMsPerRequest, postgresCpuMsPerRequest, roundTripsPerRequest });
          console.error(`round ${round + 1} ${name} ${side}: ${Math.round(r.requestsPerSecond)} req/s, p99 ${r.p99Ms} ms, ${r.timeouts} timeouts, ${cpuMsPerRequest} ms Node CPU, ${postgresCpuMsPerRequest ?? '?'} ms PostgreSQL CPU and ${roundTripsPerRequest} round trips per request`);
        }
      }
    }
    await bare.close();

    // The dashboard page again, on the book grown to DASHBOARD_INSTALLMENTS (issue 14 item 5's target:
    // p99 < 150 ms at 1M installments), against the floor answering its bytes.
    let grown: Record<string, unknown> | null = null;
    if (DASHBOARD_INSTALLMENTS > 0) {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      const countOf = async () => Number((await c.query('select count(*)::int as n from installments')).rows[0].n);
      const perCopy = Number((await c.query(`select count(*)::int as n from installments i join orders o on o.id = i.order_id join users u on u.id = o.customer_id where u.username = $1`, [CUSTOMER.username])).rows[0].n);
      const have = await countOf();
      const seedStart = Date.now();
      if (have < DASHBOARD_INSTALLMENTS) {
        const copies = Math.ceil((DASHBOARD_INSTALLMENTS - have) / perCopy);
        // In batches, so one statement's memory and WAL stay bounded.
        for (let at = BOOK_COPIES + 1; at <= BOOK_COPIES + copies; at += 1000) await copyBook(db.url, at, Math.min(BOOK_COPIES + copies, at + 999), false);
      }
      const installments = await countOf();
      const open = Number((await c.query(`select count(*)::int as n from installments where status not in ('CANCELLED', 'RESTRUCTURED') and (paid_amount < amount or late_fee_paid < late_fee)`)).rows[0].n);
      const grownIn = Math.round((Date.now() - seedStart) / 1000);
      // What the dashboard-book job (every minute; jobs are off here) does with the growth's deltas.
      const compactStart = Date.now();
      for (const q of COMPACT_SQL) await c.query(q);
      const compactMs = Date.now() - compactStart;
      const bookRows = (await c.query(`select (select count(*) from dashboard_book_days)::int as days, (select count(*) from dashboard_book_edges)::int as edges`)).rows[0] as { days: number; edges: number };
      const writes = await triggerCost(c);
      await c.end();
      console.error(`dashboard book: ${installments} installments (${open} open), grown in ${grownIn} s; compacted in ${compactMs} ms to ${bookRows.days} day rows and ${bookRows.edges} edge rows`);
      const s = SCENARIOS.dashboard;
      const token = await login('admin', ADMIN_PASSWORD);
      const answer = await api.raw(s.query, {}, token);
      if (JSON.parse(answer).errors) throw new Error(`dashboard at ${installments}: ${answer}`);
      const bareGrown = await startBare({ ...recorded, dashboard: answer });
      if ((await gqlClient(bareGrown.url).raw(s.query, {}, token)) !== answer) throw new Error('the bare server does not answer the grown dashboard with the same bytes');
      const body = JSON.stringify({ query: s.query, variables: {} });
      const runs: { angsur: LoadResult[]; bare: LoadResult[] } = { angsur: [], bare: [] };
      for (let round = 0; round < ROUNDS; round++) {
        const sides = (round % 2 ? ['bare', 'angsur'] : ['angsur', 'bare']).filter((side) => !ONLY || side === ONLY) as ('angsur' | 'bare')[];
        for (const side of sides) {
          const r = await autocannon({ url: `${side === 'angsur' ? app.url : bareGrown.url}/graphql`, connections: s.connections, seconds: SECONDS, body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
          runs[side].push(r);
          console.error(`round ${round + 1} dashboard at ${installments} ${side}: ${Math.round(r.requestsPerSecond)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, load ${os.loadavg().map(round2).join(' ')}`);
        }
      }
      await bareGrown.close();
      grown = {
        installments,
        openInstallments: open,
        connections: s.connections,
        // No response inside the window leaves autocannon's percentiles at 0: reported as null, not as fast.
        angsur: runs.angsur.map(grownResult),
        bare: runs.bare.map(grownResult),
        target: 'angsur p99 < 150 ms',
        load: os.loadavg().map(round2),
        book: { ...bookRows, compactMs },
        triggerCost: writes,
      };
    }
    // Requests still running when autocannon stopped (a page load longer than the window) keep the pool
    // busy: the report is written all the same.
    await app.close().catch((err: Error) => console.error(`app did not close cleanly: ${err.message}`));

    const report = {
      settings: { NODE_ENV: process.env.NODE_ENV, nodeFlags: process.env.BENCH_PRODUCTION_NODE ?? 'node defaults (BENCH_DEFAULT_GC)', seconds: SECONDS, rounds: ROUNDS, orders: MY_ORDERS * (BOOK_COPIES + 1), database: db.scratch ? 'scratch' : 'BENCH_DATABASE_URL' },
      measures: Object.fromEntries(
        (Object.keys(SCENARIOS) as Scenario[]).map((name) => {
          const { angsur, bare: floor } = results[name];
          const pairs = angsur.map((a, i) => ({ a, b: floor[i] })).filter((p): p is { a: Measured; b: Measured } => !!p.b);
          return [
            name,
            {
              connections: SCENARIOS[name].connections,
              responseBytes: Buffer.byteLength(recorded[name]),
              angsur: angsur.map((r) => ({ rps: Math.round(r.requestsPerSecond), p99Ms: r.p99Ms, timeouts: r.timeouts, cpuMsPerRequest: r.cpuMsPerRequest, postgresCpuMsPerRequest: r.postgresCpuMsPerRequest, roundTripsPerRequest: r.roundTripsPerRequest })),
              bare: floor.map((r) => ({ rps: Math.round(r.requestsPerSecond), p99Ms: r.p99Ms, timeouts: r.timeouts, cpuMsPerRequest: r.cpuMsPerRequest })),
              ...(pairs.length
                ? {
                    throughputShare: { median: round2(median(pairs.map((p) => p.a.requestsPerSecond / p.b.requestsPerSecond))), range: range(pairs.map((p) => p.a.requestsPerSecond / p.b.requestsPerSecond)) },
                    p99Ratio: { median: round2(median(pairs.map((p) => p.a.p99Ms / p.b.p99Ms))), range: range(pairs.map((p) => p.a.p99Ms / p.b.p99Ms)) },
                    // Node CPU per request, Angsur over the floor: less sensitive to the machine's load than throughput.
                    cpuPerRequestRatio: { median: round2(median(pairs.map((p) => p.a.cpuMsPerRequest / p.b.cpuMsPerRequest))), range: range(pairs.map((p) => p.a.cpuMsPerRequest / p.b.cpuMsPerRequest)) },
                  }
                : {}),
            },
          ];
        }),
      ),
      dashboardGrown: grown,
      targets: { myOrders: 'throughputShare >= 0.5, p99Ratio <= 3', ordersList: 'throughputShare >= 0.4' },
    };
    writeReport('api', report);
  } finally {
    await db.drop();
  }
}

runInProductionNode(main);
