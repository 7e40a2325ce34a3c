/**
 * Benchmark: the billing pass against hand-written set-based SQL doing the same writes (statuses, late
 * fees, reminder rows, in-app notices and their email/WhatsApp outbox rows), on the same data, in the
 * same run, with the default reminder settings (REMINDER_DAYS_BEFORE 7,3,1, REMINDER_DAYS_AFTER 1,3,7,
 * staff told of each newly overdue installment).
 *
 *   npm run bench:billing                              # 200 000 orders, 1 000 000 installments
 *   BENCH_ORDERS=1000,2000,4000 npm run bench:billing  # several sizes: how the time grows per doubling
 *
 * Each round alternates which side runs first and starts from the same seeded state, vacuumed and
 * analyzed; after each round both sides must have written the same rows. While each side runs, a
 * probe takes the locks a payment takes on an overdue order (the order, then its installments, as
 * payments.service does; rolled back) one attempt after another, and reports how long they waited.
 *
 * The pass runs in a child process of its own (bench/billing-pass-child.ts): by default a production
 * server process (compiled, `npm start`'s node flags), as production runs the pass, so its peak RSS
 * (getrusage of that process) is the server's with the pass, not the bench's; its time is measured
 * inside the child, around the pass.
 *
 * The same bytes: the baseline formats its texts in SQL and pads them to the lengths the real templates
 * render for each type (measured here from one rendered sample per type), so both sides write about the
 * same bytes; each side's bytes are counted and reported next to the times.
 *
 * Database: BENCH_DATABASE_URL names an empty database you made (used as it is, never dropped); without
 * it a scratch database is made on the local PostgreSQL and dropped at the end. Report (JSON, also in
 * bench/results/billing-pass.json): per size, both sides' times, the ratio of medians and its range,
 * notices per second, bytes written, the pass's peak RSS, the load average, and the payment waits.
 * BENCH_CHUNK_ORDERS fixes the pass's chunk size; BENCH_CHUNK_MS sets the lock time its chunks aim at.
 * BENCH_FIRST=pass starts the first round with the pass; BENCH_ONLY=pass runs the pass alone (no ratio:
 * for how its time grows with the book). BENCH_PASS_PROCESS, BENCH_ALLOC_PROFILE, BENCH_PASS_NODE_FLAGS,
 * BENCH_PASS_DEFAULT_GC, BENCH_LIVE_HEAP, BENCH_PASS_HEAP_MB: see passInChild and billing-pass-child.ts.
 */
import 'reflect-metadata';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { BillingConfig, BillingPassResult } from '../server/src/billing/billing-pass';
import { loadConfig } from '../server/src/config/config';
import { migrate, openOrm } from '../server/src/db/orm';
import { renderNotification } from '../server/src/notifications/channels/templates';
import { assertEmptyBook, BENCH_KEYS, benchDatabase, median, productionNodeFlags, range, round2, writeReport } from './support';

