import { DateTime } from 'luxon';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { ZONE, type Clock } from '../common/time';

export interface JobDefinition {
  name: string;
  /** Run every this many milliseconds (in every process; the job must be safe to run concurrently). */
  everyMs?: number;
  /** Run once a day at this Asia/Jakarta time, 'HH:MM' (once per deployment with pg-boss). */
  dailyAt?: string;
  /** `signal` aborts when the server stops: finish the item in hand, leave the rest for later. */
  run(signal: AbortSignal): Promise<unknown>;
}

export interface JobRunner {
  readonly kind: 'pg-boss' | 'in-process';
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs a job, never two of the same at once in this process, and logs instead of crashing. `idle()`
 * resolves when the run in progress (if any) has finished, so a stop can wait for it.
 */
function guarded(job: JobDefinition, logger: Logger, signal: AbortSignal) {
  let running: Promise<void> | null = null;
  const run = async () => {
    if (running || signal.aborted) return;
    running = (async () => {
      try {
        const result = await job.run(signal);
        logger.debug({ job: job.name, result }, 'job done');
      } catch (err) {
        logger.error({ err, job: job.name }, 'job failed');
      }
    })();
    try {
      await running;
    } finally {
      running = null;
    }
  };
  return { run, idle: async () => void (await running) };
}

/** Milliseconds from `now` to the next `HH:MM` in Jakarta. */
export function msUntilDaily(now: Date, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  const local = DateTime.fromJSDate(now, { zone: ZONE });
  let next = local.set({ hour: h!, minute: m!, second: 0, millisecond: 0 });
  if (next <= local) next = next.plus({ days: 1 });
  return next.toMillis() - local.toMillis();
}

/**
 * The embedded database's scheduler: timers in this process. PGlite serves one connection and one
 * transaction at a time, so a queue that needs its own connections (pg-boss) cannot run there; the
 * jobs themselves are the same code and are safe to run more than once.
 */
export class InProcessRunner implements JobRunner {
  readonly kind = 'in-process' as const;
  private timers: NodeJS.Timeout[] = [];
  private readonly stopping = new AbortController();
  private readonly runs: { idle(): Promise<void> }[] = [];
  constructor(
    private readonly jobs: JobDefinition[],
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async start() {
    for (const job of this.jobs) {
      const guard = guarded(job, this.logger, this.stopping.signal);
      this.runs.push(guard);
      const run = guard.run;
      // A guarded run catches and logs its job's failure, so a timer may start it without awaiting.
      if (job.everyMs) this.timers.push(setInterval(() => void run(), job.everyMs).unref());
      if (job.dailyAt) {
        const daily = () => {
          const t = setTimeout(() => {
            void run().then(() => {
              if (!this.stopping.signal.aborted) daily();
            });
          }, msUntilDaily(this.clock.now(), job.dailyAt!));
          t.unref();
          this.timers.push(t);
        };
        daily();
      }
    }
  }

  /** No new runs; the ones in progress are told to stop and awaited (they end at their next item). */
  async stop() {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    this.stopping.abort();
    await Promise.all(this.runs.map((r) => r.idle()));
  }
}

/**
 * On a real PostgreSQL the daily jobs go through pg-boss (its own schema `pgboss`), so with several
 * server processes each daily job runs once per day for all of them; frequent jobs (outbox, driver
 * retries) run in every process, since they claim their rows with SKIP LOCKED.
 */
export class PgBossRunner implements JobRunner {
  readonly kind = 'pg-boss' as const;
  private boss: PgBoss | null = null;
  private readonly local: InProcessRunner;
  private readonly stopping = new AbortController();
  constructor(
    private readonly connectionString: string,
    private readonly jobs: JobDefinition[],
    clock: Clock,
    private readonly logger: Logger,
  ) {
    this.local = new InProcessRunner(jobs.filter((j) => j.everyMs), clock, logger);
  }

  async start() {
    const boss = new PgBoss({ connectionString: this.connectionString, schema: 'pgboss', max: 3 });
    boss.on('error', (err) => this.logger.error({ err }, 'pg-boss error'));
    await boss.start();
    for (const job of this.jobs.filter((j) => j.dailyAt)) {
      const [h, m] = job.dailyAt!.split(':').map(Number);
      await boss.createQueue(job.name);
      await boss.schedule(job.name, `${m} ${h} * * *`, {}, { tz: ZONE });
      const { run } = guarded(job, this.logger, this.stopping.signal);
      await boss.work(job.name, async () => {
        await run();
      });
    }
    this.boss = boss;
    await this.local.start();
  }

  /**
   * Within the server's shutdown deadline: a daily job still running after 3 s is failed by pg-boss
   * (its transaction rolls back when the database closes) and retried; the pass is safe to run twice.
   */
  async stop() {
    this.stopping.abort();
    await this.local.stop();
    await this.boss?.stop({ graceful: true, timeout: 3_000 });
    this.boss = null;
  }
}
