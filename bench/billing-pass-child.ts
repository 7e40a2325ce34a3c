/**
 * The billing pass in a process of its own, so that its peak RSS is not the bench's (the parent holds
 * the seeding client, the payment probe and earlier rounds' heap). Started by bench/billing-pass.ts with
 * BENCH_CHILD (JSON: database URL, date, reminder settings); prints one JSON line: the pass's time, its
 * result, the process's RSS before the pass, its peak RSS over its whole life (getrusage's ru_maxrss),
 * and what RSS is made of at its peak: the JS heap in use and the memory outside it (Buffers: the
 * statements' bound texts), sampled every 100 ms.
 *
 * Which process: production runs the pass in the server process (the `billing-pass` job of
 * server/src/jobs/jobs.ts in `npm start`, compiled JavaScript, NODE_ENV=production). So by default
 * (`BENCH_PASS_PROCESS=server`) this starts the app with production's settings (`startProductionApp`:
 * Apollo, the schema, HTTP, PostgreSQL's notification listener) and runs the pass there with the app's
 * own services, as the job does; the bench compiles it with tsc first (`npm run build:server` plus this
 * file) and runs it without a TypeScript loader, as `npm start` does. `BENCH_PASS_PROCESS=alone` runs
 * the pass with the ORM and nothing else (the pass's own share of the memory).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { runBillingPass, type BillingConfig, type BillingPassDeps } from '../server/src/billing/billing-pass';
import { openOrm } from '../server/src/db/orm';
import { DomainEvents } from '../server/src/events/domain-events';
import { registerHostingHandlers } from '../server/src/hosting/handlers';
import { InMemoryBus } from '../server/src/notifications/bus';
import { startProductionApp } from './support';

interface ChildInput {
  url: string;
  today: string;
  billing: BillingConfig;
  /** The key ring the parent's seeding used: the app reads the personal fields it encrypted. */
  keys: Record<string, string>;
}

/** What the pass runs in: its dependencies and how to close it. */
async function host(input: ChildInput, clock: BillingPassDeps['clock']) {
  if ((process.env.BENCH_PASS_PROCESS ?? 'server') === 'server') {
    const app = await startProductionApp(input.url, { clock, keys: input.keys });
    const { services } = app;
    // As the job does (jobs.ts), with the bench's reminder and chunk settings.
    const deps: BillingPassDeps = { clock, bus: services.notifications.bus, billing: input.billing, events: services.events };
    return { em: () => services.orm.em.fork(), deps, close: () => app.close() };
  }
  const orm = await openOrm({ clientUrl: input.url, poolMax: 4 });
  const deps = { clock, bus: new InMemoryBus(), billing: input.billing, events: new DomainEvents() };
  // The pass's automatic suspensions are applied by the hosting domain's handler, as in the app.
  registerHostingHandlers(deps.events, deps);
  return { em: () => orm.em.fork(), deps, close: () => orm.close() };
}

async function main() {
  const input = JSON.parse(process.env.BENCH_CHILD ?? '') as ChildInput;
  const clock = { now: () => new Date(`${input.today}T03:00:00Z`) };
  const { em, deps, close } = await host(input, clock);
  try {
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
    // BENCH_ALLOC_PROFILE=<file>: V8's sampling heap profiler over the pass, counting objects already
    // collected too, so the profile shows where the pass allocates (garbage included), not only what lives.
    const profiler = process.env.BENCH_ALLOC_PROFILE ? new Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post('HeapProfiler.startSampling', { samplingInterval: 64 * 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    }
    const start = performance.now();
    const result = await runBillingPass(em(), deps, input.today);
    const ms = performance.now() - start;
    if (profiler) {
      const { profile } = await profiler.post('HeapProfiler.stopSampling');
      fs.writeFileSync(process.env.BENCH_ALLOC_PROFILE!, JSON.stringify(profile));
      profiler.disconnect();
    }
    clearInterval(sampler);
    clearInterval(liveSampler);
    sample();
    // ru_maxrss is in kilobytes on Linux.
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const processKind = process.env.BENCH_PASS_PROCESS ?? 'server';
    const report = { ms, result, process: processKind, rssBeforeMb, peakRssMb, sampled: peak, ...(gc ? { liveHeap: live } : {}) };
    // Also on stderr, which the bench's log keeps.
    console.error(`the pass's process (${processKind}): ${JSON.stringify({ ms: Math.round(ms), rssBeforeMb: Math.round(rssBeforeMb), peakRssMb: Math.round(peakRssMb), sampled: peak, ...(gc ? { liveHeap: live } : {}) })}`);
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
