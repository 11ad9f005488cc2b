import { Worker } from 'node:worker_threads';
import type { MatchRun } from '../core/matchmaking';
import type { ComputedMatch, MatchEngine } from '../services/ports/match-engine';
import { encodeSnapshotInTurns } from './encode-snapshot';

/** A thread's failure, with its message and stack; never shown to anyone, only logged. */
export class MatchEngineError extends Error {
  override name = 'MatchEngineError';
}

type Reply =
  | { id: number; ok: true; result: string; explanations: string; seconds: number }
  | { id: number; ok: false; message: string; stack?: string };

interface Pending {
  snapshotJson: string;
  resolve: (computed: ComputedMatch) => void;
  reject: (error: Error) => void;
}

/**
 * The thread's module: compiled beside this one when this one is compiled (starting in about a
 * tenth of a second), else the source, which the thread compiles through tsx (several tenths).
 */
const threadEntry = (): URL =>
  import.meta.compiledUrl
    ? new URL('./match-engine-thread.js', import.meta.compiledUrl)
    : new URL('./match-engine-thread.ts', import.meta.url);

/**
 * Match runs off the main thread: runs are computed in a worker thread, so a run over thousands of
 * people (seconds of CPU) never holds up the requests the server is answering. One thread is
 * started on the first run and kept (it does not keep the process alive), so its compiled code
 * is warm for later runs; runs queue in it one at a time. A thread that dies fails the runs it held
 * and the next run starts a new one. The thread computes exactly what the in-place engine computes
 * (services/matching/compute-in-place) from the same snapshot; only where it runs differs.
 */
export const createThreadMatchEngine = (): MatchEngine & { close: () => Promise<void> } => {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const thread = new Worker(new URL('./thread-boot.mjs', import.meta.url), {
      workerData: { entry: threadEntry().href },
    });
    thread.unref();
    thread.on('message', (reply: Reply) => {
      const request = pending.get(reply.id);
      if (!request) return;
      pending.delete(reply.id);
      if (reply.ok) {
        request.resolve({
          result: JSON.parse(reply.result) as MatchRun,
          stored: { snapshot: request.snapshotJson, result: reply.result, explanations: reply.explanations },
          seconds: reply.seconds,
        });
      } else request.reject(Object.assign(new MatchEngineError(reply.message), { stack: reply.stack }));
      if (pending.size === 0) thread.unref();
    });
    thread.on('error', (error) => {
      if (worker === thread) worker = undefined;
      failAll(error);
    });
    thread.on('exit', (code) => {
      if (worker === thread) worker = undefined;
      failAll(new MatchEngineError(`the match engine's thread stopped (exit code ${code})`));
    });
    return thread;
  };

  return {
    compute: async (snapshot) => {
      const snapshotJson = await encodeSnapshotInTurns(snapshot);
      return new Promise<ComputedMatch>((resolve, reject) => {
        worker ??= start();
        const id = ++nextId;
        pending.set(id, { snapshotJson, resolve, reject });
        // While it works for someone, the thread keeps the process alive (a run is never cut off).
        worker.ref();
        worker.postMessage({ id, snapshotJson });
      });
    },
    close: async () => {
      const thread = worker;
      worker = undefined;
      if (thread) await thread.terminate();
    },
  };
};
