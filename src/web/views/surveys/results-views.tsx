import type { RoundReport } from '../../../core/surveys';
import { pickText } from '../../../core/surveys/survey';
import type { PublishedRoundReport } from '../../../services/ports/surveys';
import type { SurveyResultsView } from '../../../services/surveys/survey-results';
import { ChartSvg } from '../charts/bar-chart';
import { layoutBars } from '../charts/chart-layout';
import { BackLink, CsrfField, Notice } from '../components';
import { formatCalendarDate, formatInstant } from '../format';
import { useShell } from '../shell-context';
import { QuestionResults } from './question-results';
import { formatDecimal, formatNps, formatPercent, kindLabel, phaseLabel } from './survey-labels';

/**
 * A survey's results page for coordinators, and a round's report (the coordinators' printable
 * copy and the public page). The small-group rule is core's; these only say it is applied.
 */
const SmallGroupNote = () => {
  const { t } = useShell();
  return <p class="field__hint">{t('surveys:results.smallGroups', { min: 5 })}</p>;
};

const ResponseRate = ({
  invited,
  answered,
  reminded,
}: {
  invited: number;
  answered: number;
  reminded?: number;
}) => {
  const { t, locale } = useShell();
  const rate = invited > 0 ? (Math.min(answered, invited) / invited) * 100 : null;
  return (
    <dl class="survey-figures">
      <div>
        <dt>{t('surveys:results.invited')}</dt>
        <dd>{invited}</dd>
      </div>
      {reminded !== undefined && (
        <div>
          <dt>{t('surveys:results.reminded')}</dt>
          <dd>{reminded}</dd>
        </div>
      )}
      <div>
        <dt>{t('surveys:results.responses')}</dt>
        <dd>{answered}</dd>
      </div>
      <div>
        <dt>{t('surveys:results.responseRate')}</dt>
        <dd>{formatPercent(locale, rate)}</dd>
      </div>
    </dl>
  );
};

