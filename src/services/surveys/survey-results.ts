import { actorIdOf, type Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import {
  aggregateSurvey,
  type ComparisonRow,
  compareSurveys,
  type RoundSurveySummary,
  type Survey,
  type SurveyPhase,
  type SurveyResults,
  summarizeSurvey,
  surveyPhaseAt,
} from '../../core/surveys';
import type { UseCaseDeps } from '../ports/deps';
import type { SurveyCounts } from '../ports/surveys';
import { getSurvey } from './manage-surveys';

/**
 * A survey's results for coordinators (program and country coordinators alike: every figure is
 * under the small-group rule, so nobody sees an answer that points at a person): the response
 * rate, each question overall and by country, sector and career stage, the free text when at
 * least five wrote some, and the same kind of survey in earlier rounds beside it.
 */
export interface SurveyResultsView {
  survey: Survey;
  round: Round;
  phase: SurveyPhase;
  counts: SurveyCounts;
  results: SurveyResults;
  comparison: { questionIds: string[]; rows: ComparisonRow[] };
}

const summaryOf = async (
  deps: UseCaseDeps,
  survey: Survey,
  round: Round,
  counts: SurveyCounts,
): Promise<RoundSurveySummary> => ({
  surveyId: survey.id,
  roundId: round.id,
  roundName: round.name,
  startsOn: round.startsOn,
  ...summarizeSurvey(survey.definition, await deps.store.surveys.listResponses(survey.id), counts.invited),
});

export const loadSurveyResults = async (
  deps: UseCaseDeps,
  viewer: Viewer | null,
  surveyId: string,
): Promise<SurveyResultsView> => {
  const { survey, round } = await getSurvey(deps, viewer, surveyId);
  const responses = await deps.store.surveys.listResponses(survey.id);
  const earlierSurveys = (await deps.store.surveys.listSurveysOfKind(survey.kind)).filter(
    (other) => other.id !== survey.id && other.status === 'scheduled',
  );
  const allCounts = await deps.store.surveys.countSurveys([
    survey.id,
    ...earlierSurveys.map((other) => other.id),
  ]);
  const countsOf = (id: string): SurveyCounts =>
    allCounts.find((counts) => counts.surveyId === id) ?? {
      surveyId: id,
      invited: 0,
      reminded: 0,
      answered: 0,
    };
  const counts = countsOf(survey.id);
  const earlier: RoundSurveySummary[] = [];
  for (const other of earlierSurveys) {
    const otherRound = await deps.store.rounds.findRound(other.roundId);
    if (otherRound && otherRound.startsOn < round.startsOn) {
      earlier.push(await summaryOf(deps, other, otherRound, countsOf(other.id)));
    }
  }
  const current: RoundSurveySummary = {
    surveyId: survey.id,
    roundId: round.id,
    roundName: round.name,
    startsOn: round.startsOn,
    ...summarizeSurvey(survey.definition, responses, counts.invited),
  };
  return {
    survey,
    round,
    phase: surveyPhaseAt(survey, deps.clock.now()),
    counts,
    results: aggregateSurvey(survey.definition, responses),
    comparison: compareSurveys(survey.definition, current, earlier),
  };
};

/** The same results for a CSV file; the export is audited. */
export const exportSurveyResults = async (
  deps: UseCaseDeps,
  viewer: Viewer | null,
  surveyId: string,
): Promise<SurveyResultsView> => {
  const view = await loadSurveyResults(deps, viewer, surveyId);
  const now = deps.clock.now();
  await deps.uow.transaction((store) =>
    store.audit.record(
      {
        actorPersonId: actorIdOf(viewer!),
        action: 'survey.exported',
        subjectType: 'survey',
        subjectId: view.survey.id,
        details: { roundId: view.round.id, responses: view.results.responses },
      },
      now,
    ),
  );
  return view;
};
