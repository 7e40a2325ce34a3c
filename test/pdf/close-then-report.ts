/**
 * Run by pool.test.ts in a process of its own: one job, then close the pool, then report. The pool's
 * idle workers are unreferenced, so this shows whether anything after close() still runs once the
 * pool is the last thing the process was waiting for (the SPK bench once exited before its report).
 */
import { PdfPool } from '../../server/src/pdf/pool';

async function main() {
  const pool = new PdfPool({ size: 1 });
  const { pid } = await pool.run('workerInfo', [0], { timeoutMs: 60_000 });
  await pool.close();
  console.log(JSON.stringify({ reported: true, workerPid: pid }));
}

void main();