const Comparison = ({ view }: { view: SurveyResultsView }) => {
  const { t, locale } = useShell();
  const { rows, questionIds } = view.comparison;
  const questions = questionIds.map(
    (id) => view.survey.definition.questions.find((question) => question.id === id)!,
  );
  if (rows.length < 2)
    return <p>{t('surveys:results.noEarlier', { kind: kindLabel(t, view.survey.kind) })}</p>;
  const rateRows = rows.map((row) => ({
    label: row.roundName,
    bars: [
      {
        value: row.responseRate ?? 0,
        series: row.isCurrent ? 1 : 0,
        text: formatPercent(locale, row.responseRate),
      },
    ],
  }));
  return (
    <figure class="chart-figure">
      <figcaption id="comparison-caption">
        {t('surveys:results.comparisonCaption', { kind: kindLabel(t, view.survey.kind) })}
      </figcaption>
      <ChartSvg
        layout={layoutBars(rateRows, { min: 0, max: 100 })}
        formatTick={(value) => formatPercent(locale, value)}
      />
      <div class="table-scroll">
        <table aria-labelledby="comparison-caption">
          <thead>
            <tr>
              <th scope="col">{t('surveys:results.round')}</th>
              <th scope="col" class="num">
                {t('surveys:results.invited')}
              </th>
              <th scope="col" class="num">
                {t('surveys:results.responses')}
              </th>
              <th scope="col" class="num">
                {t('surveys:results.responseRate')}
              </th>
              <th scope="col" class="num">
                {t('surveys:results.npsColumn')}
              </th>
              {questions.map((question) => (
                <th scope="col" class="num">
                  {t('surveys:results.meanOf', { prompt: pickText(question.prompt, locale) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr class={row.isCurrent ? 'is-current' : undefined}>
                <th scope="row">
                  {row.roundName}
                  {row.isCurrent && <span class="visually-hidden"> {t('surveys:results.thisRound')}</span>}
                </th>
                <td class="num">{row.invited}</td>
                <td class="num">{row.responses}</td>
                <td class="num">{formatPercent(locale, row.responseRate)}</td>
                <td class="num">{formatNps(locale, row.nps)}</td>
                {row.questionMeans.map((mean) => (
                  <td class="num">{formatDecimal(locale, mean)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
};

export const SurveyResultsPage = ({ view, canPublish }: { view: SurveyResultsView; canPublish: boolean }) => {
  const { t, locale } = useShell();
  const { survey, round } = view;
  const base = `/coordinator/surveys/${survey.id}`;
  return (
    <article class="survey-results">
      <BackLink href={base} label={t('surveys:results.back')} />
      <h1>{t('surveys:results.title', { title: pickText(survey.title, locale) })}</h1>
      <p>
        {round.name} · {kindLabel(t, survey.kind)} · {phaseLabel(t, view.phase)}
      </p>
      <p class="actions no-print">
        <a class="button button--secondary" href={`${base}/results.csv`}>
          {t('surveys:results.export')}
        </a>
        <a href={`/coordinator/surveys/rounds/${round.id}/report`}>
          {canPublish ? t('surveys:results.reportAndPublish') : t('surveys:results.report')}
        </a>
      </p>
      <h2>{t('surveys:results.responseRateHeading')}</h2>
      <ResponseRate
        invited={view.counts.invited}
        answered={view.counts.answered}
        reminded={view.counts.reminded}
      />
      <SmallGroupNote />
      {survey.definition.questions.map((question, index) => (
        <QuestionResults
          question={question}
          result={view.results.questions[index]!}
          number={index + 1}
          contentLocale={locale}
        />
      ))}
      <h2>{t('surveys:results.comparisonHeading')}</h2>
      <Comparison view={view} />
    </article>
  );
};

/** A round's report: each survey's response rate and results; no free text. */
export const RoundReportBody = ({ report }: { report: RoundReport }) => {
  const { t, locale } = useShell();
  return (
    <>
      <p>
        {t('surveys:report.dates', {
          start: formatCalendarDate(report.startsOn, locale),
          end: formatCalendarDate(report.endsOn, locale),
        })}
      </p>
      <SmallGroupNote />
      {report.surveys.length === 0 && <p>{t('surveys:report.noSurveys')}</p>}
      {report.surveys.map((survey) => (
        <section class="report-survey" aria-labelledby={`survey-${survey.surveyId}`}>
          <h2 id={`survey-${survey.surveyId}`}>
            {pickText(survey.title, locale)} <span class="field__hint">({kindLabel(t, survey.kind)})</span>
          </h2>
          <ResponseRate invited={survey.invited} answered={survey.responses} />
          {survey.definition.questions.map((question, index) => (
            <QuestionResults
              question={question}
              result={survey.results.questions[index]!}
              number={index + 1}
              contentLocale={locale}
              headingLevel={3}
              idPrefix={`s${survey.surveyId}-`}
            />
          ))}
        </section>
      ))}
    </>
  );
};

export const CoordinatorReportPage = ({
  report,
  published,
  canPublish,
  csrfToken,
}: {
  report: RoundReport;
  published: PublishedRoundReport | undefined;
  canPublish: boolean;
  csrfToken: string;
}) => {
  const { t, locale } = useShell();
  const base = `/coordinator/surveys/rounds/${report.roundId}/report`;
  return (
    <article class="round-report">
      <BackLink href="/coordinator/surveys" label={t('surveys:builder.back')} />
      <h1>{t('surveys:report.title', { round: report.roundName })}</h1>
      <div class="no-print">
        {published ? (
          <Notice kind="success" title={t('surveys:report.publishedTitle')}>
            <p>
              {t('surveys:report.publishedBody', {
                at: formatInstant(published.publishedAt, locale, 'UTC', { zoneName: true }),
              })}{' '}
              <a href={`/reports/${report.roundId}`}>{t('surveys:report.publicLink')}</a>
            </p>
          </Notice>
        ) : (
          <p>{t('surveys:report.notPublished')}</p>
        )}
        <p>{t('surveys:report.printHint')}</p>
        {canPublish && (
          <p class="actions">
            <form method="post" action={`${base}/publish`} class="inline-form">
              <CsrfField token={csrfToken} />
              <button type="submit" class="button">
                {published ? t('surveys:report.republish') : t('surveys:report.publish')}
              </button>
            </form>
            {published && (
              <form method="post" action={`${base}/unpublish`} class="inline-form">
                <CsrfField token={csrfToken} />
                <button type="submit" class="button button--secondary">
                  {t('surveys:report.unpublish')}
                </button>
              </form>
            )}
          </p>
        )}
      </div>
      <RoundReportBody report={report} />
    </article>
  );
};

export const PublicReportPage = ({ published }: { published: PublishedRoundReport }) => {
  const { t, locale } = useShell();
  return (
    <article class="round-report">
      <BackLink href="/reports" label={t('surveys:public.back')} />
      <h1>{t('surveys:report.title', { round: published.report.roundName })}</h1>
      <p class="field__hint">
        {t('surveys:public.published', {
          date: formatCalendarDate(published.publishedAt.toISOString().slice(0, 10), locale),
        })}
      </p>
      <RoundReportBody report={published.report} />
    </article>
  );
};

export const PublicReportsListPage = ({ reports }: { reports: PublishedRoundReport[] }) => {
  const { t } = useShell();
  return (
    <article>
      <h1>{t('surveys:public.title')}</h1>
      <p class="lead">{t('surveys:public.lead')}</p>
      {reports.length === 0 ? (
        <p>{t('surveys:public.none')}</p>
      ) : (
        <ul>
          {reports.map((published) => (
            <li>
              <a href={`/reports/${published.roundId}`}>{published.report.roundName}</a>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
};
