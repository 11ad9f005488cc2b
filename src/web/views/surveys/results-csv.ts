import type { TFunction } from 'i18next';
import { neutraliseFormula } from '../../../core/applications/csv-columns';
import { BREAKDOWNS, type Breakdown, type Tally } from '../../../core/surveys/aggregate';
import { pickText } from '../../../core/surveys/survey';
import { type Question, scaleValuesOf } from '../../../core/surveys/survey-definition';
import type { SurveyResultsView } from '../../../services/surveys/survey-results';
import { breakdownHeading, groupLabel, typeLabel, valueLabel } from './survey-labels';

/**
 * A survey's results as CSV rows, in the viewer's language: the same figures as the results page
 * (nothing the small-group rule hides), one row per answer value and group, then the free text.
 *
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula, so such text cells are written with a leading apostrophe (OWASP "CSV injection"; the
 * same rule as the applications export, core neutraliseFormula). Numbers are written as numbers:
 * a number cannot be a formula.
 */
export type CsvCell = string | number;

export const neutraliseCell = (cell: CsvCell): string =>
  typeof cell === 'number' ? String(cell) : neutraliseFormula(cell);

const round1 = (value: number | null): CsvCell => (value === null ? '' : Math.round(value * 10) / 10);

const valuesOf = (question: Question): string[] =>
  question.type === 'scale' || question.type === 'nps'
    ? scaleValuesOf(question).map(String)
    : question.type === 'single' || question.type === 'multiple'
      ? question.options.map((option) => option.id)
      : [];

export const surveyResultsCsv = (t: TFunction, locale: string, view: SurveyResultsView): string[][] => {
  const header = [
    t('surveys:csv.question'),
    t('surveys:csv.prompt'),
    t('surveys:csv.type'),
    t('surveys:csv.breakdown'),
    t('surveys:csv.group'),
    t('surveys:csv.answer'),
    t('surveys:csv.people'),
    t('surveys:csv.share'),
    t('surveys:csv.mean'),
    t('surveys:csv.nps'),
  ];
  const rows: CsvCell[][] = [];
  view.survey.definition.questions.forEach((question, index) => {
    const result = view.results.questions[index]!;
    const start = [question.id, pickText(question.prompt, locale), typeLabel(t, question.type)];
    const tallyRows = (breakdown: string, group: string, tally: Tally) => {
      for (const value of valuesOf(question)) {
        const count = tally.counts[value] ?? 0;
        rows.push([
          ...start,
          breakdown,
          group,
          valueLabel(question, value, locale),
          count,
          round1(tally.n > 0 ? (count / tally.n) * 100 : null),
          '',
          '',
        ]);
      }
      rows.push([
        ...start,
        breakdown,
        group,
        t('surveys:csv.all'),
        tally.n,
        '',
        round1(tally.mean),
        round1(tally.nps?.score ?? null),
      ]);
    };
    if (!result.overall) {
      rows.push([
        ...start,
        t('surveys:csv.overall'),
        t('surveys:csv.everyone'),
        t('surveys:csv.hidden'),
        result.answered,
        '',
        '',
        '',
      ]);
      return;
    }
    if (question.type === 'text') {
      for (const text of result.texts ?? []) {
        rows.push([...start, t('surveys:csv.overall'), t('surveys:csv.everyone'), text, 1, '', '', '']);
      }
      return;
    }
    tallyRows(t('surveys:csv.overall'), t('surveys:csv.everyone'), result.overall);
    for (const breakdown of BREAKDOWNS as readonly Breakdown[]) {
      const groups = result.breakdowns?.[breakdown];
      if (!groups) continue;
      for (const group of groups.groups)
        tallyRows(breakdownHeading(t, breakdown), groupLabel(t, locale, breakdown, group.key), group.tally);
      if (groups.other) {
        tallyRows(
          breakdownHeading(t, breakdown),
          t('surveys:results.otherGroups', { count: groups.other.groupCount }),
          groups.other.tally,
        );
      }
    }
  });
  return [header, ...rows.map((row) => row.map(neutraliseCell))];
};
