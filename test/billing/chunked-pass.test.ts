import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBillingPass, type BillingPassOptions } from '../../server/src/billing/billing-pass';
import { User } from '../../server/src/accounts/user.entity';
import { InMemoryBus, NOTIFICATION_ADDED, type NotificationEvent } from '../../server/src/notifications/bus';
import { noticeRows, notify, notifyMany, type NoticeInput } from '../../server/src/notifications/notifications.service';
import { pubSub } from '../../server/src/graphql/pubsub';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { TravelClock } from '../support/clock';
import { checkoutOrder, confirmSpkForTest, moneyInvariants, payThroughSandbox } from '../support/orders';

/**
 * The chunked billing pass (issue 14 items 1 and 2): chunks of two orders, each its own transaction.
 * Every test runs its pass on a date of its own; all orders of the file share the database, so counts
 * are taken as differences around the pass and compared with a preview of the same date.
 */
const clock = new TravelClock('2026-01-15T02:00:00Z');
let t: TestApp;
const customers: TestUser[] = [];
const orders: { id: string; number: string; customer: TestUser }[] = [];
let support: TestUser;

const sql = <T = any>(text: string, params: unknown[] = []) => t.app.orm.em.fork().getConnection().execute<T[]>(text, params);
const deps = () => ({ clock, bus: t.app.services.notifications.bus, billing: { ...t.app.services.billing, chunkOrders: 2 }, events: t.app.services.events });
const pass = (date: string, opts: BillingPassOptions = {}) => runBillingPass(t.app.orm.em.fork(), deps(), date, opts);
const preview = (date: string) => runBillingPass(t.app.orm.em.fork(), deps(), date, { dryRun: true });
const noticeCount = async () => (await sql<{ n: number }>(`select count(*)::int as n from notifications`))[0]!.n;
/** Notices sent twice would show up here: one key per reminder the pass may send. */
const duplicates = () =>
  sql(`select type, recipient_id, data->>'orderNumber' as o, data->>'installmentNumber' as i, data->>'daysBefore' as b, count(*)
       from notifications where type in ('INSTALLMENT_REMINDER', 'INSTALLMENT_OVERDUE', 'OVERDUE_ORDER_FOR_STAFF')
       group by 1, 2, 3, 4, 5, data->>'daysLate' having count(*) > 1`);

