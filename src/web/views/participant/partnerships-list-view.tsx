import { getCountryName } from '../../../core/countries';
import { PARTICIPANT_AREA_PATH, participantPartnershipPath } from '../../../core/people/participant-area';
import type { PartnershipSummary } from '../../../services/participants/participant-area';
import { formatCalendarDate } from '../format';
import { useShell } from '../shell-context';

/** /participant: the viewer's partnerships, newest round first. */
export const PartnershipsListView = ({ partnerships }: { partnerships: PartnershipSummary[] }) => {
  const { t, locale } = useShell();
  return (
    <section>
      <h1>{t('participant:area.title')}</h1>
      <p class="lead">{t('participant:area.lead')}</p>
      {partnerships.length === 0 && <p>{t('participant:area.none')}</p>}
      {partnerships.some((p) => p.status === 'active' && p.round.status === 'under-way' && !p.youLeftAt) && (
        <p>
          <a class="button" href={`${PARTICIPANT_AREA_PATH}/check-ins`}>
            {t('checkins:area.link')}
          </a>
        </p>
      )}
      {partnerships.map((partnership) => (
        <article class="round-box" data-partnership-id={partnership.id}>
          <h2>{t('participant:area.roundHeading', { round: partnership.round.name })}</h2>
          <p>
            {t('participant:area.roundDates', {
              start: formatCalendarDate(partnership.round.startsOn, locale),
              end: formatCalendarDate(partnership.round.endsOn, locale),
            })}{' '}
            <span class={`tag tag--${partnership.status === 'active' ? 'under-way' : 'closed'}`}>
              {t(partnership.status === 'active' ? 'participant:area.active' : 'participant:area.ended')}
            </span>
          </p>
          <p>{t('participant:area.partnersLabel')}</p>
          <ul>
            {partnership.partners.map((partner) => (
              <li>
                {partner.name} ({getCountryName(partner.countryCode, locale)})
              </li>
            ))}
          </ul>
          {partnership.youLeftAt && <p>{t('participant:area.youLeft')}</p>}
          <p>
            <a
              class="button"
              href={participantPartnershipPath(partnership.id)}
              aria-label={t('participant:area.openLabel', { round: partnership.round.name })}
            >
              {t('participant:area.open')}
            </a>
          </p>
        </article>
      ))}
      <p>
        <a href={`${PARTICIPANT_AREA_PATH}/my-data`}>{t('privacy:myData.link')}</a>
      </p>
    </section>
  );
};
