/**
 * Public API of matchmaking (issue 10): match runs over a round's accepted applications, and the
 * helpers around them. See docs/decisions/0010-fit-score-and-match-runs.md.
 */
export {
  ATTENTION_CODES,
  type AttentionCode,
  type AttentionItem,
  type AttentionReason,
  listAttention,
} from './attention-list';
export { checkPartnership } from './check-partnership';
export { compareMatchRuns, type PartnerChange, type RunComparison } from './compare-runs';
export { computeMatchRun } from './compute-match-run';
export {
  type CriterionCheck,
  explainPartnerships,
  type PairExplanation,
  type PartnershipExplanation,
  type PreferenceCheck,
} from './explain-partnership';
export type {
  CountryFigures,
  FitDistribution,
  MatchRun,
  PartnerPair,
  Partnership,
  RejectedLock,
  SkippedApplication,
  UnmatchedParticipant,
} from './match-run';
export {
  MATCH_OBJECTIVES,
  MatchAnswersSchema,
  type MatchApplication,
  MatchApplicationSchema,
  type MatchObjective,
  type MatchSnapshot,
  type MatchSnapshotInput,
  MatchSnapshotSchema,
} from './match-snapshot';
export type { StageCertificate } from './pair-stage';
export { type RepairInput, type RepairResult, repairMatches } from './repair-run';
export { type SolverGraph, toSolverGraph } from './solver-graph';
export { UNMATCHED_CODES, type UnmatchedCode, type UnmatchedReason } from './unmatched-reasons';
export { type MatchRunProblem, verifyMatchRun } from './verify-match-run';
