import { Worker } from 'node:worker_threads';
import type { ComputedMatch, MatchEngine } from '../services/ports/match-engine';

/** A thread's failure, with its message and stack; never shown to anyone, only logged. */
export class MatchEngineError extends Error {
  override name = 'MatchEngineError';
}

/**
 * Match runs off the main thread: each run is computed in a worker thread of its own, so a run
 * over thousands of people (seconds of CPU) never holds up the requests the server is answering.
 * The thread computes exactly what the in-place engine computes (services/matching/compute-in-place)
 * from the same snapshot; only where it runs differs.
 */
export const createThreadMatchEngine = (): MatchEngine => ({
  compute: (snapshot) =>
    new Promise<ComputedMatch>((resolve, reject) => {
      const entry = new URL('./match-engine-thread.ts', import.meta.url).href;
      const worker = new Worker(new URL('./thread-boot.mjs', import.meta.url), {
        workerData: { entry, snapshot },
      });
      let settled = false;
      worker.once(
        'message',
        (message: { ok: true; computed: ComputedMatch } | { ok: false; message: string; stack?: string }) => {
          settled = true;
          if (message.ok) resolve(message.computed);
          else reject(Object.assign(new MatchEngineError(message.message), { stack: message.stack }));
          void worker.terminate();
        },
      );
      worker.once('error', (error) => {
        if (settled) return;
        settled = true;
        reject(error);
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new MatchEngineError(`the match engine's thread stopped (exit code ${code})`));
      });
    }),
});