const SIZES = (process.env.BENCH_ORDERS ?? '200000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PASS_ONLY = process.env.BENCH_ONLY === 'pass';
const PER_ORDER = 5; // installments 0..4
const TODAY = '2026-07-10';
const CUSTOMER = '00000000-0000-0000-0000-000000000001';

/** The reminder settings a default installation runs with (from the config's defaults). */
function defaultReminders(): BillingConfig {
  const config = loadConfig({});
  return {
    remindBefore: config.REMINDER_DAYS_BEFORE.split(',').map(Number),
    remindAfter: config.REMINDER_DAYS_AFTER.split(',').map(Number),
    remindStaff: true,
    // The pass's chunk size (orders per transaction); unset: the pass's default.
    ...(process.env.BENCH_CHUNK_ORDERS ? { chunkOrders: Number(process.env.BENCH_CHUNK_ORDERS) } : {}),
    ...(process.env.BENCH_CHUNK_MS ? { chunkMs: Number(process.env.BENCH_CHUNK_MS) } : {}),
  };
}

/**
 * The lengths the real templates render, per notice type, for the bench's customer (Indonesian): the
 * baseline pads its one-line texts to these so that both sides write about the same bytes.
 */
function renderedLengths() {
  const sample = {
    INSTALLMENT_REMINDER: renderNotification('INSTALLMENT_REMINDER', 'id', { customerName: 'Bench', orderNumber: 'ORD-BENCH-100000', installmentNumber: 3, dueDate: '2026-07-13', amount: 517500n, daysBefore: 3 }),
    INSTALLMENT_OVERDUE: renderNotification('INSTALLMENT_OVERDUE', 'id', { customerName: 'Bench', orderNumber: 'ORD-BENCH-100000', installmentNumber: 2, dueDate: '2026-06-01', amount: 517500n, daysLate: 39, arrearsAmount: 1035000n, lateFee: 195000n }),
    OVERDUE_ORDER_FOR_STAFF: renderNotification('OVERDUE_ORDER_FOR_STAFF', 'id', { customerName: 'Bench', orderNumber: 'ORD-BENCH-100000', arrearsAmount: 1035000n, daysLate: 39 }),
  };
  return Object.entries(sample).map(([type, r]) => ({ type, body: r.body.length, text: r.email.text.length, html: r.email.html.length, wa: r.whatsapp.text.length }));
}

/**
 * One customer with `orders` ACTIVE orders (5 installments each, half fixed and half percent late
 * fees, some partly paid), an ADMIN and a SUPPORT member who hear about overdue orders; every tenth
 * order assigned to the SUPPORT member.
 */
async function seed(c: pg.Client, orders: number) {
  await c.query(`insert into users (id, created_at, updated_at, username, email, password_hash, role, full_name, phone) values
                   ('${CUSTOMER}', now(), now(), 'bench', 'bench@example.co.id', 'x', 'CUSTOMER', 'Bench', '+6281234567890'),
                   ('00000000-0000-0000-0000-000000000002', now(), now(), 'benchadmin', 'admin@example.co.id', 'x', 'ADMIN', 'Admin Bench', '+6281234567891'),
                   ('00000000-0000-0000-0000-000000000003', now(), now(), 'benchsupport', 'support@example.co.id', 'x', 'SUPPORT', 'Support Bench', '+6281234567892')`);
  await c.query(`insert into orders (id, created_at, updated_at, number, customer_id, customer_name, customer_phone, customer_email, status, total_price, start_date,
                   late_fee_grace_days, late_fee_type, late_fee_value, late_fee_cap, spk_confirmed_at, assigned_to_id)
                 select md5('o' || g)::uuid, now(), now(), 'ORD-BENCH-' || g, '${CUSTOMER}', 'Bench', '+6281234567890', 'bench@example.co.id',
                        'ACTIVE', 6910000, date '2026-01-01' + (g % 120), 3,
                        case when g % 2 = 0 then 'FIXED_PER_DAY' else 'PERCENT_PER_DAY' end,
                        case when g % 2 = 0 then 5000 else 10 end, case when g % 3 = 0 then null else 250000 end, now(),
                        case when g % 10 = 0 then '00000000-0000-0000-0000-000000000003'::uuid end
                 from generate_series(1, $1) g`, [orders]);
  await c.query(`insert into installments (id, created_at, updated_at, order_id, number, due_date, amount, principal, margin, fees, status, paid_amount)
                 select md5('i' || g || '-' || n)::uuid, now(), now(), md5('o' || g)::uuid, n,
                        (date '2026-01-01' + (g % 120)) + (n * interval '1 month'), 517500, 450000, 67500, 0, 'PENDING',
                        case when n = 0 or (g + n) % 4 = 0 then 517500 when (g + n) % 7 = 0 then 200000 else 0 end
                 from generate_series(1, $1) g, generate_series(0, $2 - 1) n`, [orders, PER_ORDER]);
  await c.query(`update installments set status = 'PAID', paid_at = now() where paid_amount = amount`);
  await c.query(`create table bench_installments_seed as select id, status, late_fee from installments`);
}

/** Back to the seeded state: statuses and fees restored, everything the pass writes removed, then vacuumed. */
async function reset(c: pg.Client) {
  await c.query(`update installments i set status = s.status, late_fee = s.late_fee from bench_installments_seed s where s.id = i.id and (i.status <> s.status or i.late_fee <> s.late_fee)`);
  await c.query(`truncate installment_reminders, notification_deliveries, notifications, audit_log`);
  await c.query('vacuum analyze');
}

/** The bytes a round wrote into the notices and the outbox (their texts and JSON as text). */
async function bytes(c: pg.Client) {
  const [n] = (await c.query(`select coalesce(sum(octet_length(title) + octet_length(body) + octet_length(coalesce(link, '')) + octet_length(coalesce(data::text, ''))), 0)::bigint::text as b from notifications`)).rows;
  const [d] = (await c.query(`select coalesce(sum(octet_length(payload::text)), 0)::bigint::text as b from notification_deliveries`)).rows;
  return { noticesMb: round2(Number(n.b) / 2 ** 20), outboxMb: round2(Number(d.b) / 2 ** 20) };
}

/**
 * Compiles the server and the pass's process with tsc into dist/ (the server part is what `npm run
 * build:server` makes for `npm start`), so the pass runs as production's compiled JavaScript: a
 * TypeScript loader in the process (swc-node) alone is ~95 MB of RSS that production does not have.
 */
function compileChild(): string {
  const root = path.join(__dirname, '..');
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(__dirname, 'tsconfig.child.json')], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('tsc could not compile the pass\'s process');
  return path.join(root, 'dist', 'bench', 'billing-pass-child.js');
}

