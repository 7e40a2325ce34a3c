import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseUrl } from '../support/databases';
import { buildServer, startServerProcess, stopWith, type ServerProcess } from '../support/server-process';

const ADMIN_PASSWORD = 'stop-test-admin-password';
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'angsur-stop-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

// tsc over the whole server: minutes on a busy two-core machine.
beforeAll(() => buildServer(), 600_000);

async function gql<T>(server: ServerProcess, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

const adminToken = async (server: ServerProcess) =>
  (await gql<{ login: { accessToken: string } }>(server, `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: 'admin', password: ADMIN_PASSWORD } })).login
    .accessToken;

async function writeProduct(server: ServerProcess, slug: string) {
  await gql(
    server,
    `mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`,
    { i: { category: 'VPS', name: `VPS ${slug}`, slug, specs: { cpu: '1 vCPU', ramGb: 1, storageGb: 20 }, cashPrice: '1500000' } },
    await adminToken(server),
  );
}

async function productSlugs(server: ServerProcess): Promise<string[]> {
  const data = await gql<{ products: { items: { slug: string }[] } }>(server, `{ products(perPage: 200) { items { slug } } }`, {}, await adminToken(server));
  return data.products.items.map((p) => p.slug);
}

/** A live graphql-ws subscription; resolves `closed` with the close code the server sent. */
async function openSubscription(server: ServerProcess) {
  const token = await adminToken(server);
  let closed!: (code: number) => void;
  const closedWith = new Promise<number>((r) => (closed = r));
  let connected!: () => void;
  const isConnected = new Promise<void>((r) => (connected = r));
  const client = createClient({
    url: server.url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    // The server closing the socket is what this test expects, not an error to print.
    onNonLazyError: () => {},
    on: { connected: () => connected(), closed: (e) => closed((e as { code: number }).code) },
  });
  client.subscribe({ query: `subscription { notificationAdded { id } }` }, { next: () => {}, error: () => {}, complete: () => {} });
  await isConnected;
  return { closedWith, dispose: () => client.dispose() };
}

/** One server life: start, check what earlier lives wrote, write more, then stop with `signal`. */
async function life(env: Record<string, string>, signal: NodeJS.Signals, expectSlugs: string[], writeSlug: string) {
  const server = await startServerProcess({ ADMIN_PASSWORD, ...env });
  try {
    expect(await productSlugs(server)).toEqual(expect.arrayContaining(expectSlugs));
    const sub = await openSubscription(server);
    await writeProduct(server, writeSlug);
    const stopped = await stopWith(server, signal);
    expect(stopped.hung, stopped.output).toBe(false);
    // Exit 0 means every part closed before the server's own 10 s deadline (it exits 1 otherwise).
    expect({ code: stopped.code, signal: stopped.signal }, stopped.output).toEqual({ code: 0, signal: null });
    expect(stopped.output).toMatch(/"msg":"stopped"/);
    expect(stopped.output).not.toMatch(/deadline passed|could not close/);
    // graphql-ws sockets are told the server is going away rather than cut.
    expect(await sub.closedWith).toBe(1001);
    await sub.dispose();
  } finally {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  }
}

describe('the built server stops cleanly on SIGINT and SIGTERM', () => {
  it('embedded PGlite (jobs on timers, then off): exit 0, data written just before the stop is there next time', async () => {
    const dataDir = tempDir();
    await life({ DATA_DIR: dataDir }, 'SIGINT', [], 'stop-embedded-1');
    await life({ DATA_DIR: dataDir }, 'SIGTERM', ['stop-embedded-1'], 'stop-embedded-2');
    await life({ DATA_DIR: dataDir, JOBS_ENABLED: 'false' }, 'SIGINT', ['stop-embedded-1', 'stop-embedded-2'], 'stop-embedded-3');
    await life({ DATA_DIR: dataDir, JOBS_ENABLED: 'false' }, 'SIGTERM', ['stop-embedded-3'], 'stop-embedded-4');
  }, 400_000);

  it.runIf(!!testDatabaseUrl)('PostgreSQL with pg-boss jobs and without: exit 0, data kept', async () => {
    const db = await createTestDatabase(testDatabaseUrl!);
    try {
      const env = { DATABASE_URL: db.url, DATA_DIR: tempDir(), JWT_SECRET: 'stop-test-jwt-secret-0123456789abcdef0123' };
      await life({ ...env, JOBS_ENABLED: 'true' }, 'SIGINT', [], 'stop-pg-1');
      await life({ ...env, JOBS_ENABLED: 'true' }, 'SIGTERM', ['stop-pg-1'], 'stop-pg-2');
      await life({ ...env, JOBS_ENABLED: 'false' }, 'SIGINT', ['stop-pg-2'], 'stop-pg-3');
      await life({ ...env, JOBS_ENABLED: 'false' }, 'SIGTERM', ['stop-pg-3'], 'stop-pg-4');
    } finally {
      await db.drop();
    }
  }, 400_000);
});
