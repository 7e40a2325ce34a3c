/**
 * What the benches share: the database they run on, the app started with production's settings, a
 * GraphQL client, autocannon in its own process, and the arithmetic of a report (ratios and ranges).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { createApp, type RunningApp } from '../server/src/app';
import type { Clock } from '../server/src/common/time';
import { loadConfig } from '../server/src/config/config';

/**
 * The flags `npm start` gives node (package.json's start script): production's garbage collector settings
 * (issue 14: young generation 16 MB per semi-space, old generation collected when it grew by half), so a
 * bench's server runs with what the server runs with.
 */
export function productionNodeFlags(): string[] {
  const start = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  const node = /\bnode((?: --[\w-]+(?:=\S+)?)*) dist\/server\/src\/main\.js/.exec(start);
  if (!node) throw new Error(`package.json's start script does not run node dist/server/src/main.js: ${start}`);
  return node[1]!.split(' ').filter(Boolean);
}

/**
 * Runs this bench again in a node started with `npm start`'s flags (`productionNodeFlags`), unless this
 * process already is that one: a bench whose servers run in its own process (the API's, the fan-out's)
 * measures them under production's garbage collector. BENCH_DEFAULT_GC=1 keeps node's defaults.
 * Resolves with the child's exit code, or null in the child itself (the bench runs here).
 */
function inProductionNode(): Promise<number> | null {
  const flags = productionNodeFlags();
  if (process.env.BENCH_DEFAULT_GC || process.env.BENCH_PRODUCTION_NODE || !flags.length) return null;
  const child = spawn(process.execPath, [...flags, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, BENCH_PRODUCTION_NODE: flags.join(' ') } });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

/** A bench's `main`, run in production's node (`inProductionNode`): exits with its child's code, or 1 on an error. */
export function runInProductionNode(main: () => Promise<void>): void {
  const child = inProductionNode();
  if (child) void child.then((code) => process.exit(code));
  else
    main().catch((err) => {
      console.error(err);
      process.exit(1);
    });
}

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  url: string;
  /** True when the bench made it (and so drops it at the end); a database named by the caller is never dropped. */
  scratch: boolean;
  drop(): Promise<void>;
}

const withDatabase = (base: string, db: string) => Object.assign(new URL(base), { pathname: `/${db}` }).toString();

async function onServer(base: string, sql: string) {
  const c = new pg.Client({ connectionString: withDatabase(base, 'postgres') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * BENCH_DATABASE_URL names the database to use as it is (created by the caller, never dropped here).
 * Without it, a scratch database with this process's id in its name is made on the local PostgreSQL
 * (BENCH_SERVER_URL, default postgres://postgres@127.0.0.1:5432/postgres) and dropped at the end.
 */
export async function benchDatabase(tag: string): Promise<BenchDatabase> {
  const named = process.env.BENCH_DATABASE_URL;
  if (named) return { url: named, scratch: false, drop: async () => {} };
  const server = process.env.BENCH_SERVER_URL ?? DEFAULT_SERVER;
  const name = `angsur_bench_${tag}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await onServer(server, `create database ${name}`);
  return { url: withDatabase(server, name), scratch: true, drop: () => onServer(server, `drop database if exists ${name} with (force)`) };
}

/** Refuses a named database that already holds orders: a bench adds its own book and would count both. */
export async function assertEmptyBook(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const exists = (await c.query(`select to_regclass('public.orders') is not null as e`)).rows[0].e as boolean;
    if (exists && (await c.query('select exists (select 1 from orders) as e')).rows[0].e) {
      throw new Error(`${url.replace(/\/\/[^@]*@/, '//***@')} already holds orders: give BENCH_DATABASE_URL an empty database (or leave it unset for a scratch one)`);
    }
  } finally {
    await c.end();
  }
}

/**
 * One key ring for the whole bench process: the seeding app encrypts personal fields with it and the
 * production app (which requires real keys) reads them back with the same.
 */
export const BENCH_KEYS: Record<string, string> = { DATA_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`, DATA_HASH_KEY: randomBytes(32).toString('base64') };

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'angsur-bench-'));

/**
 * The app the way the development default runs it (sandbox gateway, demo seed): used only to build a
 * book through the API. Measurements run against `startProductionApp`.
 */
export function startSeedingApp(databaseUrl: string, adminPassword: string) {
  return createApp(
    loadConfig({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir(),
      DATABASE_URL: databaseUrl,
      DB_MIGRATE_ON_START: 'true',
      SEED_DEMO_DATA: 'true',
      ADMIN_PASSWORD: adminPassword,
      JOBS_ENABLED: 'false',
      LOGIN_MAX_PER_IP: '10000',
      ...BENCH_KEYS,
    }),
    { logger: pino({ level: 'silent' }) },
  );
}

/**
 * The app with production's settings: NODE_ENV=production (the bench script sets it in the environment
 * before graphql and Apollo load, as `npm start` under a process manager would), the production checks
 * satisfied by values that are never contacted (no read query reaches SMTP, the gateway or e-Meterai),
 * request logging at production's level written to /dev/null. Jobs are off so the pass and the outbox
 * do not run in the middle of a measurement.
 */
export async function startProductionApp(databaseUrl: string, opts: { clock?: Clock; keys?: Record<string, string> } = {}): Promise<RunningApp> {
  if (process.env.NODE_ENV !== 'production') throw new Error('run the bench with NODE_ENV=production (the npm scripts do)');
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir(),
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SMTP_HOST: '127.0.0.1',
    SPK_SIGNING_P12_BASE64: randomBytes(64).toString('base64'),
    STAMP_DUTY_PROVIDER: 'mekari',
    MEKARI_BASE_URL: 'http://127.0.0.1:9',
    MEKARI_CLIENT_ID: 'bench-not-a-real-id',
    MEKARI_CLIENT_SECRET: 'bench-not-a-real-secret',
    PAYMENT_GATEWAY: 'midtrans',
    MIDTRANS_SERVER_KEY: 'bench-not-a-real-key',
    JOBS_ENABLED: 'false',
    LOGIN_MAX_PER_IP: '10000',
    // Production asks staff for a second factor at sign-in; the bench's ADMIN signs in with a password
    // only. Per request the check is the same either way (the token's claims against the account row).
    STAFF_2FA_REQUIRED: 'false',
    // A bench's child process reads what its parent encrypted: it passes the parent's key ring.
    ...(opts.keys ?? BENCH_KEYS),
    ...(process.env.DATABASE_POOL_MAX ? { DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX } : {}),
  });
  return createApp(config, { clock: opts.clock, logger: pino({ level: config.LOG_LEVEL, base: { service: 'angsur' } }, pino.destination('/dev/null')) });
}

