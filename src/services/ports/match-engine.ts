import type { MatchRun, MatchSnapshot, PartnershipExplanation } from '../../core/matchmaking';

/** A run as the engine computed it, with the explanation of each of its partnerships. */
export interface ComputedMatch {
  result: MatchRun;
  explanations: PartnershipExplanation[];
  /** Wall time of the computation. */
  seconds: number;
}

/**
 * Computes match runs. A run over thousands of people takes seconds of CPU, so the server's engine
 * runs it off the main thread (workers/); tests and the CLI may compute in place. Either way the
 * result is the pure function core/matchmaking computeMatchRun of the snapshot.
 */
export interface MatchEngine {
  compute: (snapshot: MatchSnapshot) => Promise<ComputedMatch>;
}
