import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Order } from '../../server/src/orders/order.entity';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder } from '../support/orders';
import { statementsSent } from '../support/statements';
import { compactDashboardBook } from '../../server/src/reports/dashboard-book';

/**
 * The orders list's page statement is SQL built per shape (orders.service listOrders, db/plain-rows
 * findPlainPageWhere), no longer MikroORM's translation of a filter object. This holds it to that
 * translation: for each filter and each sort field and direction, the same orders in the same order,
 * the same totals, pages past the end included. (The overdue and second-chance filters are held to
 * their rules by test/orders/checkout.test.ts and test/dashboard/day-work.test.ts.)
 */
let t: TestApp;
let staff: TestUser;
let alice: TestUser;
let bob: TestUser;
const ids: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.createUser('SUPPORT');
  alice = await t.createUser('CUSTOMER');
  bob = await t.createUser('CUSTOMER');
  for (const [customer, slug, tenor] of [[alice, 'vps-nvme-4', 12], [alice, 'colocation-1u', 6], [bob, 'vps-nvme-4', 6], [bob, 'vps-nvme-4', 12], [bob, 'colocation-1u', 6]] as const) {
    ids.push((await checkoutOrder(t, customer, slug, tenor)).id);
  }
  const conn = t.app.orm.em.fork().getConnection();
  // Names with the pattern characters a search must take literally, and one created_at shared (ties break on id).
  await conn.execute(`update orders set customer_name = ? where id = ?`, ['50% off_Budi\\', ids[0]]);
  await conn.execute(`update orders set customer_name = 'budi 50 off', assigned_to_id = ? where id = ?`, [staff.id, ids[1]]);
  await conn.execute(`update orders set created_at = (select created_at from orders where id = ?), assigned_to_id = ? where id = ?`, [ids[2], staff.id, ids[3]]);
  await conn.execute(`update orders set status = 'CANCELLED' where id = ?`, [ids[4]]);
});
afterAll(() => t?.close());

interface Filter {
  customerId?: string;
  status?: string[];
  assignedTo?: string;
  unassigned?: boolean;
  ids?: string[];
  q?: string;
}

/** The filter object listOrders gave MikroORM before: the oracle. */
function ormWhere(filter: Filter): FilterQuery<Order> {
  const where: FilterQuery<Order> = {};
  if (filter.customerId) where.customer = filter.customerId;
  if (filter.status?.length) where.status = { $in: filter.status as never };
  if (filter.assignedTo) where.assignedTo = filter.assignedTo;
  if (filter.unassigned) where.assignedTo = null;
  if (filter.ids?.length) where.id = { $in: filter.ids };
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.$or = [{ number: { $ilike: like } }, { customerName: { $ilike: like } }, { customerPhone: { $ilike: like } }, { customerEmail: { $ilike: like } }];
  }
  return where;
}

const SORTS = { createdAt: 'createdAt', number: 'number', status: 'status', totalPrice: 'totalPrice', customerName: 'customerName' };
const LIST = `query($f: OrderFilter, $s: String, $o: SortOrder, $p: Int, $n: Int) { orders(filter: $f, sortField: $s, sortOrder: $o, page: $p, perPage: $n) { total items { id } } }`;

