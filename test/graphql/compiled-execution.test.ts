import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { completeCustomer } from '../support/console-steps';
import { checkoutOrder, confirmSpkForTest, payThroughSandbox } from '../support/orders';

// The web app's own selections (admin/src/dataProvider/resources.ts, bench/api.ts): what runs compiled
// all day. Each document is new to this app, so its first answer comes from graphql-js and the next
// ones from the compiled operation (GRAPHQL_COMPILE_AFTER=2, production's default).
const SUMMARY = `installmentsCount paidCount remainingCount overdueCount paidAmount outstandingAmount arrearsAmount nextDue { number dueDate amount }`;
const PAYMENT = `id reference amount method kind status provider createdAt settledAt rejectionReason proofUrl expiresAt allocations { id installmentNumber principal lateFee reversedAt }`;
const ORDER = `id number status totalPrice startDate createdAt spkNotice summary { ${SUMMARY} } items { id position productName category specs } services { id orderItemId label status }
  spkConfirmedAt graceUntil cancelReason updatedAt allowedActions customerName customerPhone customerEmail firstPayment { total }
  spk { id number status currentVersion allowedActions revisionComments rejectionReason confirmedAt }
  installments { id number dueDate amount principal margin fees status paidAmount lateFee lateFeePaid paidAt }
  payments { ${PAYMENT} }`;
const MY_ORDERS = `query CompiledMyOrders($perPage: Int) { myOrders(perPage: $perPage, sortField: "createdAt", sortOrder: DESC) { total items { ${ORDER} } } }`;
const ONE_ORDER = `query CompiledOrder($id: ID!) { order(id: $id) { ${ORDER} customer { id fullName } assignedTo { id fullName } } }`;
const STAFF_LIST = `query CompiledOrders { orders(perPage: 50, sortField: "createdAt", sortOrder: DESC) { total page perPage items {
  id number status customerName customerPhone customerEmail totalPrice startDate createdAt lastOverdueNoticeAt assignedTo { id fullName } summary { ${SUMMARY} } } } }`;
const DASHBOARD = `query CompiledDashboard { dashboard { today activeOrders overdue { orders installments amount } receivables { amount installments orders }
  collections { month settled settledCount refunded refundedCount net } aging { bucket amount installments }
  upcomingDue(days: 7, limit: 8) { days total amount items { installmentId number dueDate amount orderId orderNumber customerName customerPhone } }
  spksAwaitingStaff(limit: 8) { total items { spkId number status since orderId orderNumber customerName } } } }`;

let t: TestApp;
let customer: TestUser;
let orderId: string;

beforeAll(async () => {
  t = await startTestApp({ env: { GRAPHQL_COMPILE_AFTER: '2' } });
  customer = await completeCustomer(t);
  const paid = await checkoutOrder(t, customer);
  await confirmSpkForTest(t, paid.id);
  await payThroughSandbox(t, customer, paid.id);
  await checkoutOrder(t, customer, 'vps-nvme-4', 6, 2);
  orderId = paid.id;
}, 60_000);
afterAll(async () => t?.close());

/** The response's bytes, as the client receives them. */
async function raw(query: string, variables: Record<string, unknown>, token: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.text() };
}

describe('compiled operations answer byte for byte what graphql-js answers (issue 14 item 4)', () => {
  it('the customer’s orders page, one order, the staff list and the dashboard', async () => {
    const staff = await t.adminToken();
    const cases: [string, Record<string, unknown>, string][] = [
      [MY_ORDERS, { perPage: 10 }, customer.token],
      [ONE_ORDER, { id: orderId }, customer.token],
      [STAFF_LIST, {}, staff],
      [DASHBOARD, {}, staff],
    ];
    for (const [query, variables, token] of cases) {
      const interpreted = await raw(query, variables, token);
      expect(interpreted.status).toBe(200);
      expect(JSON.parse(interpreted.body).errors).toBeUndefined();
      // The second and third answers come from the compiled operation.
      expect(await raw(query, variables, token)).toEqual(interpreted);
      expect(await raw(query, variables, token)).toEqual(interpreted);
    }
    // The page is real: two orders, one with its payment allocated to the schedule.
    const mine = JSON.parse((await raw(MY_ORDERS, { perPage: 10 }, customer.token)).body).data.myOrders;
    expect(mine.total).toBe(2);
    expect(mine.items.some((o: { payments: { allocations: unknown[] }[] }) => o.payments.some((p) => p.allocations.length > 0))).toBe(true);
  });

  it('refusals keep their codes and statuses: not found, forbidden, bad variables', async () => {
    const other = await completeCustomer(t);
    const cases: [string, Record<string, unknown>, string, string][] = [
      [ONE_ORDER, { id: randomUUID() }, customer.token, 'NOT_FOUND'],
      [ONE_ORDER, { id: orderId }, other.token, 'NOT_FOUND'],
      [STAFF_LIST, {}, customer.token, 'FORBIDDEN'],
      [MY_ORDERS, { perPage: 'sepuluh' }, customer.token, 'BAD_USER_INPUT'],
    ];
    for (const [query, variables, token, code] of cases) {
      const answers = [await raw(query, variables, token), await raw(query, variables, token), await raw(query, variables, token)];
      expect(JSON.parse(answers[0]!.body).errors[0].extensions.code).toBe(code);
      // Error ids or times would differ between answers; these carry none, so the bytes agree too.
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    }
    // Bad variables are a 400, as graphql-js's refusal is.
    expect((await raw(MY_ORDERS, { perPage: 'sepuluh' }, customer.token)).status).toBe(400);
  });
});
