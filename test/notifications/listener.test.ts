import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTENER_NAME, listenBackoffMs } from '../../server/src/notifications/bus';
import { startTestApp, type TestApp } from '../support/app';
import { testDatabaseUrl } from '../support/databases';
import { urlFor } from '../support/db-names';
import { checkoutOrder } from '../support/orders';

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('LISTEN reconnect backoff', () => {
  it('doubles from 250 ms to a 10 s ceiling, jittered between half and the whole step', () => {
    expect([0, 1, 2, 3, 6, 20].map((n) => listenBackoffMs(n, () => 1))).toEqual([250, 500, 1000, 2000, 10_000, 10_000]);
    expect(listenBackoffMs(2, () => 0)).toBe(500);
  });
});

describe.runIf(!!testDatabaseUrl)('the LISTEN connection is cut', () => {
  let t: TestApp;
  let admin: pg.Client;
  beforeAll(async () => {
    t = await startTestApp();
    admin = new pg.Client({ connectionString: urlFor(t.databaseUrl!, 'postgres') });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  const readyz = async () => (await fetch(`${t.url}/readyz`)).status;
  const assignTo = async (staffId: string) => {
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c);
    await t.ok(`mutation($id: ID!, $to: ID!) { assignOrder(id: $id, assigneeId: $to) { id } }`, { id: order.id, to: staffId }, await t.adminToken());
    return order.id as string;
  };

  it('reconnects with backoff, /readyz says 503 meanwhile, and subscribers are told to refetch', async () => {
    const support = await t.createUser('SUPPORT');
    const client = createClient({ url: t.url.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${support.token}` }, retryAttempts: 0 });
    const added: string[] = [];
    const resyncs: string[] = [];
    const sink = { error: () => {}, complete: () => {} };
    const stopResync = client.subscribe<{ notificationsResync: string }>({ query: `subscription { notificationsResync }` }, { ...sink, next: (v) => v.data && resyncs.push(v.data.notificationsResync) });
    // The link names the order, so each event is told apart from any other still on its way.
    const stopAdded = client.subscribe<{ notificationAdded: { link: string } }>({ query: `subscription { notificationAdded { link } }` }, { ...sink, next: (v) => v.data && added.push(v.data.notificationAdded.link) });
    try {
      // Live before the cut (the subscription may take a moment to register: try again until heard).
      await until(async () => {
        const orderId = await assignTo(support.id);
        await until(() => added.some((l) => l.includes(orderId)), 'the event', 2_000).catch(() => {});
        return added.some((l) => l.includes(orderId));
      }, 'a notification before the cut');
      expect(await readyz()).toBe(200);

      // Keep the listener out while we look: no new connections to this database for now.
      const db = new URL(t.databaseUrl!).pathname.slice(1);
      await admin.query(`alter database ${db} allow_connections false`);
      try {
        const killed = await admin.query(`select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = $1 and datname = $2`, [LISTENER_NAME, db]);
        expect(killed.rows).toEqual([{ ok: true }]);
        await until(() => !t.app.services.notifications.bus.listening, 'the listener to notice');
        expect(await readyz()).toBe(503);
        expect(resyncs).toEqual([]);
      } finally {
        await admin.query(`alter database ${db} allow_connections true`);
      }

      await until(async () => (await readyz()) === 200, '/readyz to recover');
      await until(() => resyncs.length === 1, 'the resync event');
      expect(Number.isNaN(Date.parse(resyncs[0]!))).toBe(false);
      // And live again through the new connection.
      const after = await assignTo(support.id);
      await until(() => added.some((l) => l.includes(after)), 'a notification after the reconnect');
    } finally {
      stopResync();
      stopAdded();
      await client.dispose();
    }
  }, 120_000);
});
