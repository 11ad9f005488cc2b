import type { AppContext } from '../app-context';
import { createReviewDeps } from '../db/unit-of-work/transaction-unit-of-work';
import { applyDueRoundTransitions } from '../services/rounds/apply-due-round-transitions';
import { startWorkerLoop, type WorkerLoop } from './worker-loop';

/** Checks once a minute for rounds whose deadline or end has passed; `serve` starts it. */
export const startRoundScheduleWorker = (ctx: AppContext, { intervalMs = 60_000 } = {}): WorkerLoop =>
  startWorkerLoop({
    name: 'round-schedule',
    intervalMs,
    logger: ctx.logger,
    pass: async () => {
      const applied = await applyDueRoundTransitions(
        createReviewDeps(ctx.database.db, { now: ctx.now, baseUrl: ctx.config.baseUrl }),
      );
      for (const transition of applied) ctx.logger.info(transition, 'round moved on schedule');
      // Zero: a pass that moved rounds need not be followed at once by another.
      return 0;
    },
  });
