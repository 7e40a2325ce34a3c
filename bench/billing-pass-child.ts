/**
 * The billing pass alone in a process of its own, so that its peak RSS is the pass's and not the bench's
 * (the parent holds the seeding client, the payment probe and earlier rounds' heap). Started by
 * bench/billing-pass.ts with BENCH_CHILD (JSON: database URL, date, reminder settings); prints one JSON
 * line: the pass's time, its result, the process's RSS once the ORM is open (before the pass), its peak
 * RSS over its whole life (getrusage's ru_maxrss), and what RSS is made of at its peak: the JS heap in
 * use and the memory outside it (Buffers: the statements' bound texts), sampled every 100 ms. RSS also
 * holds garbage V8 has not yet collected and memory the allocator keeps, so the heap in use is the
 * figure that shows whether the pass's memory is bounded by a chunk.
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
    const peak = { heapUsedMb: 0, externalMb: 0, rssMb: 0 };
    const sample = () => {
      const m = process.memoryUsage();
      peak.heapUsedMb = Math.max(peak.heapUsedMb, m.heapUsed / 2 ** 20);
      peak.externalMb = Math.max(peak.externalMb, m.external / 2 ** 20);
      peak.rssMb = Math.max(peak.rssMb, m.rss / 2 ** 20);
    };
    const sampler = setInterval(sample, 100);
    // BENCH_LIVE_HEAP (node --expose-gc): every second a full collection, then the heap in use, which is
    // then what the pass keeps alive; before the pass, the same after loading the ORM and sources.
    const gc = process.env.BENCH_LIVE_HEAP ? (globalThis as { gc?: () => void }).gc : undefined;
    const live = { beforeMb: 0, peakMb: 0 };
    const liveNow = () => (gc!(), process.memoryUsage().heapUsed / 2 ** 20);
    if (gc) live.beforeMb = liveNow();
    const liveSampler = gc ? setInterval(() => (live.peakMb = Math.max(live.peakMb, liveNow())), 1000) : undefined;
    const start = performance.now();
    const result = await runBillingPass(orm.em.fork(), deps, input.today);
    const ms = performance.now() - start;
    clearInterval(sampler);
    clearInterval(liveSampler);
    sample();
    // ru_maxrss is in kilobytes on Linux.
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const report = { ms, result, rssBeforeMb, peakRssMb, sampled: peak, ...(gc ? { liveHeap: live } : {}) };
    // Also on stderr, which the bench's log keeps.
    console.error(`the pass's process: ${JSON.stringify({ ms: Math.round(ms), rssBeforeMb: Math.round(rssBeforeMb), peakRssMb: Math.round(peakRssMb), sampled: peak, ...(gc ? { liveHeap: live } : {}) })}`);
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await orm.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
