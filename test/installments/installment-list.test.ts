import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCounter } from '../../server/src/db/orm';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { TravelClock } from '../support/clock';
import { checkoutOrder, confirmSpkForTest } from '../support/orders';

/** The staff list of installments across orders: filters, sorting, the order on each row without N+1. */

const clock = new TravelClock('2026-03-01T02:00:00Z');
const counter = new QueryCounter();
let t: TestApp;
let finance: TestUser;
let a: Awaited<ReturnType<typeof checkoutOrder>>;
let b: Awaited<ReturnType<typeof checkoutOrder>>;
let pending: Awaited<ReturnType<typeof checkoutOrder>>;
let customerB: TestUser;

const LIST = `query($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder, $filter: InstallmentFilter) {
  installments(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
    total page perPage items { id number dueDate amount status orderId order { id number customerName customerPhone status } }
  }
}`;
type Row = { id: string; number: number; dueDate: string; amount: string; status: string; orderId: string; order: { id: string; number: string; customerName: string; customerPhone: string; status: string } };
const list = async (variables: Record<string, unknown>) => (await t.ok<{ installments: { total: number; items: Row[] } }>(LIST, variables, finance.token)).installments;

beforeAll(async () => {
  t = await startTestApp({ clock, queryCounter: counter });
  const customerA = await t.createUser('CUSTOMER');
  customerB = await t.createUser('CUSTOMER');
  // Both start on 1 Mar 2026: down payment due 1 Mar, then the 1st of each month.
  a = await checkoutOrder(t, customerA, 'vps-nvme-4', 12);
  b = await checkoutOrder(t, customerB, 'vps-nvme-4', 6);
  pending = await checkoutOrder(t, customerB, 'vps-nvme-4', 12); // SPK not confirmed: never overdue
  await confirmSpkForTest(t, a.id);
  await confirmSpkForTest(t, b.id);
  clock.set('2026-04-15T03:00:00Z'); // 15 Apr: #0 (1 Mar) and #1 (1 Apr) are late on A and B
  finance = await t.createUser('FINANCE');
}, 120_000); // an embedded database starts, migrates and seeds first: slow on a busy machine
afterAll(() => t?.close());

describe('installments list', () => {
  it('filters overdue by the Jakarta date, only on orders that owe money now', async () => {
    const page = await list({ filter: { overdue: true }, perPage: 50 });
    expect(page.total).toBe(4);
    expect(page.items.map((r) => [r.order.number, r.number]).sort()).toEqual([
      [a.number, 0],
      [a.number, 1],
      [b.number, 0],
      [b.number, 1],
    ].sort());
    expect(page.items.every((r) => r.order.id !== pending.id)).toBe(true);
  });

  it('filters by due dates, status, order, customer and ids', async () => {
    const april = await list({ filter: { dueFrom: '2026-04-01', dueTo: '2026-05-01' }, perPage: 50 });
    expect(april.items.map((r) => r.dueDate).sort()).toEqual(['2026-04-01', '2026-04-01', '2026-04-01', '2026-05-01', '2026-05-01', '2026-05-01']);
    const ofB = await list({ filter: { customerId: customerB.id }, perPage: 50 });
    expect(ofB.total).toBe(b.installments.length + pending.installments.length);
    const ofOrder = await list({ filter: { orderId: b.id }, perPage: 50 });
    expect(ofOrder.items.map((r) => r.id).sort()).toEqual(b.installments.map((i) => i.id).sort());
    const byIds = await list({ filter: { ids: [a.installments[2]!.id, b.installments[3]!.id] } });
    expect(byIds.items.map((r) => r.id).sort()).toEqual([a.installments[2]!.id, b.installments[3]!.id].sort());
    // The status column is what was last written: at the SPK's confirmation (1 Mar) the down payment fell
    // due; no billing pass ran since, so nothing is OVERDUE there yet.
    expect((await list({ filter: { status: ['OVERDUE'] } })).total).toBe(0);
    expect((await list({ filter: { status: ['DUE'], orderId: a.id } })).total).toBe(1);
    expect((await list({ filter: { status: ['PENDING'], orderId: a.id } })).total).toBe(a.installments.length - 1);
    const bad = await t.gql(LIST, { filter: { dueFrom: '2026-05-01', dueTo: '2026-04-01' } }, finance.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueTo' });
  });

  it('sorts by due date (default), amount and status, with each row’s order', async () => {
    const byDate = await list({ filter: { orderId: a.id }, perPage: 50 });
    expect(byDate.items.map((r) => r.number)).toEqual(a.installments.map((i) => i.number));
    const byAmount = await list({ filter: { orderId: a.id }, sortField: 'amount', sortOrder: 'DESC', perPage: 1 });
    const largest = a.installments.reduce((m, i) => (BigInt(i.amount) > m ? BigInt(i.amount) : m), 0n);
    expect(byAmount.items[0]!.amount).toBe(String(largest));
    expect(byAmount.items[0]!.order).toEqual({ id: a.id, number: a.number, customerName: expect.stringMatching(/^Test CUSTOMER/), customerPhone: expect.stringMatching(/^\+628/), status: 'AWAITING_DOWN_PAYMENT' });
    expect((await list({ sortField: 'status' })).total).toBe(a.installments.length + b.installments.length + pending.installments.length);
    const bad = await t.gql(LIST, { sortField: 'paidAmount' }, finance.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sortField' });
  });

  it('loads the orders of a page in one query, whatever the page size', async () => {
    const queries = async (perPage: number) => {
      counter.reset();
      await list({ perPage });
      return counter.statements.filter((s) => /from "orders"/i.test(s)).length;
    };
    const small = await queries(2);
    const large = await queries(30);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(1);
  });

  it('is for staff only', async () => {
    const customer = await t.createUser('CUSTOMER');
    const res = await t.gql(LIST, {}, customer.token);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(LIST, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
