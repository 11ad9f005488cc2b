import { getCountryName } from '../../../core/countries';
import type { Viewer } from '../../../core/people/viewer';
import type { CoordinatorDashboard } from '../../../services/people/load-coordinator-dashboard';
import { roundDashboardPath } from '../dashboard/round-dashboard-view';
import { displayTimeZone, formatCalendarDate, formatTimeIn } from '../format';
import { hasMatchingBoard, matchingPath } from '../matching/matching-paths';
import { applicationsPath } from '../review/list-view';
import { useShell } from '../shell-context';
import { PROFILE_PATH, TimeZoneNote } from '../times';

export const DashboardView = ({
  viewer,
  dashboard,
  isOutboxEnabled,
}: {
  viewer: Viewer;
  dashboard: CoordinatorDashboard;
  isOutboxEnabled: boolean;
}) => {
  const { t, locale, timeZone } = useShell();
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
          <table class="table table--stack">
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
                    <a href={applicationsPath(round.id)}>{round.name}</a>
                    <a class="table__sub" href={roundDashboardPath(round.id)}>
                      {t('dashboard:linkFor', { round: round.name })}
                    </a>
                    {hasMatchingBoard(round.status) && (
                      <a class="table__sub" href={matchingPath(round.id)}>
                        {t('matching:board.linkFor', { round: round.name })}
                      </a>
                    )}
                  </th>
                  <td data-label={t('coordinator:dashboard.columns.status')}>
                    <div class={`tag tag--${round.status}`}>{t(`review:roundStatus.${round.status}`)}</div>
                  </td>
                  <td data-label={t('coordinator:dashboard.columns.applications')}>
                    {t('coordinator:dashboard.applicationsWindow', {
                      open: formatTimeIn(
                        round.applicationsOpenAt,
                        locale,
                        displayTimeZone(timeZone, round.timeZone),
                      ),
                      close: formatTimeIn(
                        round.applicationsCloseAt,
                        locale,
                        displayTimeZone(timeZone, round.timeZone),
                      ),
                    })}
                  </td>
                  <td data-label={t('coordinator:dashboard.columns.dates')}>
                    {t('coordinator:dashboard.roundDates', {
                      start: formatCalendarDate(round.startsOn, locale),
                      end: formatCalendarDate(round.endsOn, locale),
                    })}
                  </td>
                  <td data-label={t('coordinator:dashboard.columns.counts')}>
                    {round.totalApplications === 0 ? (
                      t('coordinator:dashboard.noApplications')
                    ) : (
                      <>
                        <p>
                          <a href={applicationsPath(round.id)}>
                            {t('coordinator:dashboard.total', { count: round.totalApplications })}
                          </a>
                        </p>
                        <ul class="counts">
                          {Object.entries(round.applicationCounts)
                            .sort(([a], [b]) => a.localeCompare(b))
                            .map(([status, count]) => (
                              <li data-status={status}>
                                <a
                                  href={`${applicationsPath(round.id)}?status=${encodeURIComponent(status)}`}
                                >
                                  {t('coordinator:dashboard.countByStatus', {
                                    status: t(`review:status.${status}`),
                                    count,
                                  })}
                                </a>
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
      <TimeZoneNote pageTimeZone="UTC" pageZone="rounds" />
      <p class="link-list">
        <a href="/coordinator/rounds">{t('coordinator:dashboard.roundsLink')}</a>
      </p>
      <p class="link-list">
        <a href={PROFILE_PATH}>{t('coordinator:profile.link')}</a>
      </p>
      {isOutboxEnabled && viewer.isProgramCoordinator && (
        <p class="link-list">
          <a href="/outbox">{t('coordinator:dashboard.outboxLink')}</a>
        </p>
      )}
    </section>
  );
};
