import type { Child } from 'hono/jsx';
import { getCountryName } from '../../../core/countries';
import type { MatchRun } from '../../../core/matchmaking';
import { MAX_FIT_POINTS } from '../../../core/scoring/match-settings';
import type { MatchBoard } from '../../../services/matching/match-board';
import { useTimes } from '../format';
import { useShell } from '../shell-context';
import { formatNumber } from './matching-words';
import { ScrollRegion } from './scroll-region';

/**
 * The figures of the run shown: how many are matched and how well, whether the result is proven
 * optimal, how long it took, how the fits spread (a table whose bars are plain CSS, so it reads
 * the same without JavaScript and to a screen reader), and the figures by country.
 */
type ShownRun = NonNullable<MatchBoard['run']>;

export const isCertified = (result: MatchRun): boolean =>
  result.certificate.pairStage.certified && (result.certificate.trioStage?.certified ?? true);

/** The width class of a bar: a share of the largest, in steps of 5%. */
const barClass = (value: number, largest: number) =>
  `bar bar--${largest === 0 ? 0 : Math.round((value / largest) * 20) * 5}`;

const FitDistributionTable = ({ result }: { result: MatchRun }) => {
  const { t, locale } = useShell();
  const { bands } = result.fitDistribution;
  const largest = Math.max(0, ...bands);
  const bandWidth = MAX_FIT_POINTS / bands.length;
  return (
    <table class="table distribution">
      <caption>{t('matching:summary.distributionCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('matching:summary.bandColumn')}</th>
          <th scope="col" class="num">
            {t('matching:summary.partnershipsColumn')}
          </th>
          <th scope="col">
            <span class="visually-hidden">{t('matching:summary.barColumn')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {bands.map((count, index) => (
          <tr>
            <th scope="row">
              {t('matching:summary.band', {
                from: formatNumber(locale, index * bandWidth),
                to: formatNumber(locale, (index + 1) * bandWidth - (index === bands.length - 1 ? 0 : 1)),
              })}
            </th>
            <td class="num">{formatNumber(locale, count)}</td>
            <td class="distribution__bar">
              <span class={barClass(count, largest)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const CountryTable = ({ result }: { result: MatchRun }) => {
  const { t, locale } = useShell();
  const rows = [...result.byCountry].sort((a, b) =>
    getCountryName(a.country, locale).localeCompare(getCountryName(b.country, locale), locale),
  );
  return (
    <ScrollRegion labelledBy="by-country-caption">
      <table class="table table--stack">
        <caption id="by-country-caption">{t('matching:summary.byCountryCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matching:summary.countryColumn')}</th>
            <th scope="col" class="num">
              {t('matching:summary.participantsColumn')}
            </th>
            <th scope="col" class="num">
              {t('matching:summary.matchedColumn')}
            </th>
            <th scope="col" class="num">
              {t('matching:summary.triosColumn')}
            </th>
            <th scope="col" class="num">
              {t('matching:summary.unmatchedColumn')}
            </th>
            <th scope="col" class="num">
              {t('matching:summary.meanFitColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">{getCountryName(row.country, locale)}</th>
              <td class="num" data-label={t('matching:summary.participantsColumn')}>
                {formatNumber(locale, row.participants)}
              </td>
              <td class="num" data-label={t('matching:summary.matchedColumn')}>
                {formatNumber(locale, row.inPartnerships)}
              </td>
              <td class="num" data-label={t('matching:summary.triosColumn')}>
                {formatNumber(locale, row.inTrios)}
              </td>
              <td class="num" data-label={t('matching:summary.unmatchedColumn')}>
                {formatNumber(locale, row.unmatched)}
              </td>
              <td class="num" data-label={t('matching:summary.meanFitColumn')}>
                {formatNumber(locale, row.meanFit)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
};

export const RunSummary = ({
  run,
  timeZone,
  isWholeRound,
  publishControl,
}: {
  run: ShownRun;
  timeZone: string;
  /** False for country coordinators: the counts are of their countries. */
  isWholeRound: boolean;
  /** The way to publish this run, when the viewer may. */
  publishControl?: Child;
}) => {
  const { t, locale } = useShell();
  const times = useTimes(timeZone);
  const { result } = run;
  const matched = result.partnerships.reduce((sum, p) => sum + p.applicationIds.length, 0);
  const trios = result.partnerships.filter((p) => p.applicationIds.length === 3).length;
  const figures: [string, string][] = [
    [t('matching:summary.partnerships'), formatNumber(locale, result.partnerships.length)],
    [t('matching:summary.matched'), formatNumber(locale, matched)],
    [t('matching:summary.unmatched'), formatNumber(locale, result.unmatched.length)],
    [t('matching:summary.trios'), formatNumber(locale, trios)],
    [t('matching:summary.totalFit'), formatNumber(locale, result.totalFit)],
    [t('matching:summary.meanFit'), formatNumber(locale, result.fitDistribution.mean)],
    [t('matching:summary.optimal'), t(isCertified(result) ? 'matching:summary.yes' : 'matching:summary.no')],
    [
      t('matching:summary.seconds'),
      t('matching:summary.secondsValue', { seconds: formatNumber(locale, run.seconds) }),
    ],
  ];
  return (
    <section aria-labelledby="run-summary">
      <h2 id="run-summary">
        {t('matching:summary.heading', { number: run.number })}{' '}
        <span class="tag">{t(`matching:runStatus.${run.status}`)}</span>
      </h2>
      <p>
        {t('matching:summary.madeAt', {
          at: times.format(run.createdAt, 'long'),
          objective: t(`matching:objective.${result.objective}.label`),
        })}
      </p>
      {!isWholeRound && <p>{t('matching:summary.scopeNote')}</p>}
      <dl class="figures">
        {figures.map(([label, value]) => (
          <div class="figures__item">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p class="field__hint">
        {t(isCertified(result) ? 'matching:summary.optimalHint' : 'matching:summary.notOptimalHint')}
      </p>
      {result.skipped.length > 0 && <p>{t('matching:summary.skipped', { count: result.skipped.length })}</p>}
      {publishControl}
      <FitDistributionTable result={result} />
      <CountryTable result={result} />
    </section>
  );
};
