import type { Logger } from 'pino';

/** One part of the server that has to be closed on the way out, e.g. "http", "jobs", "database". */
export interface CloseStep {
  name: string;
  close(): Promise<void> | void;
}

export interface ShutdownResult {
  ok: boolean;
  /** Steps that threw, or had not finished when the deadline passed (in order). */
  unfinished: string[];
}

/** How long a stop may take before the process gives up on what is still open and exits non-zero. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * Closes the steps one after another (order matters: stop taking work before closing the database
 * it needs). A step that throws is logged and the next one still runs. When the deadline passes, the
 * step in progress and those not started are reported instead of waiting for ever: a stop that hangs
 * on one part must not keep the process (and its port, and the embedded data directory) alive.
 */
export async function closeInOrder(steps: CloseStep[], logger: Logger, deadlineMs = SHUTDOWN_DEADLINE_MS): Promise<ShutdownResult> {
  const failed: string[] = [];
  let current = 0;
  let timer: NodeJS.Timeout | undefined;
  const run = (async () => {
    for (; current < steps.length; current++) {
      const step = steps[current]!;
      try {
        await step.close();
        logger.debug({ step: step.name }, 'closed');
      } catch (err) {
        failed.push(step.name);
        logger.error({ err, step: step.name }, 'could not close');
      }
    }
    return { ok: failed.length === 0, unfinished: failed };
  })();
  const deadline = new Promise<ShutdownResult>((resolve) => {
    timer = setTimeout(() => {
      const unfinished = [...failed, ...steps.slice(current).map((s) => s.name)];
      logger.error({ unfinished, deadlineMs }, 'shutdown deadline passed; still open');
      resolve({ ok: false, unfinished });
    }, deadlineMs);
    timer.unref();
  });
  try {
    return await Promise.race([run, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * SIGINT (Ctrl+C) and SIGTERM (systemd, Docker, Kubernetes) both run the one shutdown sequence, once,
 * and exit 0 when everything closed, 1 otherwise. A second signal while stopping exits at once (1):
 * the operator asked twice. Nothing else in the process may handle these signals (Apollo's own
 * handlers are off: `stopOnTerminationSignals: false`), or two stops race.
 */
export function exitOnSignals(stop: () => Promise<ShutdownResult>, logger: Logger, exit: (code: number) => void = (c) => process.exit(c)) {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal while shutting down: exiting now');
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      (result) => {
        if (result.ok) logger.info({ signal }, 'stopped');
        exit(result.ok ? 0 : 1);
      },
      (err) => {
        logger.error({ err }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
