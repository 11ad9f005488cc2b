/**
 * A check-in: a participant's short answer to "did you connect with your partner?", one per
 * participant and fortnight of the round. The answer can change during the fortnight (someone who
 * answered "not yet" writes to their partner the next day); the latest answer is the one kept.
 */
export const CHECK_IN_ANSWERS = ['in-touch', 'not-yet', 'not-responding'] as const;
export type CheckInAnswer = (typeof CHECK_IN_ANSWERS)[number];

export const isCheckInAnswer = (value: unknown): value is CheckInAnswer =>
  typeof value === 'string' && (CHECK_IN_ANSWERS as readonly string[]).includes(value);

/** Where an answer came from: a link in an email, or the participants' area. */
export const CHECK_IN_SOURCES = ['link', 'area'] as const;
export type CheckInSource = (typeof CHECK_IN_SOURCES)[number];

export interface CheckIn {
  /** The participant's application in the round. */
  applicationId: string;
  roundId: string;
  /** 1, 2, … (core/checkins/fortnights.ts). */
  fortnight: number;
  /** The partnership they were in when they answered. */
  partnershipId: string;
  answer: CheckInAnswer;
  /** When the answer now kept was given. */
  answeredAt: Date;
  source: CheckInSource;
}

/** What recording an answer did: the first answer of the fortnight, the same again, or a change. */
export type CheckInOutcome = 'recorded' | 'unchanged' | 'changed';

export const outcomeOfAnswer = (
  previous: CheckInAnswer | undefined,
  answer: CheckInAnswer,
): CheckInOutcome => (previous === undefined ? 'recorded' : previous === answer ? 'unchanged' : 'changed');
