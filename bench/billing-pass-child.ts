/**
 * The billing pass alone in a process of its own, so that its peak RSS is the pass's and not the bench's
 * (the parent holds the seeding client, the payment probe and earlier rounds' heap). Started by
 * bench/billing-pass.ts with BENCH_CHILD (JSON: database URL, date, reminder settings); prints one JSON
 * line: the pass's time, its result, the process's RSS once the ORM is open (before the pass) and its
 * peak RSS over its whole life (getrusage's ru_maxrss), so the pass's own share is the difference.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { runBillingPass, type BillingConfig } from '../server/src/billing/billing-pass';
import { openOrm } from '../server/src/db/orm';
import { DomainEvents } from '../server/src/events/domain-events';
import { registerHostingHandlers } from '../server/src/hosting/handlers';
import { InMemoryBus } from '../server/src/notifications/bus';

interface ChildInput {
  url: string;
  today: string;
  billing: BillingConfig;
}

async function main() {
  const input = JSON.parse(process.env.BENCH_CHILD ?? '') as ChildInput;
  const orm = await openOrm({ clientUrl: input.url, poolMax: 4 });
  try {
    const clock = { now: () => new Date(`${input.today}T03:00:00Z`) };
    const deps = { clock, bus: new InMemoryBus(), billing: input.billing, events: new DomainEvents() };
    // The pass's automatic suspensions are applied by the hosting domain's handler, as in the app.
    registerHostingHandlers(deps.events, deps);
    const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
    // The bench's payment probe counts its attempts from here.
    process.stdout.write('START\n');
    const start = performance.now();
    const result = await runBillingPass(orm.em.fork(), deps, input.today);
    const ms = performance.now() - start;
    // ru_maxrss is in kilobytes on Linux.
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify({ ms, result, rssBeforeMb, peakRssMb })}\n`);
  } finally {
    await orm.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