export interface GqlClient {
  /** The raw response body, as a client receives it. */
  raw(query: string, variables?: Record<string, unknown>, token?: string): Promise<string>;
  ok<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
}

export function gqlClient(url: string): GqlClient {
  const raw = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.text();
  };
  return {
    raw,
    async ok(query, variables, token) {
      const body = JSON.parse(await raw(query, variables, token));
      if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
  };
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  bytesPerResponse: number;
  /** Requests still unanswered after 30 s (autocannon gives up on them): reported, not hidden. */
  timeouts: number;
}

/**
 * autocannon in a child process, so the load generator does not share the server's event loop.
 * Every answered response must be a 2xx: a benchmark of errors would measure nothing.
 */
export async function autocannon(opts: { url: string; connections: number; seconds: number; body: string; headers: Record<string, string> }): Promise<LoadResult> {
  const bin = require.resolve('autocannon/autocannon.js');
  const args = [bin, '-c', String(opts.connections), '-d', String(opts.seconds), '-t', '30', '-m', 'POST', '-b', opts.body, '-j'];
  for (const [k, v] of Object.entries(opts.headers)) args.push('-H', `${k}=${v}`);
  args.push(opts.url);
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`autocannon exited ${code}: ${stderr}`))));
  });
  const r = JSON.parse(out) as { requests: { average: number; total: number }; latency: { p50: number; p99: number }; throughput: { total: number }; non2xx: number; errors: number; timeouts: number };
  if (r.non2xx || r.errors > r.timeouts) throw new Error(`autocannon saw ${r.non2xx} non-2xx responses and ${r.errors - r.timeouts} connection errors`);
  return { requestsPerSecond: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, bytesPerResponse: Math.round(r.throughput.total / Math.max(1, r.requests.total)), timeouts: r.timeouts };
}

/**
 * CPU milliseconds each local `postgres` process (backends, checkpointer, WAL writer) has used so far,
 * by pid, from /proc; null when PostgreSQL is not on this machine or /proc is not readable. Over a
 * measured window (`postgresCpuSince`) it tells the database's share of a request, which the floor
 * does not pay.
 */
export function postgresCpuMs(): Map<string, number> | null {
  const byPid = new Map<string, number>();
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  for (const pid of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone since the listing
    }
    // "pid (comm) state ...": comm may hold spaces, so split after its closing parenthesis.
    const close = stat.lastIndexOf(')');
    if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
    const fields = stat.slice(close + 2).split(' ');
    // utime + stime (fields 14 and 15 of proc(5)), in USER_HZ ticks: 100 per second on every Linux this runs on.
    byPid.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return byPid.size ? byPid : null;
}

/**
 * PostgreSQL's CPU milliseconds since `before` (a `postgresCpuMs()`): what each process alive now used
 * since then (all of it for one started since). A backend that ended in the window (the pool closing
 * an idle connection) takes its share with it: slightly less, never a negative time.
 */
export function postgresCpuSince(before: Map<string, number> | null): number | null {
  const now = postgresCpuMs();
  if (!before || !now) return null;
  let ms = 0;
  for (const [pid, used] of now) ms += Math.max(0, used - (before.get(pid) ?? 0));
  return ms;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
export const round2 = (x: number) => Math.round(x * 100) / 100;
/** "min-max" of a list of ratios: on a shared machine one number would claim more than was measured. */
export const range = (xs: number[]) => `${round2(Math.min(...xs))}-${round2(Math.max(...xs))}`;

export function writeReport(name: string, report: unknown) {
  const text = JSON.stringify(report, null, 2);
  console.log(text);
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', `${name}.json`), text);
}
