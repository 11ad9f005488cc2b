export { formatDeadlineFor, resolveDeadlineAt, resolveStartOfDayAt } from './deadlines';
export { ROUND_STATUSES, type Round, type RoundStatus } from './round';
export {
  computeDefaultRoundDates,
  computeRoundEndsAt,
  computeRoundStartsAt,
  DEFAULT_ROUND_LENGTH_MONTHS,
} from './round-dates';
export {
  createDraftRound,
  type RoundEditorInput,
  RoundEditorSchema,
  type RoundSettings,
  validateRoundEditorInput,
} from './round-editor';
export {
  assertRoundTransition,
  canTransitionRound,
  findDueTransition,
  findTransitionRefusal,
  ROUND_TRANSITIONS,
  type TransitionRefusal,
  transitionRound,
} from './round-lifecycle';
export {
  findCurrentOrNextRound,
  findRoundPhase,
  isAcceptingApplications,
  type RoundPhase,
} from './round-schedule';
