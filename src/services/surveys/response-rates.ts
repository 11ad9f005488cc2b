import type { Viewer } from '../../core/people/viewer';
import { type LocalizedText, type SurveyKind, type SurveyPhase, surveyPhaseAt } from '../../core/surveys';
import { assertCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';

/** How many of those invited answered each survey of a round (the coordinators' dashboard shows these). */
export interface SurveyResponseRate {
  surveyId: string;
  kind: SurveyKind;
  title: LocalizedText;
  phase: SurveyPhase;
  invited: number;
  answered: number;
  /** 0–100; null while nobody has been invited. */
  rate: number | null;
}

/** For other use cases (the dashboard's): no access check, the caller has made it. */
export const readSurveyResponseRates = async (
  store: Pick<Store, 'surveys'>,
  roundId: string,
  now: Date,
): Promise<SurveyResponseRate[]> => {
  const surveys = await store.surveys.listSurveys(roundId);
  const counts = await store.surveys.countSurveys(surveys.map((survey) => survey.id));
  return surveys.map((survey) => {
    const count = counts.find((c) => c.surveyId === survey.id);
    const invited = count?.invited ?? 0;
    const answered = count?.answered ?? 0;
    return {
      surveyId: survey.id,
      kind: survey.kind,
      title: survey.title,
      phase: surveyPhaseAt(survey, now),
      invited,
      answered,
      rate: invited > 0 ? (Math.min(answered, invited) / invited) * 100 : null,
    };
  });
};

export const listSurveyResponseRates = (
  deps: UseCaseDeps,
  viewer: Viewer | null,
  roundId: string,
): Promise<SurveyResponseRate[]> => {
  assertCoordinator(viewer, 'see survey response rates');
  return readSurveyResponseRates(deps.store, roundId, deps.clock.now());
};
