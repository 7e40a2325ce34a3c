/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of the dashboard page's one statement, on a database a bench left behind
 * (e.g. `bench:api` with BENCH_DATABASE_URL, grown to 1M installments): the statement the page's
 * selection makes (bench/api.ts's dashboard query), run RUNS times, its planning and execution times
 * listed and the last plan printed; then the statement RUNS times without EXPLAIN, timed from the
 * client (what a page load waits for). Reads only.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/angsur_bench_x npm run bench:dashboard:explain
 */
import 'reflect-metadata';
import os from 'node:os';
import { todayJakarta } from '../server/src/common/time';
import { openOrm } from '../server/src/db/orm';
import { dashboardFigures, type DashboardPart } from '../server/src/reports/dashboard';
import { median, round2 } from './support';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/** What the page asks for (bench/api.ts SCENARIOS.dashboard), as the resolver hands it to dashboardFigures. */
const PAGE: DashboardPart[] = [
  { kind: 'activeOrders' },
  { kind: 'receivables' },
  { kind: 'collections' },
  { kind: 'upcomingDue', days: 7, limit: 8 },
  { kind: 'spksAwaitingStaff', limit: 8 },
];
/** BENCH_PARTS=receivables,upcomingDue: only these cards, to see what each costs. */
const PARTS = process.env.BENCH_PARTS ? PAGE.filter((p) => process.env.BENCH_PARTS!.split(',').includes(p.kind)) : PAGE;

class Captured extends Error {
  constructor(readonly text: string, readonly params: unknown[]) {
    super('captured');
  }
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL: the database to explain on');
  const orm = await openOrm({ clientUrl: url, poolMax: 2 });
  try {
    const em = orm.em.fork();
    const conn = em.getConnection();
    const execute = conn.execute.bind(conn);
    // The statement as dashboardFigures makes it, not run: captured at the connection.
    conn.execute = (async (text: string, params: unknown[] = []) => {
      throw new Captured(text, params);
    }) as typeof conn.execute;
    const now = new Date();
    const statement = await dashboardFigures(em, { today: todayJakarta({ now: () => now }), now }, PARTS).then(
      () => {
        throw new Error('the statement was not captured');
      },
      (err: unknown) => {
        if (err instanceof Captured) return err;
        throw err;
      },
    );
    const times = { planning: [] as number[], execution: [] as number[] };
    let plan = '';
    for (let run = 0; run < RUNS; run++) {
      const rows = await execute<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers) ${statement.text}`, statement.params, 'all');
      plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      times.planning.push(Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1]));
      times.execution.push(Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1]));
    }
    // The statement itself, as the page runs it (no EXPLAIN instrumentation), timed from here.
    const whole: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = process.hrtime.bigint();
      await execute(statement.text, statement.params, 'all');
      whole.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    console.log(plan);
    for (const [name, ms] of Object.entries({ ...times, statement: whole })) console.log(`${name}: ${ms.map(round2).join(' ')} ms (median ${round2(median(ms))})`);
    console.log(`load ${os.loadavg().map(round2).join(' ')}`);
  } finally {
    await orm.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
