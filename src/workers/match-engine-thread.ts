import { parentPort } from 'node:worker_threads';
import { computeEncodedMatch } from '../services/matching/compute-in-place';

/**
 * The match engine's thread: computes each match run (and its explanations) it is sent, one at a
 * time, from the snapshot's JSON, and posts back the result's and the explanations' JSON under the
 * request's id (texts cross threads as one copy; objects would be rebuilt piece by piece on the main
 * thread). An error goes back as its message and stack. The thread lives as long as the server, so
 * its compiled code stays warm between runs.
 */
parentPort?.on('message', (request: { id: number; snapshotJson: string }) => {
  try {
    const { stored, seconds } = computeEncodedMatch(request.snapshotJson);
    parentPort?.postMessage({
      id: request.id,
      ok: true,
      result: stored.result,
      explanations: stored.explanations,
      seconds,
    });
  } catch (error) {
    parentPort?.postMessage({
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
  }
});
