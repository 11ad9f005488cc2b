import type { MatchRunSummary } from '../../../services/ports/matching';
import { SelectField } from '../components';
import { useTimes } from '../format';
import { useShell } from '../shell-context';
import { toBoardQueryString } from './board-model';
import { comparePath, matchingPath } from './matching-paths';
import { formatNumber } from './matching-words';
import { ScrollRegion } from './scroll-region';

/** The runs of a round, newest first, each leading to its board; and the form comparing two of them. */
export const RunsTable = ({
  roundId,
  runs,
  shownRunId,
  timeZone,
}: {
  roundId: string;
  runs: MatchRunSummary[];
  shownRunId: string | undefined;
  timeZone: string;
}) => {
  const { t, locale } = useShell();
  const times = useTimes(timeZone);
  return (
    <ScrollRegion labelledBy="runs-caption">
      <table class="table table--stack">
        <caption id="runs-caption">{t('matching:runs.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matching:runs.number')}</th>
            <th scope="col">{t('matching:runs.objective')}</th>
            <th scope="col" class="num">
              {t('matching:runs.partnerships')}
            </th>
            <th scope="col" class="num">
              {t('matching:runs.unmatched')}
            </th>
            <th scope="col" class="num">
              {t('matching:runs.totalFit')}
            </th>
            <th scope="col">{t('matching:runs.optimal')}</th>
            <th scope="col">{t('matching:runs.status')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr>
              <th scope="row">
                {run.id === shownRunId ? (
                  <span aria-current="true">{t('matching:runs.shown', { number: run.number })}</span>
                ) : (
                  <a
                    href={`${matchingPath(roundId)}${toBoardQueryString({ runId: run.id, page: 1, search: undefined, country: undefined, show: 'all', sort: 'fit' })}`}
                  >
                    {t('matching:runs.show', { number: run.number })}
                  </a>
                )}
                <span class="table__sub">{times.format(run.createdAt)}</span>
              </th>
              <td data-label={t('matching:runs.objective')}>
                {t(`matching:objective.${run.objective}.label`, { defaultValue: run.objective })}
              </td>
              <td class="num" data-label={t('matching:runs.partnerships')}>
                {formatNumber(locale, run.partnerships)}
              </td>
              <td class="num" data-label={t('matching:runs.unmatched')}>
                {formatNumber(locale, run.unmatched)}
              </td>
              <td class="num" data-label={t('matching:runs.totalFit')}>
                {formatNumber(locale, run.totalFit)}
              </td>
              <td data-label={t('matching:runs.optimal')}>
                {t(run.isOptimal ? 'matching:summary.yes' : 'matching:summary.no')}
              </td>
              <td data-label={t('matching:runs.status')}>{t(`matching:runStatus.${run.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
};

export const CompareForm = ({ roundId, runs }: { roundId: string; runs: MatchRunSummary[] }) => {
  const { t } = useShell();
  const options = runs.map((run) => ({
    value: run.id,
    label: t('matching:runs.show', { number: run.number }),
  }));
  return (
    <form method="get" action={comparePath(roundId)} class="filters panel">
      <h3 id="compare-runs">{t('matching:compare.formHeading')}</h3>
      <SelectField
        name="before"
        id="compare-before"
        label={t('matching:compare.before')}
        options={options}
        value={runs[1]?.id}
        required
      />
      <SelectField
        name="after"
        id="compare-after"
        label={t('matching:compare.after')}
        options={options}
        value={runs[0]?.id}
        required
      />
      <div class="actions filters__actions">
        <button type="submit" class="button">
          {t('matching:compare.submit')}
        </button>
      </div>
    </form>
  );
};
