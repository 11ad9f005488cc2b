import { aggregateSurvey, MIN_GROUP_SIZE, type SurveyResponse } from './aggregate';
import type { SurveyDefinition } from './survey-definition';

/**
 * A survey's headline figures, for comparing the same kind of survey across rounds: how many were
 * invited and answered, the net promoter score of its first net-promoter question, and the mean
 * answer of each scale and net-promoter question, by question id (a survey copied from an earlier
 * round keeps its ids, so the same question is found again). Figures describing fewer than five
 * people are left out, as everywhere.
 */
export interface SurveySummary {
  invited: number;
  responses: number;
  /** 0–100; null when nobody was invited. */
  responseRate: number | null;
  nps: number | null;
  means: Record<string, number>;
}

export const summarizeSurvey = (
  definition: SurveyDefinition,
  responses: readonly SurveyResponse[],
  invited: number,
): SurveySummary => {
  const results = aggregateSurvey(definition, responses, { includeTexts: false });
  const means: Record<string, number> = {};
  let nps: number | null = null;
  for (const question of results.questions) {
    if (!question.overall) continue;
    if (question.overall.mean !== null) means[question.questionId] = question.overall.mean;
    if (nps === null && question.overall.nps?.score != null) nps = question.overall.nps.score;
  }
  return {
    invited,
    responses: responses.length,
    responseRate: invited > 0 ? (Math.min(responses.length, invited) / invited) * 100 : null,
    nps: responses.length >= MIN_GROUP_SIZE ? nps : null,
    means,
  };
};

export interface RoundSurveySummary extends SurveySummary {
  surveyId: string;
  roundId: string;
  roundName: string;
  /** The round's first day, for ordering. */
  startsOn: string;
}

export interface ComparisonRow extends RoundSurveySummary {
  isCurrent: boolean;
  /** Means of the current survey's scale and net-promoter questions, in its order (null: not asked or too few). */
  questionMeans: (number | null)[];
}

/**
 * The current survey beside earlier ones of the same kind, oldest round first, with the current
 * last. Only the current survey's scale and net-promoter questions are compared.
 */
export const compareSurveys = (
  definition: SurveyDefinition,
  current: RoundSurveySummary,
  earlier: readonly RoundSurveySummary[],
): { questionIds: string[]; rows: ComparisonRow[] } => {
  const questionIds = definition.questions
    .filter((question) => question.type === 'scale' || question.type === 'nps')
    .map((question) => question.id);
  const row = (summary: RoundSurveySummary, isCurrent: boolean): ComparisonRow => ({
    ...summary,
    isCurrent,
    questionMeans: questionIds.map((id) => summary.means[id] ?? null),
  });
  const older = [...earlier]
    .filter((summary) => summary.surveyId !== current.surveyId && summary.startsOn < current.startsOn)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.roundName.localeCompare(b.roundName));
  return { questionIds, rows: [...older.map((summary) => row(summary, false)), row(current, true)] };
};
