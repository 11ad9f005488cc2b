import type { Logger } from '../services/ports/runtime';

export interface WorkerLoop {
  /** Stops scheduling passes and resolves once every pass in flight has finished. */
  stop: () => Promise<void>;
  /** Runs one pass now (alongside the loop if it is running); resolves with what the pass did. */
  runOnce: () => Promise<number>;
  readonly isStopping: () => boolean;
}

/**
 * A small polling loop: one pass, then wait `intervalMs`, then the next. A pass that did some work
 * is followed at once by another (or, with `againAtOnce`, one whose result says so), so a backlog
 * drains without waiting an interval per batch. A failing pass is logged and retried at the next
 * tick; the timer does not keep the process alive.
 */
export const startWorkerLoop = (options: {
  name: string;
  intervalMs: number;
  logger: Logger;
  pass: (isStopping: () => boolean) => Promise<number>;
  /** Whether to run the next pass at once after one that returned `didWork` (default: > 0). */
  againAtOnce?: (didWork: number) => boolean;
}): WorkerLoop => {
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

  const tick = async () => {
    timer = undefined;
    let didWork = 0;
    try {
      didWork = await runOnce();
    } catch (error) {
      options.logger.error({ err: error, worker: options.name }, 'worker pass failed');
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
