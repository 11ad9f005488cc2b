import { type NpsScore, npsFromCounts } from './nps';
import type { AnswerSet } from './survey-answers';
import { type Question, type QuestionType, type SurveyDefinition, scaleValuesOf } from './survey-definition';

/**
 * Survey results from stored answers, with the small-group rule: no figure describes fewer than
 * MIN_GROUP_SIZE people.
 *
 * - A question's overall results are shown only when at least five people answered it; below
 *   that only the number who answered is given.
 * - Breakdowns (by country, sector, career stage) show each group of at least five. Smaller groups
 *   are put together as "other groups" when together they are at least five. When they are fewer
 *   (1–4 people), the overall figure minus the groups shown would give them away by subtraction,
 *   so the smallest shown groups join them until the combined group reaches five (secondary
 *   suppression, as statistical offices do with tables of counts).
 * - Free-text answers are never broken down, are shown only when at least five people wrote one,
 *   and in alphabetical order, so their order says nothing about who wrote them.
 *
 * Pure: the answers and their reporting attributes in, the results out. O(responses × questions).
 */
export const MIN_GROUP_SIZE = 5;

export const BREAKDOWNS = ['country', 'sector', 'careerStage'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** What a stored answer keeps about the person, copied when they answered: for breakdowns only. */
export interface ReportingAttributes {
  country: string;
  sector: string;
  careerStage: string;
}

export interface SurveyResponse {
  answers: AnswerSet;
  attributes: ReportingAttributes;
}

export interface Tally {
  /** People who answered the question. */
  n: number;
  /**
   * Answers per value: option id, or the number as text for scale and net promoter. Every value
   * the question offers is present (zero when nobody chose it). For multiple choice a person
   * counts once for each option they chose.
   */
  counts: Record<string, number>;
  /** Mean answer of a scale or net-promoter question; null for other types. */
  mean: number | null;
  /** Net promoter questions only. */
  nps: NpsScore | null;
}

export interface GroupTally {
  key: string;
  tally: Tally;
}

export interface BreakdownResult {
  /** Groups of at least MIN_GROUP_SIZE, largest first. */
  groups: GroupTally[];
  /** The groups not shown, put together (at least MIN_GROUP_SIZE people); null when none. */
  other: { groupCount: number; tally: Tally } | null;
}

export interface QuestionResult {
  questionId: string;
  type: QuestionType;
  /** How many people answered it (always shown: a count says nothing about anyone's answer). */
  answered: number;
  /** Null when fewer than MIN_GROUP_SIZE answered. */
  overall: Tally | null;
  /** Null with the overall results, and for free-text questions. */
  breakdowns: Record<Breakdown, BreakdownResult> | null;
  /** Free text only, and only when at least MIN_GROUP_SIZE wrote one; sorted. */
  texts: string[] | null;
}

export interface SurveyResults {
  responses: number;
  minGroupSize: number;
  questions: QuestionResult[];
}

interface Accumulator {
  n: number;
  sum: number;
  counts: Record<string, number>;
}

const valuesOf = (question: Question): string[] => {
  switch (question.type) {
    case 'scale':
    case 'nps':
      return scaleValuesOf(question).map(String);
    case 'single':
    case 'multiple':
      return question.options.map((option) => option.id);
    case 'text':
      return [];
  }
};

const emptyAccumulator = (question: Question): Accumulator => ({
  n: 0,
  sum: 0,
  counts: Object.fromEntries(valuesOf(question).map((value) => [value, 0])),
});

/** Adds one answer; an answer the question does not offer (a changed definition) is not counted. */
const add = (question: Question, accumulator: Accumulator, answer: AnswerSet[string]): boolean => {
  const chosen = Array.isArray(answer) ? answer : [String(answer)];
  if (question.type === 'text') {
    accumulator.n++;
    return true;
  }
  const known = chosen.filter((value) => value in accumulator.counts);
  if (known.length === 0) return false;
  accumulator.n++;
  for (const value of known) accumulator.counts[value]!++;
  if (typeof answer === 'number') accumulator.sum += answer;
  return true;
};

const merge = (question: Question, parts: Accumulator[]): Accumulator => {
  const merged = emptyAccumulator(question);
  for (const part of parts) {
    merged.n += part.n;
    merged.sum += part.sum;
    for (const [value, count] of Object.entries(part.counts))
      merged.counts[value] = (merged.counts[value] ?? 0) + count;
  }
  return merged;
};

const toTally = (question: Question, accumulator: Accumulator): Tally => ({
  n: accumulator.n,
  counts: { ...accumulator.counts },
  mean:
    (question.type === 'scale' || question.type === 'nps') && accumulator.n > 0
      ? accumulator.sum / accumulator.n
      : null,
  nps: question.type === 'nps' ? npsFromCounts(accumulator.counts) : null,
});

/**
 * Which groups may be shown, and the rest put together, under the small-group rule (see above).
 * Exported for its tests; `groups` is not changed.
 */
export const suppressSmallGroups = <G extends { key: string; n: number }>(
  groups: readonly G[],
  minGroupSize = MIN_GROUP_SIZE,
): { shown: G[]; hidden: G[]; hiddenCount: number } => {
  const sorted = [...groups]
    .filter((group) => group.n > 0)
    .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  const shown = sorted.filter((group) => group.n >= minGroupSize);
  const hidden = sorted.filter((group) => group.n < minGroupSize);
  let hiddenCount = hidden.reduce((sum, group) => sum + group.n, 0);
  // Invariant after the loop: hiddenCount is 0 or at least minGroupSize, unless nothing is shown.
  while (hiddenCount > 0 && hiddenCount < minGroupSize && shown.length > 0) {
    const smallest = shown.pop()!;
    hidden.push(smallest);
    hiddenCount += smallest.n;
  }
  if (hiddenCount > 0 && hiddenCount < minGroupSize) return { shown: [], hidden: sorted, hiddenCount };
  return { shown, hidden, hiddenCount };
};

const breakdownOf = (
  question: Question,
  byGroup: Map<string, Accumulator>,
  minGroupSize: number,
): BreakdownResult => {
  const groups = [...byGroup].map(([key, accumulator]) => ({ key, n: accumulator.n, accumulator }));
  const { shown, hidden, hiddenCount } = suppressSmallGroups(groups, minGroupSize);
  return {
    groups: shown.map((group) => ({ key: group.key, tally: toTally(question, group.accumulator) })),
    other:
      hiddenCount >= minGroupSize
        ? {
            groupCount: hidden.length,
            tally: toTally(
              question,
              merge(
                question,
                hidden.map((group) => group.accumulator),
              ),
            ),
          }
        : null,
  };
};

/** The results of one survey's answers under the small-group rule. */
export const aggregateSurvey = (
  definition: SurveyDefinition,
  responses: readonly SurveyResponse[],
  options: { minGroupSize?: number; includeTexts?: boolean } = {},
): SurveyResults => {
  const minGroupSize = Math.max(options.minGroupSize ?? MIN_GROUP_SIZE, MIN_GROUP_SIZE);
  const questions = definition.questions.map((question): QuestionResult => {
    const overall = emptyAccumulator(question);
    const byBreakdown = Object.fromEntries(
      BREAKDOWNS.map((breakdown) => [breakdown, new Map<string, Accumulator>()]),
    ) as Record<Breakdown, Map<string, Accumulator>>;
    const texts: string[] = [];
    for (const response of responses) {
      const answer = response.answers[question.id];
      if (answer === undefined || (typeof answer === 'string' && answer === '')) continue;
      if (!add(question, overall, answer)) continue;
      if (question.type === 'text') {
        texts.push(String(answer));
        continue;
      }
      for (const breakdown of BREAKDOWNS) {
        const key = response.attributes[breakdown] || 'unknown';
        const groups = byBreakdown[breakdown];
        let group = groups.get(key);
        if (!group) {
          group = emptyAccumulator(question);
          groups.set(key, group);
        }
        add(question, group, answer);
      }
    }
    const isShown = overall.n >= minGroupSize;
    return {
      questionId: question.id,
      type: question.type,
      answered: overall.n,
      overall: isShown ? toTally(question, overall) : null,
      breakdowns:
        isShown && question.type !== 'text'
          ? (Object.fromEntries(
              BREAKDOWNS.map((breakdown) => [
                breakdown,
                breakdownOf(question, byBreakdown[breakdown], minGroupSize),
              ]),
            ) as Record<Breakdown, BreakdownResult>)
          : null,
      texts:
        question.type === 'text' && isShown && options.includeTexts !== false
          ? texts.sort((a, b) => a.localeCompare(b))
          : null,
    };
  });
  return { responses: responses.length, minGroupSize, questions };
};

/** A share as a percentage (0–100), or null for an empty group. */
export const percentOf = (count: number, total: number): number | null =>
  total > 0 ? (count / total) * 100 : null;
