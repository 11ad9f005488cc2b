import { hashToken } from '../../core/applications/application-token';
import type { Survey } from '../../core/surveys/survey';
import { formatSurveyToken } from '../../core/surveys/survey-token';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';

/**
 * A participant's personal link to a survey outside the survey's own emails (the closing email of
 * a round carries the end-of-round survey's). The same token as the invitation's: signed, expiring
 * when the survey closes, only its hash stored; the caller stores `row` in the transaction that
 * queues the email. Answering from either link counts once.
 */
export type EndOfRoundSurvey =
  | { state: 'open'; survey: Survey }
  | { state: 'later'; survey: Survey }
  | { state: 'none' };

/** The round's scheduled end-of-round survey: open now, opening later, or none (drafts and closed ones are none). */
export const findEndOfRoundSurvey = async (
  store: Pick<Store, 'surveys'>,
  roundId: string,
  now: Date,
): Promise<EndOfRoundSurvey> => {
  const surveys = (await store.surveys.listSurveys(roundId)).filter(
    (survey) =>
      survey.kind === 'end-of-round' &&
      survey.status === 'scheduled' &&
      now.getTime() < survey.closesAt.getTime(),
  );
  const open = surveys.find((survey) => now.getTime() >= survey.sendAt.getTime());
  if (open) return { state: 'open', survey: open };
  const later = surveys[0];
  return later ? { state: 'later', survey: later } : { state: 'none' };
};

export const prepareSurveyLink = (
  deps: Pick<UseCaseDeps, 'ids' | 'hashKey'>,
  survey: Pick<Survey, 'id' | 'closesAt'>,
  applicationId: string,
): {
  token: string;
  row: { tokenHash: string; surveyId: string; applicationId: string; expiresAt: Date };
} => {
  const { token, expiresAt } = formatSurveyToken(deps.ids.newToken(), survey.closesAt, (payload) =>
    deps.hashKey(payload),
  );
  return { token, row: { tokenHash: hashToken(token), surveyId: survey.id, applicationId, expiresAt } };
};
