import type { CheckInAnswer } from '../../../core/checkins/check-in';
import type { SilenceReason } from '../../../core/checkins/silent-partners';

/** The answers as pages show them (first person, as the participant gives them). */
export const ANSWER_KEYS: Record<CheckInAnswer, string> = {
  'in-touch': 'checkins:answer.in-touch',
  'not-yet': 'checkins:answer.not-yet',
  'not-responding': 'checkins:answer.not-responding',
};

export const REASON_KEYS: Record<SilenceReason, string> = {
  'reported-not-responding': 'checkins:coordinator.reason.reported-not-responding',
  'no-check-in': 'checkins:coordinator.reason.no-check-in',
};
