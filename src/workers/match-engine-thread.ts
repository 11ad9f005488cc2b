import { parentPort, workerData } from 'node:worker_threads';
import type { MatchSnapshot } from '../core/matchmaking';
import { computeMatch } from '../services/matching/compute-in-place';

/**
 * A worker thread's body: computes one match run (and its explanations) from the snapshot it was
 * given and posts the result back; an error is posted as its message and stack.
 */
const { snapshot } = workerData as { snapshot: MatchSnapshot; entry: string };
try {
  parentPort?.postMessage({ ok: true, computed: computeMatch(snapshot) });
} catch (error) {
  parentPort?.postMessage({
    ok: false,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
}
