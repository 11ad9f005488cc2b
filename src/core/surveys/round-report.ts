import { aggregateSurvey, type SurveyResponse, type SurveyResults } from './aggregate';
import type { LocalizedText, Survey, SurveyKind } from './survey';
import type { SurveyDefinition } from './survey-definition';

/**
 * A round's survey report: each survey's response rate and results under the small-group rule,
 * without free text (what people wrote is for coordinators, never for the public site). A program
 * coordinator publishes it; the public page shows the copy made then, so what the public reads is
 * what was approved, and the page costs nothing to compute.
 */
export interface ReportedSurvey {
  surveyId: string;
  kind: SurveyKind;
  title: LocalizedText;
  invited: number;
  responses: number;
  /** 0–100, null when nobody was invited. */
  responseRate: number | null;
  /** The questions without free text, to name what the results are about. */
  definition: SurveyDefinition;
  results: SurveyResults;
}

export interface RoundReport {
  version: 1;
  roundId: string;
  roundName: string;
  startsOn: string;
  endsOn: string;
  /** ISO-8601 instant the report was made. */
  generatedAt: string;
  surveys: ReportedSurvey[];
}

export interface SurveyWithAnswers {
  survey: Pick<Survey, 'id' | 'kind' | 'title' | 'definition'>;
  responses: readonly SurveyResponse[];
  invited: number;
}

export const buildRoundReport = (
  round: { id: string; name: string; startsOn: string; endsOn: string },
  surveys: readonly SurveyWithAnswers[],
  now: Date,
): RoundReport => ({
  version: 1,
  roundId: round.id,
  roundName: round.name,
  startsOn: round.startsOn,
  endsOn: round.endsOn,
  generatedAt: now.toISOString(),
  surveys: surveys.map(({ survey, responses, invited }) => {
    const definition = {
      questions: survey.definition.questions.filter((question) => question.type !== 'text'),
    };
    return {
      surveyId: survey.id,
      kind: survey.kind,
      title: survey.title,
      invited,
      responses: responses.length,
      responseRate: invited > 0 ? (Math.min(responses.length, invited) / invited) * 100 : null,
      definition,
      results: aggregateSurvey(definition, responses, { includeTexts: false }),
    };
  }),
});
