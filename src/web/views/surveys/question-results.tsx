import {
  BREAKDOWNS,
  type Breakdown,
  type BreakdownResult,
  type QuestionResult,
  type Tally,
} from '../../../core/surveys/aggregate';
import { pickText } from '../../../core/surveys/survey';
import { type Question, scaleValuesOf } from '../../../core/surveys/survey-definition';
import { ChartLegend, ChartSvg } from '../charts/bar-chart';
import { type Domain, layoutBars, layoutStacked, type RowInput } from '../charts/chart-layout';
import { useShell } from '../shell-context';
import {
  breakdownHeading,
  formatDecimal,
  formatNps,
  formatPercent,
  groupLabel,
  typeLabel,
  valueLabel,
} from './survey-labels';

/**
 * One question's results: the answers overall (chart and table), the average or net promoter
 * score, and the breakdowns by country, sector and career stage, each chart followed by its table.
 * Everything shown has passed core's small-group rule; this view only draws it.
 */
const share = (count: number, total: number) => (total > 0 ? (count / total) * 100 : 0);

const valuesOf = (question: Question, tally: Tally): string[] =>
  question.type === 'scale' || question.type === 'nps'
    ? scaleValuesOf(question).map(String)
    : question.type === 'text'
      ? []
      : question.options.map((option) => option.id).filter((id) => id in tally.counts);

