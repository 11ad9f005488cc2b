import type { MatchRun, MatchSnapshot } from '../../core/matchmaking';

/**
 * A run as the engine computed it. Besides the result, the run's three parts in the form they are
 * stored (JSON): the snapshot, the result and the explanation of each partnership. They are made
 * where the run is computed, so a run of thousands (about 18 MB of JSON at 10,000 people) is never
 * copied between threads as objects nor serialised again on the thread that answers requests.
 */
export interface ComputedMatch {
  result: MatchRun;
  stored: EncodedMatchRun;
  /** Wall time of the computation. */
  seconds: number;
}

/** JSON texts of a run's snapshot (`MatchSnapshot`), result (`MatchRun`) and explanations (`PartnershipExplanation[]`). */
export interface EncodedMatchRun {
  snapshot: string;
  result: string;
  explanations: string;
}

/**
 * Computes match runs. A run over thousands of people takes seconds of CPU, so the server's engine
 * runs it off the main thread (workers/); tests and the CLI may compute in place. Either way the
 * result is the pure function core/matchmaking computeMatchRun of the snapshot.
 */
export interface MatchEngine {
  compute: (snapshot: MatchSnapshot) => Promise<ComputedMatch>;
}
