import type { AppContext } from '../app-context';
import { createDuplicateCheckDeps } from '../db/repositories/applications/duplicate-check-repository';
import { flagLikelyDuplicates } from '../services/applications/flag-likely-duplicates';
import { startWorkerLoop, type WorkerLoop } from './worker-loop';

/** Applications one pass checks at most. */
const PASS_LIMIT = 2_000;

/**
 * Checks new applications for likely duplicates every few seconds; `serve` starts it.
 *
 * A pass reads the names of every country it meets, whatever the number of newcomers, so during a
 * deadline rush passes must not follow each other at once: each would check the few applications
 * that came of age since the last and read the whole round again (at 200 submissions a second
 * that was the server's main thread reading tens of thousands of rows a second). So the next
 * pass waits the interval unless this one was full (a backlog).
 */
export const startDuplicateWorker = (ctx: AppContext, { intervalMs = 5_000 } = {}): WorkerLoop =>
  startWorkerLoop({
    name: 'duplicates',
    intervalMs,
    logger: ctx.logger,
    pass: () =>
      flagLikelyDuplicates(createDuplicateCheckDeps(ctx.database.db, ctx.now), { limit: PASS_LIMIT }),
    againAtOnce: (checked) => checked >= PASS_LIMIT,
  });