const OverallResults = ({
  question,
  tally,
  contentLocale,
  id,
}: {
  question: Question;
  tally: Tally;
  contentLocale: string;
  id: string;
}) => {
  const { t, locale } = useShell();
  const values = valuesOf(question, tally);
  const rows: RowInput[] = values.map((value) => {
    const count = tally.counts[value] ?? 0;
    return {
      label: valueLabel(question, value, contentLocale),
      bars: [
        {
          value: share(count, tally.n),
          series: 0,
          text: `${count} · ${formatPercent(locale, share(count, tally.n))}`,
        },
      ],
    };
  });
  return (
    <figure class="chart-figure">
      <figcaption id={`${id}-overall`}>{t('surveys:results.overallCaption', { count: tally.n })}</figcaption>
      <ChartSvg
        layout={layoutBars(rows, { min: 0, max: 100 })}
        formatTick={(value) => formatPercent(locale, value)}
      />
      <div class="table-scroll">
        <table aria-labelledby={`${id}-overall`}>
          <thead>
            <tr>
              <th scope="col">{t('surveys:results.answer')}</th>
              <th scope="col" class="num">
                {t('surveys:results.people')}
              </th>
              <th scope="col" class="num">
                {t('surveys:results.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {values.map((value) => (
              <tr>
                <th scope="row">{valueLabel(question, value, contentLocale)}</th>
                <td class="num">{tally.counts[value] ?? 0}</td>
                <td class="num">{formatPercent(locale, share(tally.counts[value] ?? 0, tally.n))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {question.type === 'multiple' && <p class="field__hint">{t('surveys:results.multipleNote')}</p>}
    </figure>
  );
};

/** The headline figure: the average of a scale, the score of a net promoter question. */
export const Headline = ({ question, tally }: { question: Question; tally: Tally }) => {
  const { t, locale } = useShell();
  if (question.type === 'scale' && tally.mean !== null) {
    return (
      <p class="survey-headline">
        {t('surveys:results.average', {
          value: formatDecimal(locale, tally.mean),
          min: question.min,
          max: question.max,
        })}
      </p>
    );
  }
  if (question.type === 'nps' && tally.nps) {
    return (
      <p class="survey-headline">
        {t('surveys:results.nps', {
          score: formatNps(locale, tally.nps.score),
          promoters: tally.nps.promoters,
          passives: tally.nps.passives,
          detractors: tally.nps.detractors,
        })}
      </p>
    );
  }
  return null;
};

interface GroupRow {
  label: string;
  tally: Tally;
}

const groupRowsOf = (
  breakdown: Breakdown,
  result: BreakdownResult,
  t: ReturnType<typeof useShell>['t'],
  locale: string,
): GroupRow[] => [
  ...result.groups.map((group) => ({
    label: groupLabel(t, locale, breakdown, group.key),
    tally: group.tally,
  })),
  ...(result.other
    ? [
        {
          label: t('surveys:results.otherGroups', { count: result.other.groupCount }),
          tally: result.other.tally,
        },
      ]
    : []),
];

const BreakdownResults = ({
  question,
  breakdown,
  result,
  contentLocale,
  id,
}: {
  question: Question;
  breakdown: Breakdown;
  result: BreakdownResult;
  contentLocale: string;
  id: string;
}) => {
  const { t, locale } = useShell();
  const groups = groupRowsOf(breakdown, result, t, locale);
  const captionId = `${id}-${breakdown}`;
  const isNumeric = question.type === 'scale' || question.type === 'nps';
  const options = question.type === 'single' || question.type === 'multiple' ? question.options : [];
  let chart = null;
  if (question.type === 'scale' || question.type === 'nps') {
    const domain: Domain =
      question.type === 'nps' ? { min: -100, max: 100 } : { min: question.min, max: question.max };
    const rows = groups.map((group) => {
      const value =
        question.type === 'nps' ? (group.tally.nps?.score ?? 0) : (group.tally.mean ?? domain.min);
      const text = question.type === 'nps' ? formatNps(locale, value) : formatDecimal(locale, value);
      return { label: group.label, bars: [{ value, series: 0, text }] };
    });
    chart = (
      <ChartSvg
        layout={layoutBars(rows, domain)}
        formatTick={(value) =>
          question.type === 'nps' ? formatNps(locale, value) : formatDecimal(locale, value)
        }
      />
    );
  } else {
    const rows = groups.map((group) => ({
      label: group.label,
      bars: options.map((option, series) => {
        const percent = share(group.tally.counts[option.id] ?? 0, group.tally.n);
        return { value: percent, series, text: formatPercent(locale, percent) };
      }),
    }));
    chart = (
      <>
        <ChartLegend series={options.map((option) => pickText(option.label, contentLocale))} />
        <ChartSvg
          layout={question.type === 'single' ? layoutStacked(rows) : layoutBars(rows, { min: 0, max: 100 })}
          formatTick={(value) => formatPercent(locale, value)}
        />
      </>
    );
  }
  return (
    <figure class="chart-figure">
      <figcaption id={captionId}>{breakdownHeading(t, breakdown)}</figcaption>
      {result.groups.length === 0 && <p class="field__hint">{t('surveys:results.allGroupsSmall')}</p>}
      {chart}
      <div class="table-scroll">
        <table aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{t('surveys:results.group')}</th>
              <th scope="col" class="num">
                {t('surveys:results.people')}
              </th>
              {question.type === 'scale' && (
                <th scope="col" class="num">
                  {t('surveys:results.averageColumn')}
                </th>
              )}
              {question.type === 'nps' && (
                <th scope="col" class="num">
                  {t('surveys:results.npsColumn')}
                </th>
              )}
              {!isNumeric &&
                options.map((option) => (
                  <th scope="col" class="num">
                    {pickText(option.label, contentLocale)}
                  </th>
                ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr>
                <th scope="row">{group.label}</th>
                <td class="num">{group.tally.n}</td>
                {question.type === 'scale' && <td class="num">{formatDecimal(locale, group.tally.mean)}</td>}
                {question.type === 'nps' && (
                  <td class="num">{formatNps(locale, group.tally.nps?.score ?? null)}</td>
                )}
                {!isNumeric &&
                  options.map((option) => (
                    <td class="num">
                      {formatPercent(locale, share(group.tally.counts[option.id] ?? 0, group.tally.n))}
                    </td>
                  ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
};

export const QuestionResults = ({
  question,
  result,
  number,
  contentLocale,
  headingLevel = 2,
  idPrefix = '',
}: {
  question: Question;
  result: QuestionResult;
  number: number;
  contentLocale: string;
  headingLevel?: 2 | 3;
  /** Keeps element ids unique when several surveys share a page. */
  idPrefix?: string;
}) => {
  const { t } = useShell();
  const id = `${idPrefix}question-${question.id}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section class="question-results" aria-labelledby={id}>
      <Heading id={id}>
        {t('surveys:results.questionHeading', { number, prompt: pickText(question.prompt, contentLocale) })}
      </Heading>
      <p class="field__hint">
        {typeLabel(t, question.type)} · {t('surveys:results.answered', { count: result.answered })}
      </p>
      {!result.overall ? (
        <p class="notice notice--info">{t('surveys:results.tooFew', { min: 5 })}</p>
      ) : (
        <>
          <Headline question={question} tally={result.overall} />
          {question.type !== 'text' && (
            <OverallResults
              question={question}
              tally={result.overall}
              contentLocale={contentLocale}
              id={id}
            />
          )}
          {result.texts && (
            <>
              <SubHeading>{t('surveys:results.texts')}</SubHeading>
              <p class="field__hint">{t('surveys:results.textsNote')}</p>
              <ul class="survey-texts">
                {result.texts.map((text) => (
                  <li>{text}</li>
                ))}
              </ul>
            </>
          )}
          {result.breakdowns &&
            BREAKDOWNS.map((breakdown) => (
              <BreakdownResults
                question={question}
                breakdown={breakdown}
                result={result.breakdowns![breakdown]}
                contentLocale={contentLocale}
                id={id}
              />
            ))}
        </>
      )}
    </section>
  );
};
