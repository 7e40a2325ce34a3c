import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { PDF_LIMITS, WASM_CAP_ENV, PdfBusyError, PdfPoolClosedError, PdfRejectedError, type PdfRejection } from './limits';
import type { OpName, WorkerOps } from './worker-ops';

type Args<K extends OpName> = Parameters<WorkerOps[K]>;
type Result<K extends OpName> = Awaited<ReturnType<WorkerOps[K]>>;

interface Pending {
  id: number;
  op: OpName;
  args: unknown[];
  timeoutMs: number;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker: ChildProcess;
  /** MuPDF is loaded: job budgets start counting only then, not during the worker's start-up. */
  ready: boolean;
  job: Pending | null;
  timer: NodeJS.Timeout | null;
}

export interface PdfPoolOptions {
  size?: number;
  /** Jobs waiting for a worker beyond this are refused (PdfBusyError) instead of piling up uploads in memory. */
  maxQueue?: number;
  maxOldGenerationMb?: number;
  maxWasmBytes?: number;
}


/**
 * Where the worker's code is: compiled JavaScript next to this file in production (dist/), or the
 * TypeScript source in development and tests, compiled on the fly by @swc-node/register. SWC would
 * turn MuPDF's dynamic import() into require(), which cannot load an ES module with top-level await:
 * SWC_NODE_IGNORE_DYNAMIC keeps it an import().
 */
function workerEntry(): { file: string; execArgv: string[]; env: NodeJS.ProcessEnv } {
  const fromSource = __filename.endsWith('.ts');
  return {
    file: path.join(__dirname, fromSource ? 'worker.ts' : 'worker.js'),
    execArgv: fromSource ? ['-r', '@swc-node/register'] : [],
    env: fromSource ? { ...process.env, SWC_NODE_IGNORE_DYNAMIC: '1' } : { ...process.env },
  };
}

/** The classes callers test with instanceof (a bad stamp box is a RangeError) come back as themselves. */
const ERROR_CLASSES: Record<string, new (message: string) => Error> = { RangeError, TypeError };