beforeAll(async () => {
  t = await startTestApp({ clock, env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
  support = await t.createUser('SUPPORT');
  for (let k = 0; k < 3; k++) customers.push(await t.createUser('CUSTOMER'));
  // One customer reads English, one wants no WhatsApp: the notices follow each recipient.
  await sql(`update users set locale = 'en' where id = ?`, [customers[1]!.id]);
  await sql(`update users set notify_by_whats_app = false where id = ?`, [customers[2]!.id]);
  for (let k = 0; k < 7; k++) {
    const customer = customers[k % 3]!;
    const order = await checkoutOrder(t, customer, 'vps-nvme-4', 12);
    await confirmSpkForTest(t, order.id);
    await payThroughSandbox(t, customer, order.id);
    orders.push({ id: order.id, number: order.number, customer });
  }
  await sql(`update orders set assigned_to_id = ? where id = ?`, [support.id, orders[0]!.id]);
}, 240_000);
afterAll(() => t?.close());

describe('the billing pass in chunks', () => {
  it('writes each notice and its outbox rows as rendered for its recipient (one writer): texts in both languages, recipients, channels', async () => {
    clock.set('2026-02-20T02:00:00Z');
    const before = await noticeCount();
    const since = (await sql(`select now() as at`))[0].at;
    const r = await pass('2026-02-20');
    expect(r.reminders).toBeGreaterThanOrEqual(7);
    const mine = orders.map((o) => o.number);
    const rows = await sql<{ id: string; recipient_id: string; type: string; title: string; body: string; link: string; data: Record<string, unknown> }>(
      `select id, recipient_id, type, title, body, link, data from notifications where data->>'orderNumber' = any(?::text[]) and created_at >= ?`,
      [`{${mine.join(',')}}`, since],
    );
    expect(rows.length).toBe((await noticeCount()) - before);

    // Per order on 20 Feb: installment 1 (15 Feb) is 5 days late -> one overdue notice to the customer,
    // the staff notice to the assigned SUPPORT member only (order 0) or to every active staff member.
    const staffIds = (await sql<{ id: string }>(`select id from users where active and role in ('ADMIN', 'SUPPORT')`)).map((u) => u.id);
    for (const o of orders) {
      const of = rows.filter((n) => n.data.orderNumber === o.number);
      expect(of.filter((n) => n.type === 'INSTALLMENT_OVERDUE').map((n) => n.recipient_id)).toEqual([o.customer.id]);
      const staff = of.filter((n) => n.type === 'OVERDUE_ORDER_FOR_STAFF').map((n) => n.recipient_id).sort();
      expect(staff).toEqual(o === orders[0] ? [support.id] : [...staffIds].sort());
      const overdue = of.find((n) => n.type === 'INSTALLMENT_OVERDUE')!;
      expect(overdue.data).toMatchObject({ installmentNumber: 1, dueDate: '2026-02-15', daysLate: 5, amount: '527500', arrearsAmount: '527500', lateFee: '10000' });
    }
    const english = rows.find((n) => n.type === 'INSTALLMENT_OVERDUE' && n.recipient_id === customers[1]!.id)!;
    const indonesian = rows.find((n) => n.type === 'INSTALLMENT_OVERDUE' && n.recipient_id === customers[0]!.id)!;
    expect(english.body).toContain('Rp 527.500');
    expect(english.body).toMatch(/overdue/i);
    expect(indonesian.body).toMatch(/terlambat/);

    // One writer (notify is notifyMany with one notice): every row is exactly the rendering of its notice
    // in the recipient's language, and its outbox rows the channels that recipient wants.
    const money = new Set(['amount', 'arrearsAmount', 'lateFee']);
    for (const n of rows) {
      const deliveries = await sql(`select channel, target, payload from notification_deliveries where notification_id = ? order by channel`, [n.id]);
      const params = Object.fromEntries(Object.entries(n.data).map(([k, v]) => [k, money.has(k) ? BigInt(v as string) : v]));
      const recipient = await t.app.orm.em.fork().findOneOrFail(User, n.recipient_id);
      // The row's type and data come back from the database untyped: the notice is rebuilt as they were stored.
      const expected = noticeRows({ recipient, type: n.type, params, link: n.link } as unknown as NoticeInput);
      const { id: _id, recipientId, ...row } = expected.notification;
      expect({ recipient_id: n.recipient_id, type: n.type, title: n.title, body: n.body, link: n.link, data: n.data }).toEqual({ recipient_id: recipientId, ...row });
      const outbox = expected.deliveries.map((d) => ({ channel: d.channel, target: d.target, payload: d.payload })).sort((x, y) => x.channel.localeCompare(y.channel));
      expect(deliveries).toEqual(outbox);
    }
    // Channels follow the recipient's wishes: no WhatsApp for the customer who turned it off.
    const channels = await sql<{ recipient_id: string; channel: string }>(
      `select distinct n.recipient_id, d.channel from notification_deliveries d join notifications n on n.id = d.notification_id where n.recipient_id = any(?::uuid[])`,
      [`{${customers.map((c) => c.id).join(',')}}`],
    );
    expect(channels.filter((c) => c.recipient_id === customers[2]!.id).map((c) => c.channel)).toEqual(['EMAIL']);
    expect(channels.filter((c) => c.recipient_id === customers[1]!.id).map((c) => c.channel).sort()).toEqual(['EMAIL', 'WHATSAPP']);
  });

  it('two passes at once share one run: every reminder and notice exactly once', async () => {
    clock.set('2026-03-20T02:00:00Z');
    const expected = await preview('2026-03-20');
    expect(expected.reminders).toBeGreaterThan(0);
    const before = await noticeCount();
    const [a, b] = await Promise.all([pass('2026-03-20'), pass('2026-03-20')]);
    expect(a).toEqual(b);
    expect(a).toEqual({ ...expected, dryRun: false });
    expect((await noticeCount()) - before).toBe(expected.reminders + expected.staffNotices);
    expect(await duplicates()).toEqual([]);
    const runs = await sql(`select chunks, finished_at is not null as finished from billing_runs where pass_date = '2026-03-20'`);
    expect(runs).toEqual([{ chunks: Math.ceil(orders.length / 2), finished: true }]);
  });

  it('a pass stopped in the middle of a chunk resumes where the last committed chunk ended', async () => {
    clock.set('2026-04-20T02:00:00Z');
    const expected = await preview('2026-04-20');
    const before = await noticeCount();
    // Stopped inside the third chunk's transaction, as a kill would: that chunk rolls back.
    const stop = new Error('killed');
    await expect(pass('2026-04-20', { afterChunkWrites: ({ index }) => { if (index === 2) throw stop; } })).rejects.toBe(stop);
    const [stopped] = await sql(`select chunks, finished_at from billing_runs where pass_date = '2026-04-20'`);
    expect(stopped).toEqual({ chunks: 2, finished_at: null });
    const partial = (await noticeCount()) - before;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(expected.reminders + expected.staffNotices);

    const resumed = await pass('2026-04-20');
    expect(resumed).toEqual({ ...expected, dryRun: false });
    expect((await noticeCount()) - before).toBe(expected.reminders + expected.staffNotices);
    expect(await duplicates()).toEqual([]);
    expect(await sql(`select chunks, finished_at is not null as finished from billing_runs where pass_date = '2026-04-20'`)).toEqual([{ chunks: Math.ceil(orders.length / 2), finished: true }]);
    // The next pass for the date is a new run that finds nothing left to do.
    expect(await pass('2026-04-20')).toMatchObject({ statusChanges: 0, feesChanged: 0, reminders: 0, staffNotices: 0 });
  });

  it('a payment goes through while the pass holds another chunk, and one on a held order goes through after that chunk', async () => {
    clock.set('2026-05-20T02:00:00Z');
    for (const c of customers) c.token = (await t.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: c.username, password: c.password } })).login.accessToken;
    const byId = new Map(orders.map((o) => [o.id, o]));
    const sorted = [...orders].sort((x, y) => (x.id < y.id ? -1 : 1));
    let during: { held: string; later: string; waited: Promise<void> } | null = null;
    await pass('2026-05-20', {
      afterChunkWrites: async ({ orderIds }, tx) => {
        const held = orderIds.find((id) => byId.has(id));
        const later = sorted.find((o) => o.id > orderIds.at(-1)!);
        if (during || !held || !later) return;
        // A payment on an order of a later chunk is not held up by this one.
        await payThroughSandbox(t, later.customer, later.id);
        // One on an order this chunk holds waits for its lock (seen in pg_stat_activity) until the chunk commits.
        const waited = payThroughSandbox(t, byId.get(held)!.customer, held);
        const mine = (await tx.getConnection().execute(`select pg_backend_pid() as pid`, [], 'all', tx.getTransactionContext()))[0].pid;
        for (;;) {
          const [w] = await sql(`select count(*)::int as n from pg_stat_activity where ? = any(pg_blocking_pids(pid))`, [mine]);
          if (w.n > 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        during = { held, later: later.id, waited };
      },
    });
    expect(during).not.toBeNull();
    await during!.waited;
    for (const id of [during!.held, during!.later]) expect((await moneyInvariants(t, id)).brokenInstallments).toBe(0);
    // Paid before its chunk came, the later order owes nothing due when the pass reaches it. (The held
    // order's payment was quoted before the chunk accrued today's fee, so a fee may stay open there.)
    const open = await sql(`select count(*)::int as n from installments where order_id = ? and due_date <= '2026-05-20' and status <> 'PAID'`, [during!.later]);
    expect(open[0].n).toBe(0);
    // The order paid before its chunk came got no overdue notice from this pass.
    const later = byId.get(during!.later)!;
    const notices = await sql(`select count(*)::int as n from notifications where type = 'INSTALLMENT_OVERDUE' and data->>'orderNumber' = ? and data->>'daysLate' = '5' and data->>'dueDate' = '2026-05-15'`, [later.number]);
    expect(notices[0].n).toBe(0);
  });
});

describe('notices written in one batch', () => {
  it('reach subscribers of the in-memory bus after commit, one event per row, and none after a rollback', async () => {
    const bus = new InMemoryBus();
    const heard: NotificationEvent[] = [];
    const unsubscribe = listen(heard);
    const recipient = await t.app.orm.em.fork().findOneOrFail(User, customers[0]!.id);
    const notice = { recipient, type: 'SPK_CONFIRMED' as const, params: { customerName: 'Budi', spkNumber: 'SPK/2026/05/000001', orderNumber: orders[0]!.number } };
    let ids: string[] = [];
    await t.app.orm.em.fork().transactional(async (tx) => {
      // As in embedded mode, where nothing LISTENs: the insert trigger's NOTIFY is off for this transaction.
      await tx.getConnection().execute(`set local session_replication_role = replica`, [], 'run', tx.getTransactionContext());
      await notifyMany(tx, { bus }, [notice, notice, notice]);
      ids = (await tx.getConnection().execute(`select id from notifications where data->>'spkNumber' = 'SPK/2026/05/000001'`, [], 'all', tx.getTransactionContext())).map((r) => r.id as string);
      expect(heard).toEqual([]); // not before commit
    });
    // The app in this process may publish notifications of its own meanwhile: only these rows count.
    const ours = () => heard.filter((e) => ids.includes(e.notificationId));
    for (let i = 0; i < 100 && ours().length < ids.length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(ours().map((e) => e.notificationId).sort()).toEqual([...ids].sort());
    expect(new Set(ours().map((e) => e.recipientId))).toEqual(new Set([recipient.id]));

    heard.length = 0;
    await expect(
      t.app.orm.em.fork().transactional(async (tx) => {
        await notifyMany(tx, { bus }, [notice]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await new Promise((r) => setTimeout(r, 200));
    expect(heard.filter((e) => e.recipientId === recipient.id)).toEqual([]);
    unsubscribe();
  });
});

/** Collects what pubSub publishes on NOTIFICATION_ADDED in this process. */
function listen(into: NotificationEvent[]) {
  const iterator = pubSub.subscribe(NOTIFICATION_ADDED)[Symbol.asyncIterator]();
  let stopped = false;
  void (async () => {
    while (!stopped) {
      const next = await iterator.next();
      if (next.done) return;
      into.push(next.value as NotificationEvent);
    }
  })();
  return () => {
    stopped = true;
    void iterator.return?.();
  };
}
