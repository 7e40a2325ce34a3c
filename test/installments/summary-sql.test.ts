import type { EntityManager } from '@mikro-orm/postgresql';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstallmentStatus } from '../../server/src/installments/installment-status';
import { summariesOf } from '../../server/src/installments/summary-sql';
import { summarize, type InstallmentLike } from '../../server/src/installments/summary';
import { isPayable, OrderStatus } from '../../server/src/orders/order-status';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder } from '../support/orders';

/**
 * The staff list's summaries come from one SQL statement grouped by order (installments/summary-sql.ts),
 * `summarize` (summary.ts) is the TypeScript form the customer's pages and the notices use. This proves,
 * on random schedules written into the real tables and summarised by the real database, that the two
 * say the same for every order: paid, partly paid, late fees paid or not, cancelled and restructured
 * lines, payable orders or not, and `today` on, before and after the due dates.
 */
let t: TestApp;
let staff: TestUser;
/** Orders with 13 lines each (a 12-month plan and its down payment), and one whose lines are all gone. */
const orders: { id: string; lines: string[] }[] = [];
let empty: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.createUser('SUPPORT');
  const customer = await t.createUser('CUSTOMER');
  for (let n = 0; n < 4; n++) {
    const order = await checkoutOrder(t, customer, 'vps-nvme-4', 12);
    orders.push({ id: order.id, lines: order.installments.sort((a, b) => a.number - b.number).map((i) => i.id) });
  }
  empty = orders.pop()!.id;
  await t.app.orm.em.fork().getConnection().execute(`delete from installments where order_id = ?`, [empty]);
});
afterAll(() => t?.close());

// Seven days around the base: due dates and today often fall on the same day, or one apart.
const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07'];
const line = fc
  .record({
    dueDate: fc.constantFrom(...DAYS),
    amount: fc.bigInt({ min: 100_000n, max: 2_000_000_000n }),
    paidShare: fc.integer({ min: 0, max: 4 }),
    lateFee: fc.bigInt({ min: 0n, max: 20_000_000n }),
    feePaidShare: fc.integer({ min: 0, max: 4 }),
    status: fc.constantFrom(...Object.values(InstallmentStatus)),
  })
  // Shares of 0-4 quarters make "nothing paid", "partly paid" and "fully paid" all common.
  .map((r) => ({ ...r, paidAmount: (r.amount * BigInt(r.paidShare)) / 4n, lateFeePaid: (r.lateFee * BigInt(r.feePaidShare)) / 4n }));
const schedule = fc.record({ status: fc.constantFrom(...Object.values(OrderStatus)), lines: fc.array(line, { minLength: 13, maxLength: 13 }) });

const SUMMARY = `installmentsCount paidCount remainingCount overdueCount paidAmount outstandingAmount arrearsAmount nextDue { number dueDate amount }`;

describe('the orders summary in SQL', () => {
  it('equals summarize() for every order, on random schedules in PostgreSQL', async () => {
    const em = t.app.orm.em.fork() as EntityManager;
    const conn = em.getConnection();
    await fc.assert(
      fc.asyncProperty(fc.array(schedule, { minLength: 3, maxLength: 3 }), fc.constantFrom(...DAYS), async (schedules, today) => {
        const lines: InstallmentLike[][] = schedules.map((s) => s.lines.map((l, number) => ({ ...l, number })));
        const values = orders.flatMap((o, k) => o.lines.map((id, n) => ({ id, ...lines[k]![n]! })));
        await conn.execute(
          `update installments i set due_date = v.due_date, amount = v.amount, paid_amount = v.paid_amount, late_fee = v.late_fee, late_fee_paid = v.late_fee_paid, status = v.status
           from (values ${values.map(() => '(?::uuid, ?::date, ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::text)').join(', ')})
             as v(id, due_date, amount, paid_amount, late_fee, late_fee_paid, status)
           where i.id = v.id`,
          values.flatMap((v) => [v.id, v.dueDate, v.amount.toString(), v.paidAmount.toString(), v.lateFee.toString(), v.lateFeePaid.toString(), v.status]),
        );
        for (const [k, o] of orders.entries()) await conn.execute(`update orders set status = ? where id = ?`, [schedules[k]!.status, o.id]);
        // The empty order rides along: no lines is a summary too.
        const got = await summariesOf(em, [...orders.map((o) => o.id), empty], today);
        const expected = [...schedules.map((s, k) => summarize(lines[k]!, today, { payable: isPayable(s.status) })), summarize([], today)];
        expect(got).toEqual(expected);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  }, 120_000);

  it('serves the staff list from SQL and, when the lines are asked for too, from the lines: the same summaries', async () => {
    const ids = [...orders.map((o) => o.id), empty];
    const list = (more: string) => `query($ids: [ID!]) { orders(filter: { ids: $ids }, perPage: 10) { total items { id summary { ${SUMMARY} } ${more} } } }`;
    const alone = (await t.ok(list(''), { ids }, staff.token)).orders;
    const withLines = (await t.ok(list('installments { id }'), { ids }, staff.token)).orders;
    expect(alone.total).toBe(4);
    expect(alone.items.map((o: { id: string; summary: unknown }) => [o.id, o.summary])).toEqual(withLines.items.map((o: { id: string; summary: unknown }) => [o.id, o.summary]));
    expect(alone.items.find((o: { id: string }) => o.id === empty).summary).toEqual({
      installmentsCount: 0, paidCount: 0, remainingCount: 0, overdueCount: 0, paidAmount: '0', outstandingAmount: '0', arrearsAmount: '0', nextDue: null,
    });
  });
});
