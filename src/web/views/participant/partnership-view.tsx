import type { Child } from 'hono/jsx';
import { getCountryName } from '../../../core/countries';
import { PARTICIPANT_AREA_PATH, participantPartnershipPath } from '../../../core/people/participant-area';
import { labelFor } from '../../../i18n/labels';
import { describeClockDifference, interestLabels, languageLabels } from '../../../i18n/partners';
import type { PartnerDetails, PartnershipDetails } from '../../../services/participants/participant-area';
import { BackLink, Notice, translateList } from '../components';
import { formatCalendarDate, formatTimeZone } from '../format';
import { useShell } from '../shell-context';
import { CallTimes } from './call-times';

const Lines = ({ lines }: { lines: string[] }) => (
  <>
    {lines.map((line, index) => (
      <>
        {index > 0 && <br />}
        {line}
      </>
    ))}
  </>
);

/** One partner: who they are, how to reach them, how far apart your clocks are, what you share. */
const PartnerCard = ({ partner, me }: { partner: PartnerDetails; me: PartnershipDetails['me'] }) => {
  const { t, locale } = useShell();
  const { application, pair } = partner;
  const answers = application.answers;
  const k = (key: string) => t(`participant:partnership.${key}`);
  const none = t('applications:view.none');
  const rows: [string, Child][] = [
    [k('country'), getCountryName(application.countryCode, locale)],
    [k('role'), answers.role],
    [k('sector'), labelFor(t, 'sector', answers.sector)],
    [k('careerStage'), labelFor(t, 'careerStage', answers.careerStage)],
    [
      k('contact'),
      partner.email ? <a href={`mailto:${partner.email}`}>{partner.email}</a> : k('contactHidden'),
    ],
    [k('timeZone'), formatTimeZone(answers.timeZone, locale)],
    [
      k('clock'),
      <Lines lines={describeClockDifference(t, locale, me.answers.timeZone, partner.timeDifference)} />,
    ],
    [
      k('interests'),
      interestLabels(t, pair?.sharedInterests.map((i) => i.interestId) ?? []).join(', ') || none,
    ],
    [
      k('languages'),
      languageLabels(locale, pair?.sharedLanguages.map((l) => l.code) ?? []).join(', ') || none,
    ],
  ];
  return (
    <section class="round-box" data-application-id={application.id}>
      <h2>{t('participant:partnership.partnerHeading', { name: application.name })}</h2>
      {partner.leftAt && (
        <p>
          {t('participant:partnership.left', {
            date: formatCalendarDate(partner.leftAt.toISOString().slice(0, 10), locale),
          })}
        </p>
      )}
      <dl class="answers">
        {rows.map(([term, value]) => (
          <>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      {pair && (
        <CallTimes
          pair={pair}
          mine={partner.mine}
          partnerName={application.name}
          timeZone={me.answers.timeZone}
        />
      )}
    </section>
  );
};

/** /participant/partnerships/:id: partners, call times in both local times, and the introduction again. */
export const PartnershipView = ({ partnership }: { partnership: PartnershipDetails }) => {
  const { t } = useShell();
  return (
    <section>
      <BackLink href={PARTICIPANT_AREA_PATH} label={t('participant:partnership.back')} />
      <h1>{t('participant:partnership.title', { round: partnership.round.name })}</h1>
      {partnership.youLeftAt ? (
        <Notice>
          <p>{t('participant:area.youLeft')}</p>
        </Notice>
      ) : (
        partnership.status === 'ended' && (
          <Notice>
            <p>{t('participant:partnership.endedNote')}</p>
          </Notice>
        )
      )}
      {partnership.partners.map((partner) => (
        <PartnerCard partner={partner} me={partnership.me} />
      ))}
      <h2>{t('participant:partnership.introductionHeading')}</h2>
      <h3>{t('participant:guidelines.heading')}</h3>
      <ul>
        {translateList<string>(t, 'participant:guidelines.items').map((item) => (
          <li>{item}</li>
        ))}
      </ul>
      <h3>{t('participant:icebreakers.heading')}</h3>
      <ul>
        {translateList<string>(t, 'participant:icebreakers.items').map((item) => (
          <li>{item}</li>
        ))}
      </ul>
      <p>
        <a href={`${participantPartnershipPath(partnership.id)}/application`}>
          {t('participant:partnership.applicationLink')}
        </a>
      </p>
    </section>
  );
};
