import type { Survey } from './survey';

/**
 * What a survey has due at a moment, as a pure function of the survey and the time: invitations
 * from its send moment, the one reminder from its reminder moment, nothing once it has closed or
 * while it is a draft. Who still needs each (the participants without one) is the database's
 * part; a kind stays due until everyone who should have it has it.
 */
export const SURVEY_DELIVERY_KINDS = ['invitation', 'reminder'] as const;
export type SurveyDeliveryKind = (typeof SURVEY_DELIVERY_KINDS)[number];

export const dueDeliveryKinds = (
  survey: Pick<Survey, 'status' | 'sendAt' | 'remindAt' | 'closesAt'>,
  now: Date,
): SurveyDeliveryKind[] => {
  const at = now.getTime();
  if (survey.status !== 'scheduled' || at >= survey.closesAt.getTime()) return [];
  const due: SurveyDeliveryKind[] = [];
  if (at >= survey.sendAt.getTime()) due.push('invitation');
  if (at >= survey.remindAt.getTime()) due.push('reminder');
  return due;
};

/**
 * Who a reminder is for: invited before the reminder moment (someone invited later, say a
 * replacement partner or a catch-up after downtime, has only just had the invitation) and not
 * answered. The database query applies the same rule; this is its statement for tests and docs.
 */
export const needsReminder = (
  survey: Pick<Survey, 'remindAt'>,
  participant: { invitedAt: Date | null; hasAnswered: boolean; hasBeenReminded: boolean },
): boolean =>
  participant.invitedAt !== null &&
  participant.invitedAt.getTime() < survey.remindAt.getTime() &&
  !participant.hasAnswered &&
  !participant.hasBeenReminded;
