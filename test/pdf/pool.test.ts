import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { PdfBusyError, PdfPoolClosedError, PdfRejectedError } from '../../server/src/pdf';
import { PdfPool } from '../../server/src/pdf/pool';
import { processAlive as alive } from '../support/processes';

/**
 * Issue 14 item 6: the mechanics of the PDF worker pool that SPK rendering, e-Meterai placement,
 * signing and upload checks run in. No timings are asserted: where the work runs, how many jobs run
 * at once, what a lost worker answers, and what closing leaves behind.
 */

let pool: PdfPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('the PDF worker pool', () => {
  it('runs jobs in worker processes, never more at once than its size', async () => {
    pool = new PdfPool({ size: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, () => pool!.run('workerInfo', [150], { timeoutMs: 60_000 })));
    const pids = new Set(results.map((r) => r.pid));
    expect(pids.has(process.pid)).toBe(false);
    expect(pids.size).toBeGreaterThanOrEqual(1);
    expect(pids.size).toBeLessThanOrEqual(2);
    expect(pool.peakRunning).toBeLessThanOrEqual(2);
    expect(pool.workerCount).toBeLessThanOrEqual(2);
    expect(pool.started.workerInfo).toBe(6);
  }, 120_000);

  it('refuses jobs beyond its queue with PdfBusyError (BUSY) instead of piling them up', async () => {
    pool = new PdfPool({ size: 1, maxQueue: 1 });
    const first = pool.run('workerInfo', [0], { timeoutMs: 60_000 });
    const second = pool.run('workerInfo', [0], { timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(await second).toBeInstanceOf(PdfBusyError);
    expect(await second).toMatchObject({ failure: 'BUSY' });
    expect((await first).pid).not.toBe(process.pid);
  }, 120_000);

  it('fails the job of a crashed worker with a stable error (CRASHED) and serves the next job with a new worker', async () => {
    pool = new PdfPool({ size: 1 });
    const before = await pool.run('workerInfo', [0], { timeoutMs: 60_000 });
    const err = await pool.run('crash', [], { timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfRejectedError);
    expect(err).toMatchObject({ reason: 'PDF_TOO_COMPLEX', failure: 'CRASHED' });
    const after = await pool.run('workerInfo', [0], { timeoutMs: 60_000 });
    expect(after.pid).not.toBe(before.pid);
    expect(alive(before.pid)).toBe(false);
    expect(pool.workerCount).toBe(1);
  }, 120_000);

  it('kills a job past its time budget (TIMED_OUT) and replaces the worker', async () => {
    pool = new PdfPool({ size: 1 });
    const { pid } = await pool.run('workerInfo', [0], { timeoutMs: 60_000 });
    const err = await pool.run('spin', [], { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'PdfRejectedError', reason: 'PDF_TOO_COMPLEX', failure: 'TIMED_OUT' });
    expect((await pool.run('workerInfo', [0], { timeoutMs: 60_000 })).pid).not.toBe(pid);
  }, 120_000);

  it('close() fails running and waiting jobs (CLOSED), ends every worker, and refuses later jobs', async () => {
    pool = new PdfPool({ size: 1 });
    const { pid } = await pool.run('workerInfo', [0], { timeoutMs: 60_000 });
    const running = pool.run('workerInfo', [60_000], { timeoutMs: 120_000 }).catch((e: unknown) => e);
    const waiting = pool.run('workerInfo', [0], { timeoutMs: 60_000 }).catch((e: unknown) => e);
    // The long job is in the worker once it counts as started.
    while (!pool.started.workerInfo || pool.started.workerInfo < 2) await new Promise((r) => setImmediate(r));
    await pool.close();
    expect(await running).toBeInstanceOf(PdfPoolClosedError);
    expect(await waiting).toMatchObject({ failure: 'CLOSED' });
    expect(alive(pid)).toBe(false);
    expect(pool.workerCount).toBe(0);
    await expect(pool.run('workerInfo', [0], { timeoutMs: 1000 })).rejects.toBeInstanceOf(PdfPoolClosedError);
  }, 120_000);

  it('a process whose last work is closing the pool still runs what follows the close', async () => {
    const script = path.join(__dirname, 'close-then-report.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', script], { cwd: path.join(__dirname, '../..'), timeout: 60_000 });
    const report = JSON.parse(stdout.trim()) as { reported: boolean; workerPid: number };
    expect(report.reported).toBe(true);
    expect(alive(report.workerPid)).toBe(false);
  }, 120_000);
});
