/** Public API of the matching engine (issue 3). See README.md. */
export { CandidateSweep } from './candidate-sweep';
export { maxWeightMatchingComplete } from './complete-graph';
export { MatchingInputError } from './errors';
export { maxWeightMatching } from './max-weight-matching';
export type {
  CandidateLists,
  CertifiedMatching,
  CompleteGraphProblem,
  DualBlossom,
  Edge,
  MatchingDuals,
  MatchingOptions,
  MatchingResult,
  ScoreTriangle,
  Verification,
} from './types';
export { verifyOptimality } from './verify-optimality';
