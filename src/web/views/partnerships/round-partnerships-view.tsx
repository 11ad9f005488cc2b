import { getCountryName } from '../../../core/countries';
import type {
  RoundPartnershipMember,
  RoundPartnerships,
} from '../../../services/matching/round-partnerships';
import { BackLink, CsrfField } from '../components';
import { formatCalendarDate } from '../format';
import { useShell } from '../shell-context';

/** /coordinator/rounds/:id/partnerships: the round's partnerships, who left, who waits; mark inactive, repair. */
export const partnershipsPath = (roundId: string) =>
  `/coordinator/rounds/${encodeURIComponent(roundId)}/partnerships`;

const LEFT_REASONS: Record<string, string> = {
  withdrawn: 'partnerships:leftReason.withdrawn',
  inactive: 'partnerships:leftReason.inactive',
  'partnership-ended': 'partnerships:leftReason.partnership-ended',
};

const Member = ({
  member,
  roundId,
  canEdit,
}: {
  member: RoundPartnershipMember;
  roundId: string;
  canEdit: boolean;
}) => {
  const { t, locale } = useShell();
  const reason = member.leftReason ? LEFT_REASONS[member.leftReason] : undefined;
  return (
    <li data-application-id={member.applicationId}>
      {member.name} ({getCountryName(member.countryCode, locale)})
      {member.leftAt && reason && (
        <> · {t(reason, { date: formatCalendarDate(member.leftAt.toISOString().slice(0, 10), locale) })}</>
      )}
      {canEdit && !member.leftAt && (
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
  );
};

export const RoundPartnershipsView = ({
  view,
  csrfToken,
}: {
  view: RoundPartnerships;
  csrfToken: string;
}) => {
  const { t, locale } = useShell();
  const { round } = view;
  return (
    <section>
      <BackLink href={`/coordinator/rounds/${encodeURIComponent(round.id)}`} label={t('partnerships:back')} />
      <h1>{t('partnerships:title', { round: round.name })}</h1>
      <p class="lead">{t('partnerships:lead')}</p>
      <p>
        <a href={`/coordinator/rounds/${encodeURIComponent(round.id)}/check-ins`}>
          {t('checkins:coordinator.partnershipsLink')}
        </a>
      </p>
      {view.partnerships.length === 0 ? (
        <p>{t('partnerships:none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table">
            <caption>{t('partnerships:caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('partnerships:columns.members')}</th>
                <th scope="col">{t('partnerships:columns.status')}</th>
                <th scope="col" class="num">
                  {t('partnerships:columns.fit')}
                </th>
                <th scope="col">{t('partnerships:columns.since')}</th>
              </tr>
            </thead>
            <tbody>
              {view.partnerships.map((partnership) => (
                <tr data-partnership-id={partnership.id}>
                  <td>
                    <ul>
                      {partnership.members.map((member) => (
                        <Member
                          member={member}
                          roundId={round.id}
                          canEdit={view.canEdit && partnership.status === 'active'}
                        />
                      ))}
                    </ul>
                  </td>
                  <td>
                    {t(
                      partnership.status === 'active'
                        ? 'partnerships:status.active'
                        : 'partnerships:status.ended',
                    )}
                  </td>
                  <td class="num">{partnership.fit}</td>
                  <td>{formatCalendarDate(partnership.createdAt.toISOString().slice(0, 10), locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('partnerships:waitingHeading')}</h2>
      <p>{t('partnerships:waitingLead')}</p>
      {view.waiting.length === 0 ? (
        <p>{t('partnerships:waitingNone')}</p>
      ) : (
        <ul>
          {view.waiting.map((person) => (
            <li data-application-id={person.applicationId}>
              {person.name} ({getCountryName(person.countryCode, locale)}) ·{' '}
              {t(person.isOrphan ? 'partnerships:orphan' : 'partnerships:newcomer')}
            </li>
          ))}
        </ul>
      )}
      {view.canEdit && (
        <form method="post" action={`${partnershipsPath(round.id)}/repair`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="button">
            {t('partnerships:repair')}
          </button>
        </form>
      )}
    </section>
  );
};

/** The yes/no step before marking someone inactive (it emails their partners). */
export const MarkInactiveConfirmView = ({
  roundId,
  roundName,
  member,
  csrfToken,
}: {
  roundId: string;
  roundName: string;
  member: { applicationId: string; name: string };
  csrfToken: string;
}) => {
  const { t } = useShell();
  return (
    <section>
      <h1>{t('partnerships:confirm.title', { name: member.name })}</h1>
      <p>{t('partnerships:confirm.body', { name: member.name, round: roundName })}</p>
      <form method="post" action={`${partnershipsPath(roundId)}/inactive`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="applicationId" value={member.applicationId} />
        <p class="actions">
          <button type="submit" class="button">
            {t('partnerships:confirm.button')}
          </button>{' '}
          <a href={partnershipsPath(roundId)}>{t('partnerships:confirm.cancel')}</a>
        </p>
      </form>
    </section>
  );
};
