import { getCountryName } from '../../../core/countries';
import type { Viewer } from '../../../core/people/viewer';
import type { CoordinatorDashboard } from '../../../services/people/load-coordinator-dashboard';
import { formatCalendarDate, formatInstant } from '../format';
import { hasMatchingBoard, matchingPath } from '../matching/matching-paths';
import { useShell } from '../shell-context';

export const DashboardView = ({
  viewer,
  dashboard,
  isOutboxEnabled,
}: {
  viewer: Viewer;
  dashboard: CoordinatorDashboard;
  isOutboxEnabled: boolean;
}) => {
  const { t, locale } = useShell();
  const countries = dashboard.countryCodes?.map((code) => getCountryName(code, locale)).join(', ');
  return (
    <section class="dashboard">
      <h1>{t('coordinator:dashboard.title')}</h1>
      <p class="lead">{t('coordinator:dashboard.greeting', { name: viewer.name })}</p>
      <p>
        {dashboard.countryCodes
          ? t('coordinator:dashboard.scopeCountries', { countries })
          : t('coordinator:dashboard.scopeAll')}
      </p>
      <h2>{t('coordinator:dashboard.roundsHeading')}</h2>
      {dashboard.rounds.length === 0 ? (
        <p>{t('coordinator:dashboard.noRounds')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('coordinator:dashboard.columns.round')}</th>
                <th scope="col">{t('coordinator:dashboard.columns.status')}</th>
                <th scope="col">{t('coordinator:dashboard.columns.applications')}</th>
                <th scope="col">{t('coordinator:dashboard.columns.dates')}</th>
                <th scope="col">{t('coordinator:dashboard.columns.counts')}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.rounds.map((round) => (
                <tr data-round-id={round.id}>
                  <th scope="row">
                    <a href={`/coordinator/rounds/${encodeURIComponent(round.id)}/applications`}>
                      {round.name}
                    </a>
                    {hasMatchingBoard(round.status) && (
                      <a class="table__sub" href={matchingPath(round.id)}>
                        {t('matching:board.linkFor', { round: round.name })}
                      </a>
                    )}
                  </th>
                  <td>
                    <div class={`tag tag--${round.status}`}>{t(`review:roundStatus.${round.status}`)}</div>
                  </td>
                  <td>
                    {t('coordinator:dashboard.applicationsWindow', {
                      open: formatInstant(round.applicationsOpenAt, locale, round.timeZone),
                      close: formatInstant(round.applicationsCloseAt, locale, round.timeZone),
                    })}
                  </td>
                  <td>
                    {t('coordinator:dashboard.roundDates', {
                      start: formatCalendarDate(round.startsOn, locale),
                      end: formatCalendarDate(round.endsOn, locale),
                    })}
                  </td>
                  <td>
                    {round.totalApplications === 0 ? (
                      t('coordinator:dashboard.noApplications')
                    ) : (
                      <>
                        <p>{t('coordinator:dashboard.total', { count: round.totalApplications })}</p>
                        <ul class="counts">
                          {Object.entries(round.applicationCounts)
                            .sort(([a], [b]) => a.localeCompare(b))
                            .map(([status, count]) => (
                              <li data-status={status}>
                                {t('coordinator:dashboard.countByStatus', {
                                  status: t(`review:status.${status}`),
                                  count,
                                })}
                              </li>
                            ))}
                        </ul>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="link-list">
        <a href="/coordinator/rounds">{t('coordinator:dashboard.roundsLink')}</a>
      </p>
      {isOutboxEnabled && viewer.isProgramCoordinator && (
        <p class="link-list">
          <a href="/outbox">{t('coordinator:dashboard.outboxLink')}</a>
        </p>
      )}
    </section>
  );
};