function rebuildError(e: { name: string; message: string; stack?: string; reason?: PdfRejection }): Error {
  if (e.reason) return new PdfRejectedError(e.reason, e.message);
  const err = new (ERROR_CLASSES[e.name] ?? Error)(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}

/**
 * A small pool of worker processes for everything that reads, renders or signs PDFs, so the thread
 * that answers requests never spends seconds on a document. Each worker runs one job at a time under
 * a V8 heap limit and a MuPDF memory cap; a job that runs past its wall-clock budget (or kills its
 * worker by running out of memory) is refused as PDF_TOO_COMPLEX and the worker is killed and
 * replaced (PdfRejectedError with `failure` TIMED_OUT or CRASHED). At most `size` jobs run at once;
 * at most `maxQueue` wait. Processes, not worker threads: terminating a worker thread while it runs WebAssembly
 * crashed the whole process with SIGSEGV under Node 20 (seen in our test runs), and a process
 * boundary also keeps any fault in the PDF reader away from the server.
 */
export class PdfPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  readonly size: number;
  private readonly maxQueue: number;
  /** Jobs handed to a worker, by operation: what ran off the request thread (read by tests and benches). */
  readonly started: Partial<Record<OpName, number>> = {};
  /** The most jobs that were running at the same time. */
  peakRunning = 0;

  constructor(private readonly options: PdfPoolOptions = {}) {
    // Two workers even on two cores: one slow upload must not hold up the admin signing an SPK.
    this.size = options.size ?? Math.max(2, Math.min(4, os.availableParallelism() - 1));
    this.maxQueue = options.maxQueue ?? 64;
  }

  run<K extends OpName>(op: K, args: Args<K>, opts: { timeoutMs: number }): Promise<Result<K>> {
    if (this.closed) return Promise.reject(new PdfPoolClosedError());
    if (this.queue.length >= this.maxQueue) return Promise.reject(new PdfBusyError());
    return new Promise<Result<K>>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, op, args, timeoutMs: opts.timeoutMs, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Workers alive now (they start with the first job and are replaced after a kill). */
  get workerCount(): number {
    return this.slots.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new PdfPoolClosedError());
    await Promise.all([...this.slots].map((s) => this.kill(s, new PdfPoolClosedError())));
  }

  private pump() {
    while (this.queue.length) {
      const slot = this.slots.find((s) => s.ready && !s.job);
      if (!slot) break;
      this.start(slot, this.queue.shift()!);
    }
    const booting = this.slots.filter((s) => !s.ready).length;
    for (let i = booting; i < this.queue.length && this.slots.length < this.size; i++) this.spawn();
  }

  private spawn(): Slot {
    const entry = workerEntry();
    const worker = fork(entry.file, [], {
      execArgv: [...entry.execArgv, `--max-old-space-size=${this.options.maxOldGenerationMb ?? PDF_LIMITS.maxOldGenerationMb}`],
      env: { ...entry.env, [WASM_CAP_ENV]: String(this.options.maxWasmBytes ?? PDF_LIMITS.maxWasmBytes) },
      // Structured clone over the channel: Uint8Array, bigint and Date arrive as they were sent.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // Spawned because a job waits: kept referenced until it is ready and idle.
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    worker.on('message', (msg: { ready?: true; id: number; ok: boolean; value?: unknown; error?: Parameters<typeof rebuildError>[0] }) => {
      if (msg.ready) {
        slot.ready = true;
        this.pump();
        if (!slot.job) this.setRef(slot, false);
        return;
      }
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      this.finish(slot);
      if (msg.ok) job.resolve(msg.value);
      else job.reject(rebuildError(msg.error!));
      this.pump();
    });
    // Out of memory (V8 aborts the process), a crash in the reader, a failed start.
    // To an uploader that is their document being too much for the reader (PDF_TOO_COMPLEX); callers
    // of trusted work read `failure`.
    worker.on('error', (err) => this.lose(slot, new PdfRejectedError('PDF_TOO_COMPLEX', err.message, 'CRASHED')));
    worker.on('exit', (code, signal) => this.lose(slot, new PdfRejectedError('PDF_TOO_COMPLEX', `worker exited (${signal ?? code})`, 'CRASHED')));
    this.slots.push(slot);
    return slot;
  }

  /** A job under way keeps the server process alive; an idle pool does not. */
  private setRef(slot: Slot, ref: boolean) {
    const channel = slot.worker.channel as { ref?(): void; unref?(): void } | undefined;
    if (ref) {
      slot.worker.ref();
      channel?.ref?.();
    } else {
      slot.worker.unref();
      channel?.unref?.();
    }
  }

  private start(slot: Slot, job: Pending) {
    slot.job = job;
    this.started[job.op] = (this.started[job.op] ?? 0) + 1;
    this.peakRunning = Math.max(this.peakRunning, this.slots.filter((s) => s.job).length);
    this.setRef(slot, true);
    slot.timer = setTimeout(() => {
      void this.kill(slot, new PdfRejectedError('PDF_TOO_COMPLEX', `${job.op} took longer than ${job.timeoutMs} ms`, 'TIMED_OUT'));
    }, job.timeoutMs);
    slot.worker.send({ id: job.id, op: job.op, args: job.args });
  }

  private finish(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (slot.worker.connected) this.setRef(slot, false);
  }

  /** The worker died or was killed: fail its job, forget it, and let the next job start a new one. */
  private lose(slot: Slot, reason: Error) {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const job = slot.job;
    this.finish(slot);
    job?.reject(reason);
    if (!slot.ready && !this.slots.some((s) => s.ready)) {
      // The worker could not even start (a broken install): fail what waits rather than respawn forever.
      for (const waiting of this.queue.splice(0)) waiting.reject(new Error(`PDF worker failed to start: ${reason.message}`));
    }
    if (!this.closed) this.pump();
  }

  private async kill(slot: Slot, reason: Error) {
    this.lose(slot, reason);
    if (slot.worker.exitCode !== null || slot.worker.signalCode !== null) return;
    const exited = new Promise((resolve) => slot.worker.once('exit', resolve));
    // lose() unreferenced the idle worker; referenced again, the process waits for its exit. Without
    // this a process whose last work was closing the pool ended before `exited` resolved, skipping
    // whatever followed the close (the SPK bench exited without writing its report).
    slot.worker.ref();
    slot.worker.kill('SIGKILL');
    await exited;
  }
}

let shared: PdfPool | null = null;

/** The process-wide pool, started on first use. */
export function pdfPool(): PdfPool {
  return (shared ??= new PdfPool());
}

/** Stops the process-wide pool's workers (server shutdown, end of a test file). */
export async function closePdfPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
