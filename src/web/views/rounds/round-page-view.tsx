import type { Round, RoundStatus } from '../../../core/rounds';
import { BackLink, CsrfField } from '../components';
import { roundDashboardPath } from '../dashboard/round-dashboard-view';
import { formatCalendarDate, formatTimeZone, useTimes } from '../format';
import { hasMatchingBoard, matchingPath } from '../matching/matching-paths';
import { useShell } from '../shell-context';

/** A round's own page: its stage, the moves it can make, and its settings. */
export interface StageOption {
  to: RoundStatus;
  /** Why it cannot happen now, or undefined when it can. */
  refusal: string | undefined;
}

export const RoundPageView = ({
  round,
  stages,
  csrfToken,
}: {
  round: Round;
  stages: StageOption[];
  csrfToken: string;
}) => {
  const { t, locale } = useShell();
  const times = useTimes(round.programTimeZone);
  return (
    <section>
      <BackLink href="/coordinator/rounds" label={t('review:rounds.backToRounds')} />
      <h1>{round.name}</h1>
      <p>
        <a class="button" href={`/coordinator/rounds/${round.id}/applications`}>
          {t('review:rounds.review')}
        </a>{' '}
        <a class="button" href={`/coordinator/rounds/${round.id}/topics`}>
          {t('topics:calendar.link')}
        </a>{' '}
        <a class="button" href={roundDashboardPath(round.id)}>
          {t('dashboard:link')}
        </a>
        {hasMatchingBoard(round.status) && (
          <>
            {' '}
            <a class="button" href={matchingPath(round.id)}>
              {t('matching:board.link')}
            </a>
          </>
        )}
        {(round.status === 'under-way' || round.status === 'finished') && (
          <>
            {' '}
            <a class="button button--secondary" href={`/coordinator/rounds/${round.id}/partnerships`}>
              {t('partnerships:roundLink')}
            </a>{' '}
            <a class="button button--secondary" href={`/coordinator/rounds/${round.id}/check-ins`}>
              {t('checkins:coordinator.roundLink')}
            </a>
          </>
        )}
      </p>
      <h2>{t('review:rounds.stageHeading')}</h2>
      <p>{t('review:rounds.currentStage', { status: t(`review:roundStatus.${round.status}`) })}</p>
      {stages.length === 0 ? (
        <p>{t('review:rounds.finishedNote')}</p>
      ) : (
        <ul class="stage-list">
          {stages.map((stage) => (
            <li>
              <form method="post" action={`/coordinator/rounds/${round.id}/status`}>
                <CsrfField token={csrfToken} />
                <input type="hidden" name="to" value={stage.to} />
                <button
                  type="submit"
                  class="button button--secondary"
                  aria-describedby={stage.refusal ? `refusal-${stage.to}` : undefined}
                >
                  {t(`review:transition.${stage.to}`)}
                </button>
                {stage.refusal && (
                  <p class="field__hint" id={`refusal-${stage.to}`}>
                    {t('review:rounds.unavailable')}: {stage.refusal}
                  </p>
                )}
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('review:rounds.settingsHeading')}</h2>
      <ul class="settings-list">
        <li>
          {t('review:rounds.window', {
            open: times.format(round.applicationsOpenAt, 'long'),
            close: times.format(round.applicationsCloseAt, 'long'),
          })}
        </li>
        <li>{t('review:rounds.timeZone', { zone: formatTimeZone(round.programTimeZone) })}</li>
        <li>
          {t('review:rounds.dates', {
            start: formatCalendarDate(round.startsOn, locale),
            end: formatCalendarDate(round.endsOn, locale),
          })}
        </li>
        <li>
          {round.quota.enabled
            ? t('review:rounds.quotaOn', {
                percent: round.quota.capPercent,
                minimum: round.quota.minimumPlaces,
              })
            : t('review:rounds.quotaOff')}
        </li>
      </ul>
      {round.status !== 'finished' && (
        <p>
          <a href={`/coordinator/rounds/${round.id}/edit`}>{t('review:rounds.editLink')}</a>
        </p>
      )}
    </section>
  );
};
