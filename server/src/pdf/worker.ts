import { parentPort, workerData } from 'node:worker_threads';
import { PDF_LIMITS, PdfRejectedError } from './limits';
import { loadMupdf } from './engine';
import { workerOps } from './worker-ops';

/**
 * MuPDF's heap is WebAssembly memory, which V8's resourceLimits do not count. Emscripten grows it
 * with Memory.prototype.grow and treats a throw as "out of memory" (malloc fails, MuPDF raises an
 * error), so capping grow here caps what one document can take.
 */
const maxWasmBytes: number = (workerData as { maxWasmBytes?: number } | undefined)?.maxWasmBytes ?? PDF_LIMITS.maxWasmBytes;
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

const port = parentPort!;
// After the memory cap is in place; the pool sends jobs (and starts their clocks) once this is done.
void loadMupdf().then(() => port.postMessage({ ready: true }));
const ops = workerOps as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;

function transferables(value: unknown): ArrayBuffer[] {
  if (value instanceof Uint8Array && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength && value.buffer instanceof ArrayBuffer) return [value.buffer];
  return [];
}

port.on('message', async (job: Job) => {
  try {
    const fn = ops[job.op];
    if (!fn) throw new Error(`unknown PDF worker op ${job.op}`);
    const value = await fn(...job.args);
    port.postMessage({ id: job.id, ok: true, value }, transferables(value));
  } catch (err) {
    const e = err as Error;
    const outOfMemory = /out of memory|memory limit|malloc/i.test(String(e?.message));
    port.postMessage({
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
});