/** `npm start`'s node flags for the pass's process; BENCH_PASS_DEFAULT_GC=1 leaves them out. */
const passNodeFlags = () => (process.env.BENCH_PASS_DEFAULT_GC ? [] : productionNodeFlags());

/** The pass in a child process (bench/billing-pass-child.ts, compiled): its own time and its own peak RSS. */
function passInChild(script: string, url: string, billing: BillingConfig, started: () => void): Promise<{ ms: number; result: BillingPassResult; process: string; rssBeforeMb: number; peakRssMb: number; sampled: Record<string, number>; liveHeap?: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    // BENCH_PASS_HEAP_MB caps the pass's JS heap: a pass whose memory grew with the book would fail there.
    // BENCH_LIVE_HEAP: the child measures the heap the pass keeps alive (full collections: slower, not for timing).
    // BENCH_PASS_NODE_FLAGS: more flags for the pass's node (e.g. --trace-gc), space-separated.
    const flags = [
      ...passNodeFlags(),
      ...(process.env.BENCH_PASS_HEAP_MB ? [`--max-old-space-size=${process.env.BENCH_PASS_HEAP_MB}`] : []),
      ...(process.env.BENCH_LIVE_HEAP ? ['--expose-gc'] : []),
      ...(process.env.BENCH_PASS_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
    ];
    const child = spawn(process.execPath, [...flags, script], {
      // NODE_ENV=production as `npm start` runs under a process manager (graphql's and Apollo's production paths).
      env: { ...process.env, NODE_ENV: 'production', BENCH_CHILD: JSON.stringify({ url, today: TODAY, billing, keys: BENCH_KEYS }) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Line by line: START (the probe counts from here), the report (JSON), anything else (node's own
    // output, e.g. --trace-gc) goes on to stderr.
    let rest = '';
    let report = '';
    child.stdout.on('data', (b: Buffer) => {
      const lines = (rest + b.toString()).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        if (line === 'START') started();
        else if (line.startsWith('{')) report = line;
        else process.stderr.write(`${line}\n`);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && report ? resolve(JSON.parse(report)) : reject(new Error(`the pass's process exited with ${code}`))));
  });
}

/** What a round wrote, to check that both sides did the same work. */
async function written(c: pg.Client) {
  const q = async (sql: string) => (await c.query(sql)).rows;
  return JSON.stringify({
    installments: await q(`select count(*) filter (where status = 'OVERDUE') as overdue, count(*) filter (where status = 'DUE') as due, sum(late_fee)::text as fees from installments`),
    reminders: await q(`select kind, offset_days, count(*) as n from installment_reminders group by 1, 2 order by 1, 2`),
    notices: await q(`select type, recipient_id, count(*) as n from notifications group by 1, 2 order by 1, 2`),
    outbox: await q(`select channel, count(*) as n from notification_deliveries group by 1 order by 1`),
  });
}

const PAYABLE = `('AWAITING_DOWN_PAYMENT', 'ACTIVE', 'SUSPENDED')`;

/**
 * The baseline: the same rules as plain set-based SQL in one transaction. Texts are formatted in SQL
 * (the pass renders its templates in Node) and padded to the rendered texts' lengths; the rows,
 * recipients, channels and amounts are the same.
 */
async function handWritten(c: pg.Client, billing: BillingConfig, lengths: ReturnType<typeof renderedLengths>) {
  const before = [...billing.remindBefore].sort((a, b) => a - b);
  const after = [...billing.remindAfter].sort((a, b) => a - b);
  await c.query('begin');
  // The orders, then their installments by (order, number), locked first, as payments lock them (and as
  // the pass does): without this step the updates below lock in join order and deadlock with a payment.
  await c.query(`select count(*) from (select 1 from orders o where o.status in ${PAYABLE} order by o.id for no key update) locked`);
  await c.query(
    `select count(*) from (select 1 from installments i join orders o on o.id = i.order_id where o.status in ${PAYABLE}
       order by i.order_id, i.number for no key update of i) locked`,
  );
  await c.query(
    `update installments i set status = s.next, updated_at = now()
     from (select i.id, case when i.due_date > $1::date then 'PENDING' when i.due_date = $1::date then 'DUE' else 'OVERDUE' end as next
           from installments i join orders o on o.id = i.order_id where o.status in ${PAYABLE} and i.status in ('PENDING', 'DUE', 'OVERDUE')) s
     where s.id = i.id and i.status <> s.next`,
    [TODAY],
  );
  await c.query(
    `update installments i set late_fee = f.fee, updated_at = now()
     from (select i.id, least(coalesce(o.late_fee_cap, 9223372036854775807),
                  case when o.late_fee_type = 'FIXED_PER_DAY' then o.late_fee_value * ($1::date - i.due_date - o.late_fee_grace_days)
                       else round((i.amount - i.paid_amount)::numeric * o.late_fee_value * ($1::date - i.due_date - o.late_fee_grace_days) / 10000)::bigint end) as fee
           from installments i join orders o on o.id = i.order_id
           where i.status = 'OVERDUE' and o.status in ${PAYABLE} and i.paid_amount < i.amount and $1::date - i.due_date - o.late_fee_grace_days > 0) f
     where f.id = i.id and f.fee > i.late_fee`,
    [TODAY],
  );
  await c.query(
    `create temp table bench_sent (kind text, offset_days int, installment_id uuid, number int, due_date date, open bigint, late_fee bigint,
       order_id uuid, order_number text, customer_name text, customer_id uuid, assigned_to_id uuid, arrears bigint) on commit drop`,
  );
  await c.query(
    `with sent as (
       insert into installment_reminders (id, created_at, updated_at, installment_id, kind, offset_days, sent_on)
       select gen_random_uuid(), now(), now(), r.id, r.kind, r.off, $1::date from (
         select i.id, 'BEFORE' as kind, (select min(x) from unnest($2::int[]) x where x >= i.due_date - $1::date) as off
           from installments i join orders o on o.id = i.order_id
           where o.status in ${PAYABLE} and i.status in ('PENDING', 'DUE') and i.due_date - $1::date between 0 and $3
         union all
         select i.id, 'AFTER', (select max(x) from unnest($4::int[]) x where x <= $1::date - i.due_date)
           from installments i join orders o on o.id = i.order_id
           where o.status in ${PAYABLE} and i.status = 'OVERDUE' and $1::date - i.due_date >= $5
         union all
         select i.id, 'STAFF', 1 from installments i join orders o on o.id = i.order_id
           where $6 and o.status in ${PAYABLE} and i.status = 'OVERDUE' and $1::date - i.due_date >= 1
       ) r where r.off is not null
       on conflict (installment_id, kind, offset_days) do nothing
       returning installment_id, kind, offset_days)
     insert into bench_sent
     select s.kind, s.offset_days, i.id as installment_id, i.number, i.due_date, i.amount - i.paid_amount + i.late_fee - i.late_fee_paid as open, i.late_fee,
            o.id as order_id, o.number as order_number, o.customer_name, o.customer_id, o.assigned_to_id,
            (select coalesce(sum(a.amount - a.paid_amount + a.late_fee - a.late_fee_paid), 0) from installments a
              where a.order_id = o.id and a.status <> 'CANCELLED' and a.due_date < $1::date) as arrears
     from sent s join installments i on i.id = s.installment_id join orders o on o.id = i.order_id`,
    [TODAY, `{${before.join(',')}}`, before.at(-1) ?? 0, `{${after.join(',')}}`, after[0] ?? 1, billing.remindStaff !== false],
  );
  await c.query(
    `with staff as (select id from users where active and role in ('ADMIN', 'SUPPORT')),
     -- One overdue notice per order (about its oldest overdue installment) and one staff notice per order
     -- and staff recipient, as the pass's rule says; upcoming-installment reminders one per row.
     overdue as (
       select distinct on (s.order_id) s.order_id, s.order_number, s.customer_name, s.customer_id, s.arrears, s.kind,
              a.number, a.due_date, a.amount - a.paid_amount + a.late_fee - a.late_fee_paid as open, a.late_fee, $1::date - a.due_date as days_late
       from bench_sent s cross join lateral (
         select * from installments a where a.order_id = s.order_id and a.status <> 'CANCELLED'
           and (a.paid_amount < a.amount or a.late_fee_paid < a.late_fee) and a.due_date < $1::date order by a.number limit 1) a
       where s.kind = 'AFTER' order by s.order_id),
     flagged as (select distinct on (s.order_id) s.* from bench_sent s where s.kind = 'STAFF' order by s.order_id),
     notice as (
       select gen_random_uuid() as id, s.customer_id as recipient_id, 'INSTALLMENT_REMINDER' as type,
              format('Angsuran ke-%s pesanan %s', s.number, s.order_number) as title,
              format('Halo %s, angsuran ke-%s pesanan %s sebesar Rp %s jatuh tempo %s.', s.customer_name, s.number, s.order_number, s.open, s.due_date) as body,
              '/orders/' || s.order_id as link,
              jsonb_build_object('customerName', s.customer_name, 'orderNumber', s.order_number, 'installmentNumber', s.number, 'dueDate', s.due_date,
                                 'amount', s.open::text, 'daysBefore', s.offset_days) as data
       from bench_sent s where s.kind = 'BEFORE'
       union all
       select gen_random_uuid(), s.customer_id, 'INSTALLMENT_OVERDUE',
              format('Angsuran ke-%s pesanan %s terlambat', s.number, s.order_number),
              format('Halo %s, angsuran ke-%s pesanan %s sebesar Rp %s jatuh tempo %s, terlambat %s hari. Tunggakan Rp %s.', s.customer_name, s.number, s.order_number, s.open, s.due_date, s.days_late, s.arrears),
              '/orders/' || s.order_id,
              jsonb_build_object('customerName', s.customer_name, 'orderNumber', s.order_number, 'installmentNumber', s.number, 'dueDate', s.due_date,
                                 'amount', s.open::text, 'daysLate', s.days_late, 'arrearsAmount', s.arrears::text, 'lateFee', s.late_fee::text)
       from overdue s
       union all
       select gen_random_uuid(), st.id, 'OVERDUE_ORDER_FOR_STAFF',
              format('Pesanan %s terlambat', s.order_number),
              format('Pesanan %s (%s) menunggak Rp %s.', s.order_number, s.customer_name, s.arrears),
              '/admin/orders/' || s.order_id,
              jsonb_build_object('customerName', s.customer_name, 'orderNumber', s.order_number, 'arrearsAmount', s.arrears::text)
       from flagged s join staff st on st.id = s.assigned_to_id or s.assigned_to_id is null or s.assigned_to_id not in (select id from staff)
     )
     insert into notifications (id, created_at, updated_at, recipient_id, type, title, body, link, data)
     select n.id, now(), now(), n.recipient_id, n.type, n.title, n.body || repeat(' ', greatest(0, p.body - length(n.body))), n.link, n.data
     from notice n join jsonb_to_recordset($2::jsonb) as p(type text, body int) on p.type = n.type`,
    [TODAY, JSON.stringify(lengths)],
  );
  await c.query(
    `with pad as (select * from jsonb_to_recordset($1::jsonb) as p(type text, text int, html int, wa int)),
     fill as (select n.*, p.text as text_len, p.html as html_len, p.wa as wa_len, rtrim(n.body) as line from notifications n join pad p on p.type = n.type where n.created_at = now())
     insert into notification_deliveries (id, created_at, updated_at, notification_id, channel, target, payload, next_attempt_at)
     select gen_random_uuid(), now(), now(), n.id, 'EMAIL', u.email,
            jsonb_build_object('subject', n.title, 'text', rpad(n.line, n.text_len, ' '), 'html', rpad('<p>' || n.line || '</p>', n.html_len, ' ')), now()
       from fill n join users u on u.id = n.recipient_id where u.notify_by_email and u.email is not null
     union all
     select gen_random_uuid(), now(), now(), n.id, 'WHATSAPP', u.phone,
            jsonb_build_object('template', 'angsur_reminder', 'bodyParams', jsonb_build_array(n.title, n.line), 'text', rpad(n.line, n.wa_len, ' '), 'language', u.locale), now()
       from fill n join users u on u.id = n.recipient_id where u.notify_by_whats_app and u.phone is not null`,
    [JSON.stringify(lengths)],
  );
  await c.query('commit');
}

/**
 * A payment's wait while `work` runs: attempt after attempt, lock a random overdue order and its
 * installments the way a payment does, then roll back (so every round starts equal).
 */
async function withPaymentProbe(url: string, orders: number, work: (started: () => void) => Promise<void>) {
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  const waits: number[] = [];
  // A payment locks an order, then its installments by number; the pass and the SQL lock in the same
  // order, so neither should deadlock with it. Any abort is counted here, by error code.
  const failures: Record<string, number> = {};
  let running = true;
  // Only attempts that begin once the work has started count (the pass's process takes a while to start).
  let recording = false;
  const loop = (async () => {
    while (running) {
      const g = 1 + Math.floor(Math.random() * orders);
      const t0 = performance.now();
      try {
        await probe.query('begin');
        await probe.query(`select id from orders where id = md5('o' || $1::text)::uuid for update`, [g]);
        await probe.query(`select id from installments where order_id = md5('o' || $1::text)::uuid order by number for update`, [g]);
        await probe.query('rollback');
        if (recording) waits.push(performance.now() - t0);
      } catch (err) {
        await probe.query('rollback').catch(() => {});
        const code = (err as { code?: string }).code === '40P01' ? 'deadlock' : ((err as { code?: string }).code ?? 'error');
        failures[code] = (failures[code] ?? 0) + 1;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    await work(() => (recording = true));
  } finally {
    running = false;
    await loop;
    await probe.end();
  }
  const sorted = [...waits].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0);
  return { attempts: waits.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: Math.round(sorted.at(-1) ?? 0), failures };
}

async function timed(fn: () => Promise<unknown>) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function benchSize(script: string, url: string, orders: number, billing: BillingConfig) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`drop table if exists bench_installments_seed`);
    await c.query(`truncate users, orders cascade`);
    const seedMs = await timed(() => seed(c, orders));
    const lengths = renderedLengths();
    const baseline: number[] = [];
    const pass: number[] = [];
    const waits: { pass: unknown[]; baseline: unknown[] } = { pass: [], baseline: [] };
    const written_: { pass: unknown[]; baseline: unknown[] } = { pass: [], baseline: [] };
    const load: number[][] = [];
    let peakRss = 0;
    let rssBefore = 0;
    const memory: unknown[] = [];
    let baselineDeadlocks = 0;
    let lastPass: BillingPassResult | null = null;
    let notices = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const runBaseline = async (): Promise<string> => {
        await reset(c);
        let ms = 0;
        try {
          waits.baseline.push(await withPaymentProbe(url, orders, async (started) => {
            started();
            ms = await timed(() => handWritten(c, billing, lengths));
          }));
        } catch (err) {
          // Should PostgreSQL still abort the SQL in a deadlock with the probe, the round is counted and run again.
          if ((err as { code?: string }).code !== '40P01') throw err;
          await c.query('rollback');
          baselineDeadlocks++;
          return runBaseline();
        }
        baseline.push(ms);
        written_.baseline.push(await bytes(c));
        return written(c);
      };
      const runPass = async () => {
        await reset(c);
        let child: Awaited<ReturnType<typeof passInChild>> | null = null;
        waits.pass.push(await withPaymentProbe(url, orders, async (started) => void (child = await passInChild(script, url, billing, started))));
        const done = child!;
        pass.push(done.ms);
        lastPass = done.result;
        peakRss = Math.max(peakRss, done.peakRssMb);
        rssBefore = Math.max(rssBefore, done.rssBeforeMb);
        memory.push({ sampled: done.sampled, liveHeap: done.liveHeap });
        notices = Number((await c.query(`select count(*) as n from notifications`)).rows[0].n);
        written_.pass.push(await bytes(c));
        return written(c);
      };
      // Alternate: whichever runs second finds warmer caches.
      // BENCH_FIRST=pass: the pass runs first in the first round (a single round can then be the other order).
      // BENCH_ONLY=pass: the pass alone (how its time grows with the book, when the baseline cannot be afforded).
      if (PASS_ONLY) await runPass();
      else {
        const passFirst = (r + (process.env.BENCH_FIRST === 'pass' ? 1 : 0)) % 2 === 1;
        const [first, second] = passFirst ? [await runPass(), await runBaseline()] : [await runBaseline(), await runPass()];
        if (first !== second) throw new Error(`the pass and the baseline wrote different rows:\n${first}\n${second}`);
      }
      load.push(os.loadavg().map(round2));
      console.error(`${orders} orders, round ${r + 1}: baseline ${PASS_ONLY ? '-' : Math.round(baseline.at(-1)!)} ms, pass ${Math.round(pass.at(-1)!)} ms, load ${os.loadavg().map(round2).join(' ')}`);
    }
    const ratios = pass.map((p, i) => p / baseline[i]!);
    return {
      node: process.version,
      orders,
      installments: orders * PER_ORDER,
      notices,
      seedSeconds: round2(seedMs / 1000),
      baselineMs: baseline.map(Math.round),
      billingPassMs: pass.map(Math.round),
      ratio: PASS_ONLY ? null : round2(median(pass) / median(baseline)),
      ratioRange: PASS_ONLY ? null : range(ratios),
      passNoticesPerSecond: Math.round(notices / (median(pass) / 1000)),
      baselineNoticesPerSecond: PASS_ONLY ? null : Math.round(notices / (median(baseline) / 1000)),
      bytesWritten: written_,
      // The pass's own process: its RSS once the ORM is open, and its peak over the whole process.
      // Which process ran the pass: the production server (default) or the ORM alone (BENCH_PASS_PROCESS).
      passProcess: process.env.BENCH_PASS_PROCESS ?? 'server',
      passProcessNodeFlags: passNodeFlags(),
      passProcessPeakRssMb: Math.round(peakRss),
      passProcessRssBeforePassMb: Math.round(rssBefore),
      passProcessMemory: memory,
      loadAverageAfterEachRound: load,
      paymentWait: waits,
      baselineAbortedByDeadlock: baselineDeadlocks,
      lastPass,
    };
  } finally {
    await c.end();
  }
}

async function main() {
  const db = await benchDatabase('billing');
  try {
    await assertEmptyBook(db.url);
    const orm = await openOrm({ clientUrl: db.url, poolMax: 1 });
    await migrate(orm);
    await orm.close();
    const billing = defaultReminders();
    const script = compileChild();
    const sizes: Awaited<ReturnType<typeof benchSize>>[] = [];
    // The report is written again after every size: a long run stopped later still leaves what it measured.
    for (const orders of SIZES) {
      sizes.push(await benchSize(script, db.url, orders, billing));
      const growth = sizes.slice(1).map((s, i) => ({ from: sizes[i]!.orders, to: s.orders, passTime: round2(median(s.billingPassMs) / median(sizes[i]!.billingPassMs)), baselineTime: round2(median(s.baselineMs) / median(sizes[i]!.baselineMs)) }));
      writeReport('billing-pass', {
        date: TODAY,
        measuredAt: new Date().toISOString(),
        reminders: billing,
        database: db.scratch ? 'scratch' : 'BENCH_DATABASE_URL',
        sizes,
        growth,
        targets: { ratio: '<= 1.5 with default reminders', peakRssMb: '< 300', linear: '2x the book <= 2.2x the time', paymentWaitP99Ms: '< 1000' },
      });
    }
  } finally {
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
