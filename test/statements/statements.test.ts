import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerOf, statementFrom } from '../../server/src/statements/ledger';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { TravelClock } from '../support/clock';
import { checkoutOrder, confirmSpkForTest, moneyInvariants, payThroughSandbox } from '../support/orders';
import { pageTexts } from '../support/pdf-reader';

/**
 * Statements of account and receivables at a date, against the tables: opening + movements = closing
 * for any period, payments in the statement = allocations = what installments show as paid.
 */
const clock = new TravelClock('2026-09-01T03:00:00Z');
/** After the clock travelled past a token's life: the same person signs in again. */
async function relogin(u: TestUser): Promise<TestUser> {
  const login = (await t.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }`, { i: { login: u.username, password: u.password } })).login;
  return { ...u, token: login.accessToken, refreshToken: login.refreshToken };
}
let t: TestApp;
let customer: TestUser;
let other: TestUser;
let orderIds: string[] = [];
beforeAll(async () => {
  t = await startTestApp({ clock });
  customer = await t.createUser('CUSTOMER');
  other = await t.createUser('CUSTOMER');
  const a = await checkoutOrder(t, customer, 'vps-nvme-4', 6);
  const b = await checkoutOrder(t, customer, 'vps-nvme-4', 12);
  orderIds = [a.id, b.id];
  for (const id of orderIds) await confirmSpkForTest(t, id);
  await payThroughSandbox(t, customer, a.id);
  await payThroughSandbox(t, customer, b.id);
  // Two months on, late: the billing pass accrues fees; one payment is then refunded.
  clock.advanceDays(75);
  const admin = await t.adminToken();
  await t.ok(`mutation { runBillingPass { date } }`, {}, admin);
  customer = await relogin(customer);
  await payThroughSandbox(t, customer, a.id);
  await payThroughSandbox(t, customer, b.id, '1000000');
  const finance = await t.createUser('FINANCE');
  const paid = (await t.ok(`query($f: PaymentFilter) { payments(filter: $f, perPage: 50) { items { id status settledAt } } }`, { f: { orderId: b.id } }, finance.token)).payments.items
    .filter((p: { status: string }) => p.status === 'SETTLED').sort((x: { settledAt: string }, y: { settledAt: string }) => y.settledAt.localeCompare(x.settledAt));
  clock.advanceDays(3);
  await t.ok(`mutation($id: ID!) { refundPayment(id: $id, input: { reason: "Salah transfer" }) { status } }`, { id: paid[0].id }, (await t.createUser('FINANCE')).token);
  clock.advanceDays(10);
  customer = await relogin(customer);
  other = await relogin(other);
}, 240_000);
afterAll(() => t?.close());

const sql = <T>(text: string, params: unknown[] = []) => t.app.orm.em.fork().getConnection().execute<T[]>(text, params);

describe('statement of account', () => {
  it('opening + movements = closing for any period, and the ledger agrees with payments, allocations and installments', async () => {
    for (const id of orderIds) expect((await moneyInvariants(t, id)).brokenInstallments).toBe(0);
    const entries = await ledgerOf(t.app.orm.em.fork(), customer.id);
    expect(entries.some((e) => e.kind === 'LATE_FEE')).toBe(true);
    expect(entries.some((e) => e.kind === 'REFUND')).toBe(true);
    const days = entries.map((e) => e.date);
    const first = DateTime.fromISO(days[0]!).minus({ days: 5 });
    const span = Math.ceil(DateTime.fromISO(days.at(-1)!).diff(first, 'days').days) + 10;
    const day = (n: number) => first.plus({ days: n }).toISODate()!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: span }), (x, y, z) => {
        const [p, q, r] = [x, y, z].sort((m, n) => m - n);
        const s = statementFrom(entries, day(p!), day(q!));
        expect(s.opening + s.lines.reduce((acc, l) => acc + l.amount, 0n)).toBe(s.closing);
        expect(s.lines.at(-1)?.balance ?? s.opening).toBe(s.closing);
        // Periods join up: this closing is the next period's opening.
        expect(statementFrom(entries, day(q! + 1), day(r! + 1)).opening).toBe(s.closing);
      }),
      { numRuns: 300 },
    );
    // Against the tables: credits = settled payments = their allocations; refunds = what refunds reversed.
    const [pay] = await sql<{ settled: string; reversed: string }>(
      `select coalesce(sum(p.amount) filter (where p.settled_at is not null), 0)::text as settled,
              coalesce((select sum(a.principal + a.late_fee) from payment_allocations a join payments q on q.id = a.payment_id where q.order_id = any(?::uuid[]) and a.reversed_at is not null), 0)::text as reversed
       from payments p where p.order_id = any(?::uuid[])`, [`{${orderIds.join(',')}}`, `{${orderIds.join(',')}}`]);
    const all = statementFrom(entries, '2000-01-01', '2100-12-31');
    expect(-all.totals.PAYMENT).toBe(BigInt(pay!.settled));
    expect(all.totals.REFUND).toBe(BigInt(pay!.reversed));
    expect(all.opening).toBe(0n);
    // The whole account's balance is what the installments say is billed and not paid.
    const [book] = await sql<{ owed: string }>(
      `select sum(i.amount + i.late_fee - i.paid_amount - i.late_fee_paid)::text as owed from installments i where i.order_id = any(?::uuid[]) and i.status <> 'CANCELLED'`, [`{${orderIds.join(',')}}`]);
    expect(all.closing).toBe(BigInt(book!.owed));
  });

  it('the customer downloads their own as PDF and CSV, in either language; another customer’s is NOT_FOUND; staff get anyone’s', async () => {
    const from = '2026-09-01';
    const to = DateTime.fromJSDate(clock.now()).toISODate()!;
    const get = (path: string, token?: string) => fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const pdf = await get(`/statements/me?from=${from}&to=${to}&format=pdf`, customer.token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pageTexts(new Uint8Array(await pdf.arrayBuffer()))).join('\n');
    expect(text).toContain('Laporan Rekening Pelanggan');
    expect(text).toContain('Saldo awal');
    expect(text).toContain('Saldo akhir');
    expect(text).toMatch(/Rp \d{1,3}(\.\d{3})+/);
    expect(text).toContain('September 2026');
    const s = statementFrom(await ledgerOf(t.app.orm.em.fork(), customer.id), from, to);
    expect(text.replace(/\s+/g, ' ')).toContain(`Rp ${s.closing.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`);

    const en = await get(`/statements/me?from=${from}&to=${to}&format=csv&lang=en`, customer.token);
    expect(en.status).toBe(200);
    const csv = await en.text();
    const rows = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(rows[0]).toBe('Date,Order,kind,ref,Description,Charges,Payments,Balance');
    expect(rows[1]!.split(',').at(-1)).toBe(s.opening.toString());
    expect(rows.at(-1)!.split(',').at(-1)).toBe(s.closing.toString());
    expect(rows).toHaveLength(s.lines.length + 3);
    expect(csv).toContain('Late fee on installment');

    const foreign = await get(`/statements/${customer.id}?format=csv`, other.token);
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe('NOT_FOUND');
    expect((await get(`/statements/${customer.id}`)).status).toBe(401);
    const bad = await get(`/statements/me?from=${to}&to=${from}`, customer.token);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect((await (await get(`/statements/me?from=2026-02-30`, customer.token)).json()).error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });

    const support = await t.createUser('SUPPORT');
    const staff = await get(`/statements/${customer.id}?from=${from}&to=${to}&format=csv&lang=en`, support.token);
    expect(staff.status).toBe(200);
    expect(await staff.text()).toBe(csv);
  });
});

describe('receivables at a date', () => {
  it('is FINANCE’s; at today it is the dashboard’s aging, order by order; earlier dates see the payments made by then', async () => {
    const finance = await t.createUser('FINANCE');
    const get = (q: string, token: string) => fetch(`${t.url}/exports/receivables.csv${q}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await get('', customer.token)).status).toBe(403);
    expect((await (await get('?date=2026-13-01', finance.token)).json()).error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    const parse = (text: string) => text.replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(','));
    const today = (await t.ok(`{ dashboard { today } }`, {}, finance.token)).dashboard.today;
    const rows = parse(await (await get(`?date=${today}`, finance.token)).text());
    expect(rows[0]).toEqual(['date', 'order_number', 'customer_name', 'customer_email', 'order_status', 'current', 'days_1_30', 'days_31_60', 'days_61_90', 'over_90', 'total', 'oldest_overdue_due_date']);
    const aging = (await t.ok(`{ dashboard { aging { bucket amount } } }`, {}, finance.token)).dashboard.aging as { bucket: string; amount: string }[];
    aging.forEach((line, k) => expect(rows.slice(1).reduce((s, r) => s + BigInt(r[5 + k]!), 0n)).toBe(BigInt(line.amount)));
    for (const r of rows.slice(1)) expect(r.slice(5, 10).reduce((s, v) => s + BigInt(v), 0n)).toBe(BigInt(r[10]!));
    const mine = (await sql<{ number: string }>(`select number from orders where id = any(?::uuid[]) order by number`, [`{${orderIds.join(',')}}`])).map((o) => o.number);
    // The day before the first payment, the whole contract of each order was receivable.
    const early = parse(await (await get('?date=2026-08-31', finance.token)).text()).filter((r) => mine.includes(r[1]!));
    const totals = await sql<{ number: string; total: string }>(`select o.number, sum(i.amount)::text as total from orders o join installments i on i.order_id = o.id where o.id = any(?::uuid[]) group by o.number order by o.number`, [`{${orderIds.join(',')}}`]);
    expect(early.map((r) => [r[1], r[10]])).toEqual(totals.map((x) => [x.number, x.total]));
  });
});
