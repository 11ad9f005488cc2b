import type { Round, RoundStatus } from '../../../core/rounds';
import { displayTimeZone, formatCalendarDate, formatTimeIn } from '../format';
import { hasMatchingBoard, matchingPath } from '../matching/matching-paths';
import { useShell } from '../shell-context';

/** The rounds list coordinators start from, with each round's stage. */
export const RoundStatusLabel = ({ status }: { status: RoundStatus }) => {
  const { t } = useShell();
  return <>{t(`review:roundStatus.${status}`)}</>;
};

export const RoundsListView = ({ rounds, canManage }: { rounds: Round[]; canManage: boolean }) => {
  const { t, locale, timeZone } = useShell();
  return (
    <section>
      <h1>{t('review:rounds.title')}</h1>
      <p class="lead">{t('review:rounds.intro')}</p>
      {canManage && (
        <p>
          <a class="button" href="/coordinator/rounds/new">
            {t('review:rounds.newRound')}
          </a>
        </p>
      )}
      {rounds.length === 0 ? (
        <p>{t('review:rounds.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table table--stack">
            <thead>
              <tr>
                <th scope="col">{t('review:rounds.columns.name')}</th>
                <th scope="col">{t('review:rounds.columns.status')}</th>
                <th scope="col">{t('review:rounds.columns.applications')}</th>
                <th scope="col">{t('review:rounds.columns.dates')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr data-round-id={round.id}>
                  <th scope="row">
                    {canManage ? <a href={`/coordinator/rounds/${round.id}`}>{round.name}</a> : round.name}
                    <br />
                    <a class="table__sub" href={`/coordinator/rounds/${round.id}/applications`}>
                      {t('review:rounds.review')}
                    </a>
                    {hasMatchingBoard(round.status) && (
                      <a class="table__sub" href={matchingPath(round.id)}>
                        {t('matching:board.link')}
                      </a>
                    )}
                    <br />
                    <a class="table__sub" href={`/coordinator/rounds/${round.id}/topics`}>
                      {t('topics:calendar.link')}
                    </a>
                  </th>
                  <td data-label={t('review:rounds.columns.status')}>
                    <div class={`tag tag--${round.status}`}>
                      <RoundStatusLabel status={round.status} />
                    </div>
                  </td>
                  <td data-label={t('review:rounds.columns.applications')}>
                    {t('review:rounds.window', {
                      open: formatTimeIn(
                        round.applicationsOpenAt,
                        locale,
                        displayTimeZone(timeZone, round.programTimeZone),
                      ),
                      close: formatTimeIn(
                        round.applicationsCloseAt,
                        locale,
                        displayTimeZone(timeZone, round.programTimeZone),
                      ),
                    })}
                  </td>
                  <td data-label={t('review:rounds.columns.dates')}>
                    {t('review:rounds.dates', {
                      start: formatCalendarDate(round.startsOn, locale),
                      end: formatCalendarDate(round.endsOn, locale),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
