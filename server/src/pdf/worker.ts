import { PDF_LIMITS, PdfRejectedError, WASM_CAP_ENV } from './limits';
import { loadMupdf } from './engine';
import { workerOps } from './worker-ops';

/**
 * MuPDF's heap is WebAssembly memory, which V8's resourceLimits do not count. Emscripten grows it
 * with Memory.prototype.grow and treats a throw as "out of memory" (malloc fails, MuPDF raises an
 * error), so capping grow here caps what one document can take.
 */
const maxWasmBytes = Number(process.env[WASM_CAP_ENV]) || PDF_LIMITS.maxWasmBytes;
const grow = WebAssembly.Memory.prototype.grow;
WebAssembly.Memory.prototype.grow = function (this: WebAssembly.Memory, delta: number) {
  if (this.buffer.byteLength + delta * 65_536 > maxWasmBytes) throw new RangeError('PDF worker memory limit');
  return grow.call(this, delta);
};

interface Job {
  id: number;
  op: string;
  args: unknown[];
}

/** A worker process of the PDF pool (pool.ts): jobs come and results go over the IPC channel. */
const send = (message: unknown) => process.send!(message);
// The server went away (even by SIGKILL): nothing is left to work for.
process.on('disconnect', () => process.exit(0));
// After the memory cap is in place; the pool sends jobs (and starts their clocks) once this is done.
void loadMupdf().then(() => send({ ready: true }));
const ops = workerOps as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;

// runJob answers every job, failures included, so the listener need not await it.
process.on('message', (job: Job) => void runJob(job));

async function runJob(job: Job) {
  try {
    const fn = ops[job.op];
    if (!fn) throw new Error(`unknown PDF worker op ${job.op}`);
    const value = await fn(...job.args);
    send({ id: job.id, ok: true, value });
  } catch (err) {
    const e = err as Error;
    const outOfMemory = /out of memory|memory limit|(m|c|re)alloc\b/i.test(String(e?.message));
    send({
      id: job.id,
      ok: false,
      error: {
        name: e?.name ?? 'Error',
        message: String(e?.message ?? e),
        stack: e?.stack,
        reason: err instanceof PdfRejectedError ? err.reason : outOfMemory ? 'PDF_TOO_COMPLEX' : undefined,
      },
    });
  }
}