describe('the orders list page statement', () => {
  it('filters, sorts and counts as the ORM did, for every filter, sort field and direction', async () => {
    const filters: Filter[] = [
      {},
      { unassigned: true },
      { assignedTo: staff.id },
      { assignedTo: staff.id, unassigned: true },
      { customerId: bob.id },
      { customerId: bob.id, status: ['CANCELLED', 'AWAITING_SPK'] },
      { status: ['CANCELLED'] },
      { ids: [ids[0]!, ids[3]!] },
      { q: '50%' },
      { q: 'off_' },
      { q: '\\' },
      { q: 'BUDI' },
      { q: 'zzz' },
      { q: 'budi', assignedTo: staff.id, ids: [ids[1]!, ids[2]!] },
    ];
    const em = t.app.orm.em.fork() as EntityManager;
    let compared = 0;
    for (const f of filters) {
      for (const [field, prop] of Object.entries(SORTS)) {
        for (const o of ['ASC', 'DESC'] as const) {
          const orderBy: Record<string, 'asc' | 'desc'> = { [prop]: o === 'ASC' ? 'asc' : 'desc', id: 'asc' };
          const all = await em.find(Order, ormWhere(f), { orderBy });
          const expected = all.map((x) => x.id);
          for (const [page, perPage] of [[1, 50], [2, 2], [9, 2]] as const) {
            const got = (await t.ok(LIST, { f, s: field, o, p: page, n: perPage }, staff.token)).orders;
            expect({ f, field, o, page, ids: got.items.map((x: { id: string }) => x.id), total: got.total }).toEqual({
              f, field, o, page, ids: expected.slice((page - 1) * perPage, page * perPage), total: expected.length,
            });
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(filters.length * 5 * 2 * 3);
  }, 120_000);

  it('keeps myOrders to the caller whatever the filter asks', async () => {
    const mine = async (f: Filter) => (await t.ok(`query($f: OrderFilter) { myOrders(filter: $f, perPage: 50) { total items { id } } }`, { f }, alice.token)).myOrders;
    expect((await mine({ customerId: bob.id })).items.map((x: { id: string }) => x.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect((await mine({ ids: [ids[2]!, ids[3]!] })).total).toBe(0);
    expect((await mine({ q: 'budi' })).total).toBe(2);
  });
});

describe('the orders list total', () => {
  const STATUSES = ['AWAITING_SPK', 'SPK_IN_PROGRESS', 'AWAITING_DOWN_PAYMENT', 'ACTIVE', 'SUSPENDED', 'COMPLETED', 'CANCELLED'];
  const tabs = [undefined, ...STATUSES.map((s) => [s]), ['ACTIVE', 'SUSPENDED'], STATUSES];
  const totals = async () => {
    const got: Record<string, number> = {};
    for (const status of tabs) got[String(status ?? 'all')] = (await t.ok(LIST, { f: status ? { status } : {}, n: 5 }, staff.token)).orders.total;
    return got;
  };
  const counted = async () => {
    const conn = t.app.orm.em.fork().getConnection();
    const got: Record<string, number> = {};
    for (const status of tabs) got[String(status ?? 'all')] = Number((await conn.execute(`select count(*) as n from orders where status in (?)`, [status ?? STATUSES]))[0].n);
    return got;
  };

  it('of the whole book and of a status tab is read from the orders kept per status, not by counting every order', async () => {
    const sent = await statementsSent(() => t.ok(LIST, { f: { status: ['ACTIVE'] }, n: 5 }, staff.token));
    const page = sent.filter((q) => q.includes('from "orders" as e'));
    expect(page.length).toBe(1);
    expect(page[0]).toContain('dashboard_order_statuses');
    expect(page[0]).not.toMatch(/count\(\*\)/);
    // A filter the kept counts do not answer is still counted.
    const searched = await statementsSent(() => t.ok(LIST, { f: { q: 'budi' }, n: 5 }, staff.token));
    expect(searched.find((q) => q.includes('from "orders" as e'))).toMatch(/count\(\*\)/);
  });

  it('equals the count of the orders through checkouts, set-based status changes, compaction and pages past the end', async () => {
    expect(await totals()).toEqual(await counted());
    await checkoutOrder(t, alice, 'vps-nvme-4', 12);
    await checkoutOrder(t, bob, 'colocation-1u', 6);
    const conn = t.app.orm.em.fork().getConnection();
    // One statement moving several orders between statuses (as the billing pass and raw SQL do).
    await conn.execute(`update orders set status = case when status = 'AWAITING_SPK' then 'ACTIVE' else 'SUSPENDED' end where id in (?)`, [[ids[0], ids[1], ids[4]]]);
    expect(await totals()).toEqual(await counted());
    await compactDashboardBook(t.app.orm.em.fork());
    expect(await totals()).toEqual(await counted());
    const past = (await t.ok(LIST, { f: { status: ['ACTIVE', 'SUSPENDED'] }, p: 50, n: 5 }, staff.token)).orders;
    expect(past).toEqual({ total: (await counted())['ACTIVE,SUSPENDED'], items: [] });
    // Back as the other tests found them.
    await conn.execute(`update orders set status = case when id = ? then 'CANCELLED' else 'AWAITING_SPK' end where id in (?)`, [ids[4], [ids[0], ids[1], ids[4]]]);
  });
});

describe('the plain reads’ prepared statements', () => {
  it('survive a migration that changes a table while the server runs (a prepared plan gone stale)', async () => {
    const ask = async () => (await t.ok(`{ orders(perPage: 50) { total items { id summary { remainingCount } } } }`, {}, staff.token)).orders;
    const before = await ask();
    const conn = t.app.orm.em.fork().getConnection();
    await conn.execute(`alter table orders add column stale_plan_probe int`);
    try {
      // Several times: every pool connection that had prepared the statements must recover.
      for (let n = 0; n < 4; n++) expect(await ask()).toEqual(before);
    } finally {
      await conn.execute(`alter table orders drop column stale_plan_probe`);
    }
    expect(await ask()).toEqual(before);
  });
});
