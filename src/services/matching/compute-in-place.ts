import { computeMatchRun, explainPartnerships, type MatchSnapshot } from '../../core/matchmaking';
import type { ComputedMatch, MatchEngine } from '../ports/match-engine';

/** The run and its explanations, computed on this thread (pure: the same snapshot, the same result). */
export const computeMatch = (snapshot: MatchSnapshot): ComputedMatch => {
  const started = performance.now();
  const result = computeMatchRun(snapshot);
  const explanations = explainPartnerships(
    snapshot,
    result.partnerships.map((partnership) => partnership.applicationIds),
  );
  return { result, explanations, seconds: (performance.now() - started) / 1000 };
};

/** An engine that computes on the calling thread: for the CLI, tests, and small rounds. */
export const inPlaceMatchEngine: MatchEngine = {
  compute: async (snapshot) => computeMatch(snapshot),
};
