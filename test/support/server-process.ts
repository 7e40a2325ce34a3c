import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const BUILT_MAIN = path.join(ROOT, 'dist', 'server', 'src', 'main.js');

/**
 * `npm run build:server`, as `npm start` does: the stop tests run what production runs. Asynchronous,
 * so the test worker keeps answering the runner while tsc works.
 */
export async function buildServer() {
  await promisify(execFile)('npm', ['run', '-s', 'build:server'], { cwd: ROOT });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts a real server process (node on `entry`) and waits until it prints its URL and answers
 * /healthz. NODE_ENV defaults to development, like `npm start`: under `test` Apollo would not install
 * its own signal handlers, and the stop tests must see the process as an operator does.
 */
export async function startServerProcess(env: Record<string, string>, opts: { entry?: string[]; startTimeoutMs?: number } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, opts.entry ?? [BUILT_MAIN], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + (opts.startTimeoutMs ?? 120_000);
  let url: string | undefined;
  while (!url) {
    url = /berjalan di (http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
    if (url) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const health = await fetch(`${url}/healthz`);
  if (!health.ok) throw new Error(`/healthz answered ${health.status}`);
  return { child, url, output: () => output, exited };
}

/** Sends `signal` and waits for the exit; a process still alive after `waitMs` is killed and reported. */
export async function stopWith(server: ServerProcess, signal: NodeJS.Signals, waitMs = 30_000) {
  server.child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), waitMs)));
  const result = await Promise.race([server.exited, hung]);
  clearTimeout(timer);
  if (result === 'hung') {
    server.child.kill('SIGKILL');
    await server.exited;
    return { code: null, signal: null, hung: true, output: server.output() };
  }
  return { ...result, hung: false, output: server.output() };
}
