import { parentPort } from 'node:worker_threads';
import type { MatchSnapshot } from '../core/matchmaking';
import { computeMatch } from '../services/matching/compute-in-place';

/**
 * The match engine's thread: computes each match run (and its explanations) it is sent, one at a
 * time, and posts each result back under the request's id; an error goes back as its message and
 * stack. The thread lives as long as the server, so its compiled code stays warm between runs.
 */
parentPort?.on('message', (request: { id: number; snapshot: MatchSnapshot }) => {
  try {
    parentPort?.postMessage({ id: request.id, ok: true, computed: computeMatch(request.snapshot) });
  } catch (error) {
    parentPort?.postMessage({
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
  }
});
