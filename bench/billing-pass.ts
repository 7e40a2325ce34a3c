/**
 * Benchmark: the billing pass against a hand-written set-based SQL doing the same status and fee
 * updates, on the same data, in the same run (issue: target ratio <= 2x, peak RSS < 300 MB).
 *
 *   npm run bench:billing                       # 200 000 orders, 1 000 000 installments
 *   BENCH_ORDERS=20000 npm run bench:billing    # smaller
 *
 * Needs a real PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
 * it creates and drops its own database `angsur_bench`. Prints a JSON report (also written to
 * bench/results/billing-pass.json).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { runBillingPass } from '../server/src/billing/billing-pass';
import { InMemoryBus } from '../server/src/notifications/bus';
import { migrate, openOrm } from '../server/src/db/orm';

const BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ORDERS = Number(process.env.BENCH_ORDERS ?? 200_000);
const PER_ORDER = 5; // installments 0..4
const TODAY = '2026-07-10';
const DB = 'angsur_bench';

const url = (db: string) => Object.assign(new URL(BASE), { pathname: `/${db}` }).toString();

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: url('postgres') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** One customer, 200 000 active orders with the 12-month plan's fee policy, 5 installments each. */
async function seed(c: pg.Client) {
  await c.query(`insert into users (id, created_at, updated_at, username, email, password_hash, role, full_name, phone)
                 values ('00000000-0000-0000-0000-000000000001', now(), now(), 'bench', 'bench@example.co.id', 'x', 'CUSTOMER', 'Bench', '+6281234567890')`);
  await c.query(`insert into orders (id, created_at, updated_at, number, customer_id, customer_name, customer_phone, customer_email, status, total_price, start_date,
                   late_fee_grace_days, late_fee_type, late_fee_value, late_fee_cap, spk_confirmed_at)
                 select md5('o' || g)::uuid, now(), now(), 'ORD-BENCH-' || g, '00000000-0000-0000-0000-000000000001', 'Bench', '+6281234567890', 'bench@example.co.id',
                        'ACTIVE', 6910000, date '2026-01-01' + (g % 120), 3,
                        case when g % 2 = 0 then 'FIXED_PER_DAY' else 'PERCENT_PER_DAY' end,
                        case when g % 2 = 0 then 5000 else 10 end, case when g % 3 = 0 then null else 250000 end, now()
                 from generate_series(1, $1) g`, [ORDERS]);
  await c.query(`insert into installments (id, created_at, updated_at, order_id, number, due_date, amount, principal, margin, fees, status, paid_amount)
                 select md5('i' || g || '-' || n)::uuid, now(), now(), md5('o' || g)::uuid, n,
                        (date '2026-01-01' + (g % 120)) + (n * interval '1 month'), 517500, 450000, 67500, 0, 'PENDING',
                        case when n = 0 or (g + n) % 4 = 0 then 517500 when (g + n) % 7 = 0 then 200000 else 0 end
                 from generate_series(1, $1) g, generate_series(0, $2 - 1) n`, [ORDERS, PER_ORDER]);
  await c.query(`update installments set status = 'PAID', paid_at = now() where paid_amount = amount`);
  await c.query(`create table installments_seed as select id, status, late_fee from installments`);
  await c.query('analyze');
}

const reset = (c: pg.Client) =>
  c.query(`update installments i set status = s.status, late_fee = s.late_fee from installments_seed s where s.id = i.id and (i.status <> s.status or i.late_fee <> s.late_fee)`);

/** The baseline: the same status and fee rules as two plain set-based UPDATEs. */
async function handWritten(c: pg.Client) {
  await c.query('begin');
  await c.query(
    `update installments i set status = case when i.due_date > $1::date then 'PENDING' when i.due_date = $1::date then 'DUE' else 'OVERDUE' end
     from orders o where o.id = i.order_id and o.status in ('AWAITING_DOWN_PAYMENT','ACTIVE','SUSPENDED') and i.status in ('PENDING','DUE','OVERDUE')
       and i.status <> case when i.due_date > $1::date then 'PENDING' when i.due_date = $1::date then 'DUE' else 'OVERDUE' end`,
    [TODAY],
  );
  await c.query(
    `update installments i set late_fee = least(coalesce(o.late_fee_cap, 9223372036854775807),
        case when o.late_fee_type = 'FIXED_PER_DAY' then o.late_fee_value * ($1::date - i.due_date - o.late_fee_grace_days)
             else round((i.amount - i.paid_amount)::numeric * o.late_fee_value * ($1::date - i.due_date - o.late_fee_grace_days) / 10000)::bigint end)
     from orders o where o.id = i.order_id and i.status = 'OVERDUE' and i.paid_amount < i.amount
       and $1::date - i.due_date - o.late_fee_grace_days > 0`,
    [TODAY],
  );
  await c.query('commit');
}

async function timed(fn: () => Promise<unknown>) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main() {
  await admin(`drop database if exists ${DB} with (force)`);
  await admin(`create database ${DB}`);
  const orm = await openOrm({ clientUrl: url(DB), poolMax: 4 });
  const c = new pg.Client({ connectionString: url(DB) });
  await c.connect();
  try {
    await migrate(orm);
    const seedMs = await timed(() => seed(c));
    const clock = { now: () => new Date(`${TODAY}T03:00:00Z`) };
    const deps = { clock, bus: new InMemoryBus(), billing: { remindBefore: [], remindAfter: [], remindStaff: false } };
    const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
    const baseline: number[] = [];
    const pass: number[] = [];
    let peakRss = 0;
    let changes: Record<string, unknown> = {};
    for (let r = 0; r < rounds; r++) {
      await reset(c);
      baseline.push(await timed(() => handWritten(c)));
      const expected = (await c.query(`select count(*) filter (where status = 'OVERDUE') as overdue, sum(late_fee)::text as fees from installments`)).rows[0];
      await reset(c);
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
      pass.push(
        await timed(async () => {
          changes = { ...(await runBillingPass(orm.em.fork(), deps, TODAY)) };
        }),
      );
      clearInterval(sampler);
      peakRss = Math.max(peakRss, peak, process.memoryUsage().rss);
      const got = (await c.query(`select count(*) filter (where status = 'OVERDUE') as overdue, sum(late_fee)::text as fees from installments`)).rows[0];
      if (got.overdue !== expected.overdue || got.fees !== expected.fees) throw new Error(`the pass and the baseline disagree: ${JSON.stringify({ got, expected })}`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const report = {
      node: process.version,
      orders: ORDERS,
      installments: ORDERS * PER_ORDER,
      date: TODAY,
      seedSeconds: +(seedMs / 1000).toFixed(1),
      baselineMs: baseline.map((x) => Math.round(x)),
      billingPassMs: pass.map((x) => Math.round(x)),
      ratio: +(median(pass) / median(baseline)).toFixed(2),
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      lastPass: changes,
      targets: { ratio: '<= 2', peakRssMb: '< 300' },
    };
    console.log(JSON.stringify(report, null, 2));
    fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'results', 'billing-pass.json'), JSON.stringify(report, null, 2));
  } finally {
    await c.end();
    await orm.close();
    await admin(`drop database if exists ${DB} with (force)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
