import type { Logger } from '../services/ports/runtime';

export interface WorkerLoop {
  /** Stops scheduling passes and resolves once every pass in flight has finished. */
  stop: () => Promise<void>;
  /** Runs one pass now (alongside the loop if it is running); resolves with what the pass did. */
  runOnce: () => Promise<number>;
  readonly isStopping: () => boolean;
}

/** The longest a failing worker waits before trying again (unless its interval is longer). */
export const MAX_BACKOFF_MS = 30_000;
/** While passes keep failing, a reminder is logged this often; the failures between are debug. */
export const FAILURE_REMINDER_MS = 60_000;

/**
 * A small polling loop: one pass, then wait `intervalMs`, then the next. A pass that did some work
 * is followed at once by another (or, with `againAtOnce`, one whose result says so), so a backlog
 * drains without waiting an interval per batch. The timer does not keep the process alive.
 *
 * A failing pass (the database is down, say) is retried with backoff: the interval, doubled after
 * each failure in a row, up to MAX_BACKOFF_MS. The first failure of a streak is logged as an error,
 * then a reminder at most every FAILURE_REMINDER_MS, and one line when a pass succeeds again.
 */
export const startWorkerLoop = (options: {
  name: string;
  intervalMs: number;
  logger: Logger;
  pass: (isStopping: () => boolean) => Promise<number>;
  /** Whether to run the next pass at once after one that returned `didWork` (default: > 0). */
  againAtOnce?: (didWork: number) => boolean;
  now?: () => number;
}): WorkerLoop => {
  const now = options.now ?? Date.now;
  const againAtOnce = options.againAtOnce ?? ((didWork: number) => didWork > 0);
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  const inFlight = new Set<Promise<number>>();
  const isStopping = () => stopping;

  const runOnce = (): Promise<number> => {
    const pass = options.pass(isStopping);
    inFlight.add(pass);
    const forget = () => inFlight.delete(pass);
    pass.then(forget, forget);
    return pass;
  };

  const schedule = (delayMs: number) => {
    if (stopping) return;
    timer = setTimeout(tick, delayMs);
    timer.unref();
  };

  let failures = 0;
  let failingSince = 0;
  let remindedAt = 0;
  const worker = options.name;

  const tick = async () => {
    timer = undefined;
    let didWork: number;
    try {
      didWork = await runOnce();
    } catch (error) {
      failures++;
      const at = now();
      if (failures === 1) {
        failingSince = remindedAt = at;
        options.logger.error({ err: error, worker }, 'worker pass failed; retrying with backoff');
      } else if (at - remindedAt >= FAILURE_REMINDER_MS) {
        remindedAt = at;
        options.logger.error(
          { err: error, worker, failures, forMs: at - failingSince },
          'worker passes are still failing',
        );
      } else {
        options.logger.debug({ err: error, worker, failures }, 'worker pass failed');
      }
      const backoff = Math.min(options.intervalMs * 2 ** (failures - 1), MAX_BACKOFF_MS);
      schedule(Math.max(options.intervalMs, backoff));
      return;
    }
    if (failures > 0) {
      options.logger.warn({ worker, failures, forMs: now() - failingSince }, 'worker passes succeed again');
      failures = 0;
    }
    schedule(againAtOnce(didWork) ? 0 : options.intervalMs);
  };

  schedule(0);
  return {
    runOnce,
    isStopping,
    stop: async () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await Promise.allSettled([...inFlight]);
    },
  };
};
