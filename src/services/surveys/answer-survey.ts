import { hashToken } from '../../core/applications/application-token';
import type { FieldProblem } from '../../core/errors';
import type { Survey } from '../../core/surveys/survey';
import { isSurveyOpen } from '../../core/surveys/survey';
import { type AnswerSet, checkSurveyAnswers } from '../../core/surveys/survey-answers';
import { checkSurveyToken } from '../../core/surveys/survey-token';
import type { UseCaseDeps } from '../ports/deps';
import type { StoredSurveyLink } from '../ports/surveys';

/**
 * Answering a survey from the personal link, without signing in.
 *
 * Opening the link changes nothing (a mail scanner following it does no harm). Submitting records,
 * in one transaction, that this participant answered (its primary key refuses a second time) and
 * the answers with only the reporting attributes copied from the application: country, sector and
 * career stage. The answer row holds no application, person or time, and the respondent row holds
 * no answer, so the two cannot be joined.
 *
 * A second submission is told it was already answered and counts for nothing. Changing an answer
 * is not offered: it would need the answers to be found again from the person, which is exactly
 * the link the storage leaves out.
 */
export type SurveyLinkState =
  | { state: 'invalid' }
  | { state: 'expired' }
  | { state: 'closed'; survey: Survey }
  | { state: 'answered'; survey: Survey }
  | { state: 'open'; survey: Survey; roundName: string; programTimeZone: string };

interface OpenLink {
  link: StoredSurveyLink;
  survey: Survey;
}

/** The link's token checked (signature, expiry), then found by its hash. */
const resolveLink = async (
  deps: UseCaseDeps,
  token: string,
): Promise<{ state: 'invalid' } | { state: 'expired' } | ({ state: 'found' } & OpenLink)> => {
  const now = deps.clock.now();
  const checked = checkSurveyToken(token, now, (payload) => deps.hashKey(payload));
  if (checked.status !== 'valid') return { state: checked.status };
  const link = await deps.store.surveys.findLink(hashToken(token));
  if (!link) return { state: 'invalid' };
  const survey = await deps.store.surveys.findSurvey(link.surveyId);
  if (!survey) return { state: 'invalid' };
  return { state: 'found', link, survey };
};

/** What the link shows now: the form, or why not. Reads only. */
export const openSurveyLink = async (deps: UseCaseDeps, token: string): Promise<SurveyLinkState> => {
  const resolved = await resolveLink(deps, token);
  if (resolved.state !== 'found') return resolved;
  const { link, survey } = resolved;
  if (!isSurveyOpen(survey, deps.clock.now())) return { state: 'closed', survey };
  if (await deps.store.surveys.hasAnswered(survey.id, link.applicationId))
    return { state: 'answered', survey };
  const round = await deps.store.rounds.getRound(survey.roundId);
  return { state: 'open', survey, roundName: round.name, programTimeZone: round.programTimeZone };
};

export type SubmitSurveyResult =
  | Exclude<SurveyLinkState, { state: 'open' }>
  | { state: 'recorded'; survey: Survey }
  | {
      state: 'problems';
      survey: Survey;
      roundName: string;
      programTimeZone: string;
      problems: FieldProblem[];
      /** A value the form could not have sent (the web edge answers 400). */
      malformed: boolean;
    };

export const submitSurveyAnswers = async (
  deps: UseCaseDeps,
  input: { token: string; body: Record<string, unknown> },
): Promise<SubmitSurveyResult> => {
  const opened = await openSurveyLink(deps, input.token);
  if (opened.state !== 'open') return opened;
  const { survey } = opened;
  const checked = checkSurveyAnswers(survey.definition, input.body);
  if (!checked.ok) {
    return {
      state: 'problems',
      survey,
      roundName: opened.roundName,
      programTimeZone: opened.programTimeZone,
      problems: checked.problems,
      malformed: checked.malformed,
    };
  }
  const link = (await deps.store.surveys.findLink(hashToken(input.token)))!;
  return recordAnswers(deps, survey, link.applicationId, checked.answers);
};

/**
 * Records one participant's checked answers (a second time counts for nothing). The link's use
 * case above is the way in for people; the demo seed calls this for its synthetic respondents,
 * who have no link to follow.
 */
export const recordAnswers = async (
  deps: UseCaseDeps,
  survey: Survey,
  applicationId: string,
  answers: AnswerSet,
): Promise<SubmitSurveyResult> => {
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const isFirst = await store.surveys.recordRespondent(
      survey.id,
      applicationId,
      now.toISOString().slice(0, 10),
    );
    if (!isFirst) return { state: 'answered', survey };
    const attributes = (await store.surveys.findReportingAttributes(applicationId)) ?? {
      country: '',
      sector: '',
      careerStage: '',
    };
    await store.surveys.insertResponse({ id: deps.ids.newId(), surveyId: survey.id, answers, attributes });
    return { state: 'recorded', survey };
  });
};
