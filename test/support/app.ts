import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { createApp, type RunningApp } from '../../server/src/app';
import type { Clock } from '../../server/src/common/time';
import { loadConfig } from '../../server/src/config/config';
import type { QueryCounter } from '../../server/src/db/orm';
import { createTestDatabase, requireDatabaseLayer, testDatabaseUrl } from './databases';

export type RoleName = 'CUSTOMER' | 'ADMIN' | 'FINANCE' | 'SUPPORT';

export interface GqlResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  token: string;
  refreshToken: string;
}

export interface TestApp {
  url: string;
  /** The PostgreSQL database this app uses (null when embedded). */
  databaseUrl: string | null;
  app: RunningApp;
  adminPassword: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<GqlResult<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  ok<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  adminToken(): Promise<string>;
  createUser(role: RoleName, overrides?: Partial<{ username: string; password: string; phone: string; email: string }>): Promise<TestUser>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  clock?: Clock;
  queryCounter?: QueryCounter;
  env?: Record<string, string>;
  adminDist?: string;
  /** Force the embedded database even when TEST_DATABASE_URL is set. */
  embedded?: boolean;
  /** Reuse a data folder (embedded restarts). */
  dataDir?: string;
  /** Share another test app's PostgreSQL database (two server processes on one database). */
  databaseUrl?: string;
  /** The app's logger (default: silent), e.g. one writing into a test's own stream. */
  logger?: Logger;
}

let seq = 0;

/** The real server on a fresh database (a template copy on PostgreSQL, or a new PGlite) on a random port. */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const adminPassword = 'admin-test-password';
  requireDatabaseLayer();
  const useReal = !!testDatabaseUrl && !opts.embedded;
  const database = opts.databaseUrl ? { url: opts.databaseUrl, drop: async () => {} } : useReal ? await createTestDatabase(testDatabaseUrl!) : null;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'angsur-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    SEED_DEMO_DATA: 'true',
    ADMIN_PASSWORD: adminPassword,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DB_MIGRATE_ON_START: 'true',
    LOGIN_MAX_PER_IP: '10000',
    JOBS_ENABLED: 'false',
    // Every operation compiled from its first use: the suite runs the path production's repeated
    // operations take (graphql/compiled-execution.ts; its own test covers the uses before).
    GRAPHQL_COMPILE_AFTER: '1',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...opts.env,
  });
  const app = await createApp(config, {
    clock: opts.clock,
    queryCounter: opts.queryCounter,
    logger: opts.logger ?? pino({ level: 'silent' }),
    adminDist: opts.adminDist,
  });

  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  };
  const ok = async <T>(query: string, variables?: Record<string, unknown>, token?: string) => {
    const result = await gql<T>(query, variables, token);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  };

  // Cached, but renewed when a test's clock has travelled far enough for the token to have expired.
  let adminToken: { token: string; at: number } | undefined;
  const getAdminToken = async () => {
    const now = (opts.clock ?? { now: () => new Date() }).now().getTime();
    if (!adminToken || Math.abs(now - adminToken.at) > 5 * 60_000) {
      const token = (
        await ok<{ login: { accessToken: string } }>(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, {
          i: { login: config.ADMIN_USERNAME, password: adminPassword },
        })
      ).login.accessToken;
      adminToken = { token, at: now };
    }
    return adminToken.token;
  };

  const createUser: TestApp['createUser'] = async (role, overrides = {}) => {
    const n = `${process.pid}${++seq}${randomBytes(2).toString('hex')}`;
    const username = overrides.username ?? `${role.toLowerCase()}${n}`.slice(0, 32);
    const password = overrides.password ?? `password-${n}`;
    const base = {
      username,
      email: overrides.email ?? `${username}@example.co.id`,
      password,
      fullName: `Test ${role} ${n}`,
      phone: overrides.phone ?? `0812${String(10_000_000 + ((seq * 7919) % 89_999_999)).slice(0, 8)}`,
    };
    if (role === 'CUSTOMER') {
      await ok(`mutation($i: RegisterInput!) { register(input: $i) { user { id } } }`, { i: base });
    } else {
      await ok(`mutation($i: CreateStaffInput!) { createStaff(input: $i) { id } }`, { i: { ...base, role } }, await getAdminToken());
    }
    const login = await ok<{ login: { accessToken: string; refreshToken: string; user: { id: string } } }>(
      `mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken user { id } } }`,
      { i: { login: username, password } },
    );
    return { id: login.login.user.id, username, password, token: login.login.accessToken, refreshToken: login.login.refreshToken };
  };

  return {
    url: app.url,
    databaseUrl: database?.url ?? null,
    app,
    adminPassword,
    gql,
    ok,
    adminToken: getAdminToken,
    createUser,
    async close() {
      await app.close();
      await database?.drop();
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
