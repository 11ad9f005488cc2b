import { computeMatchRun, explainPartnerships, type MatchSnapshot } from '../../core/matchmaking';
import type { ComputedMatch, MatchEngine } from '../ports/match-engine';

/**
 * The run and its explanations, computed on this thread from the snapshot's JSON (pure: the same
 * snapshot, the same result), with the JSON texts they are stored as.
 */
export const computeEncodedMatch = (snapshotJson: string): ComputedMatch => {
  const started = performance.now();
  const snapshot = JSON.parse(snapshotJson) as MatchSnapshot;
  const result = computeMatchRun(snapshot);
  const explanations = explainPartnerships(
    snapshot,
    result.partnerships.map((partnership) => partnership.applicationIds),
  );
  return {
    result,
    stored: {
      snapshot: snapshotJson,
      result: JSON.stringify(result),
      explanations: JSON.stringify(explanations),
    },
    seconds: (performance.now() - started) / 1000,
  };
};

/** An engine that computes on the calling thread: for the CLI, tests, and small rounds. */
export const inPlaceMatchEngine: MatchEngine = {
  compute: async (snapshot) => computeEncodedMatch(JSON.stringify(snapshot)),
};
