/** Public API of the fit score (issue 10). See docs/decisions/0010-fit-score-and-match-runs.md. */
export { MatchInputError } from './errors';
export {
  BLOCKED_CALL_OVERLAP,
  BLOCKED_EXCLUDED,
  BLOCKED_NO_LANGUAGE,
  BLOCKED_PAST_PARTNERS,
  BLOCKED_SAME_COUNTRY,
  BLOCKED_SAME_PERSON,
  type FitScorer,
  FORBIDDEN,
  PAIR_ALLOWED,
  type PairFit,
  scorePair,
} from './fit-scorer';
export {
  AttentionSettingsSchema,
  AvailabilityFitSchema,
  DEFAULT_MATCH_SETTINGS,
  FIT_PARTS,
  type FitPart,
  type FitWeights,
  FitWeightsSchema,
  MAX_FIT_POINTS,
  type MatchRules,
  MatchRulesSchema,
  type MatchSettings,
  type MatchSettingsInput,
  MatchSettingsSchema,
} from './match-settings';
export { buildPairFitTable, type PairFitTable } from './pair-fit-table';
export { listPairBreaches, RULE_CODES, type RuleBreach, type RuleCode } from './partnership-rules';
export {
  type MatchAnswers,
  type PairConstraints,
  type PoolMember,
  prepareScoringPool,
  type ScoringPool,
} from './scoring-pool';
export { buildTextVectors, type TextVectors, type VocabularyTerm } from './text-vectors';
export { type Token, tokenizeText } from './tokenize';
export { createFitScorer } from './wasm-fit-scorer';
