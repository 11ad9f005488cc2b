import { runWithAuditOrigin } from '../services/audit/audit-origin';
import type { Logger } from '../services/ports/runtime';
import type { Job } from './job-definition';
import { startWorkerLoop, type WorkerLoop } from './worker-loop';

export interface RunningJobs {
  /** Stops every loop and waits for the passes in flight. */
  stop: () => Promise<void>;
  /** One pass of every job now; resolves with what each handled. */
  runOnce: () => Promise<Record<string, number>>;
}

/** What the schedule does is recorded in the audit trail as the schedule's (no person, no address). */
const asSchedule = <T>(work: () => Promise<T>): Promise<T> =>
  runWithAuditOrigin({ channel: 'schedule', clientAddress: null }, work);

/** Runs every job on its own polling loop (what `iln serve` does). */
export const startJobs = (jobs: readonly Job[], logger: Logger): RunningJobs => {
  const loops = new Map<string, WorkerLoop>();
  for (const job of jobs) {
    loops.set(
      job.name,
      startWorkerLoop({
        name: job.name,
        intervalMs: job.intervalMs,
        logger,
        pass: (isStopping) => asSchedule(() => job.runPass(isStopping)),
        againAtOnce: job.againAtOnce,
      }),
    );
  }
  return {
    stop: async () => {
      await Promise.all([...loops.values()].map((loop) => loop.stop()));
    },
    runOnce: async () => {
      const done: Record<string, number> = {};
      for (const [name, loop] of loops) done[name] = await loop.runOnce();
      return done;
    },
  };
};

/**
 * Every job until nothing more is due now (what `iln run-due` does for cron); resolves with how
 * many items each job handled.
 */
export const runDueJobs = async (
  jobs: readonly Job[],
  options: { maxPasses?: number } = {},
): Promise<Record<string, number>> => {
  const handled: Record<string, number> = {};
  for (const job of jobs) {
    let total = 0;
    for (let pass = 0; pass < (options.maxPasses ?? 1000); pass++) {
      const done = await asSchedule(() => job.runPass());
      total += done;
      if (!job.againAtOnce(done)) break;
    }
    handled[job.name] = total;
  }
  return handled;
};
