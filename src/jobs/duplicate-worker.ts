import type { AppContext } from '../app-context';
import { createDuplicateCheckDeps } from '../db/repositories/duplicate-check-repository';
import { flagLikelyDuplicates } from '../services/flag-likely-duplicates';
import { startWorkerLoop, type WorkerLoop } from './worker-loop';

/** Checks new applications for likely duplicates every couple of seconds; `serve` starts it. */
export const startDuplicateWorker = (ctx: AppContext, { intervalMs = 2_000 } = {}): WorkerLoop =>
  startWorkerLoop({
    name: 'duplicates',
    intervalMs,
    logger: ctx.logger,
    pass: () => flagLikelyDuplicates(createDuplicateCheckDeps(ctx.database.db, ctx.now)),
  });
