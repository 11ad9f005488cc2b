import { CHECK_IN_ANSWERS } from '../../../core/checkins/check-in';
import { QUIET_DAYS } from '../../../core/checkins/silent-partners';
import { getCountryName } from '../../../core/countries';
import type { Intervention, RoundCheckIns } from '../../../services/checkins/round-check-ins';
import { BackLink, CsrfField, Notice } from '../components';
import { formatCalendarDate } from '../format';
import { useShell } from '../shell-context';
import { ANSWER_KEYS, REASON_KEYS } from './check-in-words';

/** /coordinator/rounds/:id/check-ins: the intervention list, engagement by fortnight, the latest answers. */
export const roundCheckInsPath = (roundId: string) =>
  `/coordinator/rounds/${encodeURIComponent(roundId)}/check-ins`;
const partnershipsPath = (roundId: string) =>
  `/coordinator/rounds/${encodeURIComponent(roundId)}/partnerships`;

const InterventionCard = ({
  item,
  view,
  csrfToken,
}: {
  item: Intervention;
  view: RoundCheckIns;
  csrfToken: string;
}) => {
  const { t, locale } = useShell();
  const day = (at: Date) => formatCalendarDate(at.toISOString().slice(0, 10), locale);
  const roundId = view.round.id;
  return (
    <article class="round-box" data-partnership-id={item.partnershipId}>
      <h3>{t(REASON_KEYS[item.reason], { date: day(item.since) })}</h3>
      <ul>
        {item.members.map((member) => (
          <li data-application-id={member.applicationId}>
            {member.name} ({getCountryName(member.countryCode, locale)})
            {member.isReporter && <> · {t('checkins:coordinator.reporter')}</>}
            {member.isSilent && <> · {t('checkins:coordinator.silent')}</>}
            {' · '}
            {member.latest
              ? t('checkins:coordinator.latest', {
                  answer: t(ANSWER_KEYS[member.latest.answer]),
                  fortnight: member.latest.fortnight,
                  date: day(member.latest.answeredAt),
                })
              : t('checkins:coordinator.noCheckIn')}
            {view.canMarkInactive && member.isSilent && (
              <>
                {' '}
                <a
                  href={`${partnershipsPath(roundId)}/inactive?application=${encodeURIComponent(member.applicationId)}`}
                  aria-label={t('partnerships:markInactiveLabel', { name: member.name })}
                >
                  {t('partnerships:markInactive')}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
      <p>
        {item.remindedAt
          ? t('checkins:coordinator.reminded', { date: day(item.remindedAt) })
          : t('checkins:coordinator.notReminded')}
      </p>
      {view.canDismiss && (
        <form method="post" action={`${roundCheckInsPath(roundId)}/dismiss`}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="partnershipId" value={item.partnershipId} />
          <input type="hidden" name="episode" value={item.episode} />
          <button type="submit" class="button button--secondary">
            {t('checkins:coordinator.dismiss')}
          </button>
        </form>
      )}
    </article>
  );
};

export const RoundCheckInsView = ({ view, csrfToken }: { view: RoundCheckIns; csrfToken: string }) => {
  const { t, locale } = useShell();
  const { round } = view;
  const day = (at: Date) => formatCalendarDate(at.toISOString().slice(0, 10), locale);
  return (
    <section>
      <BackLink href={partnershipsPath(round.id)} label={t('checkins:coordinator.back')} />
      <h1>{t('checkins:coordinator.title', { round: round.name })}</h1>
      <p class="lead">
        {view.currentFortnight
          ? t('checkins:coordinator.leadFortnight', { fortnight: view.currentFortnight })
          : t('checkins:coordinator.lead')}
      </p>
      {round.status === 'finished' && (
        <Notice>
          <p>{t('checkins:coordinator.finished')}</p>
        </Notice>
      )}
      <h2>{t('checkins:coordinator.interventionsHeading', { count: view.interventions.length })}</h2>
      <p>{t('checkins:coordinator.rules', { days: QUIET_DAYS })}</p>
      {view.interventions.length === 0 ? (
        <p>{t('checkins:coordinator.noInterventions')}</p>
      ) : (
        view.interventions.map((item) => <InterventionCard item={item} view={view} csrfToken={csrfToken} />)
      )}
      {view.dismissed > 0 && <p>{t('checkins:coordinator.dismissedCount', { count: view.dismissed })}</p>}
      <h2>{t('checkins:coordinator.engagementHeading')}</h2>
      <div class="table-scroll">
        <table class="table table--stack">
          <caption>{t('checkins:coordinator.engagementCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('checkins:coordinator.columns.fortnight')}</th>
              {CHECK_IN_ANSWERS.map((answer) => (
                <th scope="col" class="num">
                  {t(ANSWER_KEYS[answer])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.engagement.map((row) => (
              <tr>
                <th scope="row" data-label={t('checkins:coordinator.columns.fortnight')}>
                  {row.fortnight}
                </th>
                {CHECK_IN_ANSWERS.map((answer) => (
                  <td class="num" data-label={t(ANSWER_KEYS[answer])}>
                    {row.counts[answer]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('checkins:coordinator.recentHeading')}</h2>
      {view.recent.length === 0 ? (
        <p>{t('checkins:coordinator.noCheckIns')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table table--stack">
            <caption>{t('checkins:coordinator.recentCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('checkins:coordinator.columns.participant')}</th>
                <th scope="col">{t('checkins:coordinator.columns.partners')}</th>
                <th scope="col" class="num">
                  {t('checkins:coordinator.columns.fortnight')}
                </th>
                <th scope="col">{t('checkins:coordinator.columns.answer')}</th>
                <th scope="col">{t('checkins:coordinator.columns.date')}</th>
              </tr>
            </thead>
            <tbody>
              {view.recent.map((checkIn) => (
                <tr>
                  <td data-label={t('checkins:coordinator.columns.participant')}>
                    {checkIn.name} ({getCountryName(checkIn.countryCode, locale)})
                  </td>
                  <td data-label={t('checkins:coordinator.columns.partners')}>
                    {checkIn.partnerNames.join(', ')}
                  </td>
                  <td class="num" data-label={t('checkins:coordinator.columns.fortnight')}>
                    {checkIn.fortnight}
                  </td>
                  <td data-label={t('checkins:coordinator.columns.answer')}>
                    {t(ANSWER_KEYS[checkIn.answer])}
                  </td>
                  <td data-label={t('checkins:coordinator.columns.date')}>{day(checkIn.answeredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
