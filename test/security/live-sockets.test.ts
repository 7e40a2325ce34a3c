import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../server/src/accounts/user.entity';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { TravelClock } from '../support/clock';
import { checkoutOrder } from '../support/orders';

/** Issue 11 item 7: a graphql-ws socket does not outlive the session it was opened with. */
let t: TestApp;
const clock = new TravelClock(new Date().toISOString());
beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t?.close());

/** A real graphql-ws client subscribed to notificationAdded, recording what arrives and how it closes. */
async function listen(token: string) {
  const client = createClient({
    url: t.url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    // The close is what the test waits for; graphql-ws would print it as an error.
    onNonLazyError: () => {},
  });
  const received: string[] = [];
  let closedWith: number | null = null;
  const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((closedWith = (event as { code: number }).code))));
  const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  client.subscribe<{ notificationAdded: { type: string } }>(
    { query: `subscription { notificationAdded { type } }` },
    { next: (v) => v.data && received.push(v.data.notificationAdded.type), error: () => {}, complete: () => {} },
  );
  await connected;
  // The subscribe message travels after the ack; give the server a moment to register it.
  await new Promise((r) => setTimeout(r, 200));
  return { received, closed, closedCode: () => closedWith, dispose: () => client.dispose() };
}

/** Hands a new order to `staff`, which notifies them (in-app, pushed over graphql-ws). */
async function notifyStaff(staff: TestUser) {
  const customer = await t.createUser('CUSTOMER');
  const order = await checkoutOrder(t, customer);
  await t.ok(`mutation($id: ID!, $to: ID!) { assignOrder(id: $id, assigneeId: $to) { id } }`, { id: order.id, to: staff.id }, await t.adminToken());
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
}

describe('live sockets follow the session', () => {
  it('an open socket receives notifications, and is closed (4401) by logoutEverywhere', async () => {
    const staff = await t.createUser('SUPPORT');
    const live = await listen(staff.token);
    try {
      await notifyStaff(staff);
      // The new order's staff alert (STAFF_CUSTOMER_MOVE) reaches this SUPPORT user too; the handover is what is looked for.
      await until(() => live.received.includes('ORDER_ASSIGNED'));
      expect(live.received).toContain('ORDER_ASSIGNED');

      await t.ok(`mutation { logoutEverywhere }`, {}, staff.token);
      expect(await live.closed).toBe(4401);
      await until(() => t.app.services.liveSockets.countOf(staff.id) === 0);
      expect(t.app.services.liveSockets.countOf(staff.id)).toBe(0);
    } finally {
      await live.dispose();
    }
  });

  it('a session revoked elsewhere (another server process) gets no further event: the socket closes instead', async () => {
    const staff = await t.createUser('SUPPORT');
    const live = await listen(staff.token);
    try {
      // What logoutEverywhere on another process leaves behind: the version bumped, no local recheck.
      await t.app.orm.em.fork().nativeUpdate(User, { id: staff.id }, { tokenVersion: 99 });
      await notifyStaff(staff);
      expect(await live.closed).toBe(4401);
      expect(live.received).toEqual([]);
    } finally {
      await live.dispose();
    }
  });

  it('tabs sharing one execution (issue 14 item 7) are each closed when the session is revoked elsewhere, and get nothing', async () => {
    const staff = await t.createUser('SUPPORT');
    const tabs = [await listen(staff.token), await listen(staff.token), await listen(staff.token)];
    try {
      await t.app.orm.em.fork().nativeUpdate(User, { id: staff.id }, { tokenVersion: 99 });
      await notifyStaff(staff);
      expect(await Promise.all(tabs.map((l) => l.closed))).toEqual([4401, 4401, 4401]);
      expect(tabs.map((l) => l.received)).toEqual([[], [], []]);
    } finally {
      for (const l of tabs) await l.dispose();
    }
  });

  it('when the access token expires the socket closes with 4403 (the client reconnects with a fresh one) and gets nothing', async () => {
    const staff = await t.createUser('SUPPORT');
    const live = await listen(staff.token);
    try {
      clock.set(new Date(clock.now().getTime() + 16 * 60_000).toISOString());
      await notifyStaff(staff);
      expect(await live.closed).toBe(4403);
      expect(live.received).toEqual([]);
    } finally {
      await live.dispose();
    }
    // A normal query still answers after all three.
    expect((await t.gql(`{ products(perPage: 1) { total } }`)).errors).toBeUndefined();
  });
});
