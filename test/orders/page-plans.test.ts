/**
 * Issue 14 item 4: a list page's statement is planned once per connection, not on every request.
 * PostgreSQL keeps a prepared statement's generic plan only where it does not look dearer than planning
 * anew; with the page's LIMIT bound it took the page to be a tenth of the table and planned each
 * execution again (0.7-1.2 ms of its CPU per request, as much as running the statement). The app here
 * has one connection, so every request's statements meet the same plan cache, and the cache is read
 * from PostgreSQL itself (`pg_prepared_statements`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../server/src/db/plain-rows';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder } from '../support/orders';

const SUMMARY = `installmentsCount paidCount remainingCount overdueCount paidAmount outstandingAmount arrearsAmount nextDue { number dueDate amount }`;
// The web app's selections (as bench/api.ts measures them): the customer's orders page, the staff list.
const MY_ORDERS = `query($page: Int!, $perPage: Int!) { myOrders(page: $page, perPage: $perPage, sortField: "createdAt", sortOrder: DESC) { total items {
  id number status summary { ${SUMMARY} } items { id productName } services { id } spk { id status } installments { id number dueDate amount paidAmount }
  payments { id amount allocations { id installmentNumber } } } } }`;
const STAFF_LIST = `query($page: Int!, $perPage: Int!) { orders(page: $page, perPage: $perPage, sortField: "createdAt", sortOrder: DESC) { total items {
  id number customerName lastOverdueNoticeAt assignedTo { id } summary { ${SUMMARY} } } } }`;

let t: TestApp;
let staff: TestUser;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  t = await startTestApp({ env: { DATABASE_POOL_MAX: '1' } });
  staff = await t.createUser('SUPPORT');
  alice = await t.createUser('CUSTOMER');
  bob = await t.createUser('CUSTOMER');
  for (const customer of [alice, alice, alice, bob, bob]) await checkoutOrder(t, customer, 'vps-nvme-4', 12);
  await growBook(bob, COPIES);
}, 120_000);

// A book of a provider's shape, which is what PostgreSQL's estimates go by: bob's two orders copied
// onto 600 customers (1,200 more orders, their items and schedules), statistics taken.
const COPIES = 600;
const BOOK = 5 + 2 * COPIES;

async function growBook(from: TestUser, copies: number) {
  const conn = t.app.orm.em.fork().getConnection();
  await conn.execute(`insert into users (id, created_at, updated_at, username, email, password_hash, role, full_name, phone)
    select md5('plans-' || g)::uuid, now(), now(), 'plans' || g, 'plans' || g || '@example.co.id', 'x', 'CUSTOMER', 'Pelanggan ' || g, '+62813' || lpad(g::text, 7, '0')
    from generate_series(1, ${copies}) g`);
  const theirs = `(select id from orders where customer_id = '${from.id}')`;
  const copy = async (table: string, where: string, replace: Record<string, string>) => {
    const columns = (await conn.execute<{ name: string }[]>(`select column_name as name from information_schema.columns where table_schema = 'public' and table_name = ? order by ordinal_position`, [table])).map((c) => c.name);
    await conn.execute(`insert into ${table} (${columns.join(', ')}) select ${columns.map((c) => replace[c] ?? `t.${c}`).join(', ')} from ${table} t, generate_series(1, ${copies}) g where ${where}`);
  };
  const moved = (column: string) => `md5(t.${column}::text || g)::uuid`;
  await copy('orders', `t.id in ${theirs}`, { id: moved('id'), number: `t.number || '-' || g`, customer_id: `md5('plans-' || g)::uuid` });
  await copy('order_items', `t.order_id in ${theirs}`, { id: moved('id'), order_id: moved('order_id') });
  await copy('installments', `t.order_id in ${theirs}`, { id: moved('id'), order_id: moved('order_id') });
  await conn.execute('analyze');
}
afterAll(() => t?.close());

interface PlanCount {
  statement: string;
  generic_plans: string;
  custom_plans: string;
}

/** What `run` added to the plan cache's counts of the page statements on `table`, on the app's one connection. */
async function pagePlans(table: string, run: () => Promise<unknown>) {
  const before = new Map((await plans()).map((p) => [p.statement, p]));
  await run();
  return (await plans())
    .filter((p) => p.statement.includes(`from "${table}" as e`) && p.statement.includes(' limit '))
    .map((p) => ({ generic: Number(p.generic_plans) - Number(before.get(p.statement)?.generic_plans ?? 0), custom: Number(p.custom_plans) - Number(before.get(p.statement)?.custom_plans ?? 0) }))
    .filter((p) => p.generic + p.custom > 0);
}

function plans() {
  return selectRows<PlanCount>(t.app.orm.em.fork(), `select statement, generic_plans::text, custom_plans::text from pg_prepared_statements`, []);
}

describe('list page statements', () => {
  it('keep one generic plan per connection for the pages the web app asks for', async () => {
    for (const [query, token, field] of [[STAFF_LIST, staff.token, 'orders'], [MY_ORDERS, alice.token, 'myOrders']] as const) {
      for (const perPage of [10, 25, 50]) {
        const run = async () => {
          for (let n = 0; n < 12; n++) {
            const page = (await t.ok(query, { page: 1, perPage }, token))[field];
            expect(page.total).toBe(field === 'orders' ? BOOK : 3);
          }
        };
        // PostgreSQL plans a statement's first five executions for their values, then compares; from then
        // on the cached generic plan serves (6th-12th): none planned anew.
        expect({ perPage, field, plans: await pagePlans('orders', run) }).toEqual({ perPage, field, plans: [{ generic: 7, custom: 5 }] });
      }
    }
  });

  it('answer a page size outside the literal ones and later pages as bound values, the same rows as the first pages', async () => {
    const first = (await t.ok(STAFF_LIST, { page: 1, perPage: 10 }, staff.token)).orders.items.map((o: { id: string }) => o.id).slice(0, 6);
    const odd = (await t.ok(STAFF_LIST, { page: 1, perPage: 3 }, staff.token)).orders;
    const second = (await t.ok(STAFF_LIST, { page: 2, perPage: 3 }, staff.token)).orders;
    expect([odd.total, second.total]).toEqual([BOOK, BOOK]);
    expect([...odd.items, ...second.items].map((o: { id: string }) => o.id)).toEqual(first);
    const past = (await t.ok(STAFF_LIST, { page: 100, perPage: 25 }, staff.token)).orders;
    expect([past.total, past.items]).toEqual([BOOK, []]);
    const bobs = (await t.ok(MY_ORDERS, { page: 2, perPage: 1 }, bob.token)).myOrders;
    expect([bobs.total, bobs.items.length]).toEqual([2, 1]);
  });
});
