import { getCountryName } from '../../../core/countries';
import type { Round } from '../../../core/rounds';
import { describeAvailability, describeLanguages, labelFor } from '../../../i18n/labels';
import type { ShownProblem } from '../../../i18n/problems';
import type {
  ApplicationNeighbours,
  ApplicationNote,
  ReviewedApplication,
} from '../../../services/ports/review';
import type { ReviewAction } from '../../../services/review/review-application';
import type { UndoableDecisions } from '../../../services/review/undo-decisions';
import { BackLink, CsrfField, ErrorSummary, TextAreaField } from '../components';
import { useTimes } from '../format';
import { useShell } from '../shell-context';
import { Instant, TimeZoneNote } from '../times';
import { applicationsPath } from './list-view';
import { DecisionNotes, UndoPanel } from './undo-panel';

/** One application in full, with the decisions that apply to it and the coordinators' notes. */
export interface ApplicationDetailProps {
  round: Round;
  application: ReviewedApplication;
  actions: ReviewAction[];
  notes: ApplicationNote[];
  csrfToken: string;
  /** The query string of the list it was opened from (`?status=pending&country=KE`), or ''. */
  listQuery: string;
  neighbours: ApplicationNeighbours;
  undoable?: UndoableDecisions | undefined;
  problems?: ShownProblem[];
  values?: { declineReason?: string; body?: string };
}

/** Previous and next in the list the application was opened from, by name. */
const NeighbourLinks = ({
  base,
  listQuery,
  neighbours,
}: {
  base: string;
  listQuery: string;
  neighbours: ApplicationNeighbours;
}) => {
  const { t } = useShell();
  if (!neighbours.previous && !neighbours.next) return null;
  return (
    <nav class="pagination neighbours" aria-label={t('review:detail.neighbours')}>
      <ul>
        <li>
          {neighbours.previous ? (
            <a href={`${base}/${neighbours.previous.id}${listQuery}`} rel="prev">
              {t('review:detail.previous', { name: neighbours.previous.name })}
            </a>
          ) : (
            <span class="field__hint">{t('review:detail.noPrevious')}</span>
          )}
        </li>
        <li>
          {neighbours.next ? (
            <a href={`${base}/${neighbours.next.id}${listQuery}`} rel="next">
              {t('review:detail.next', { name: neighbours.next.name })}
            </a>
          ) : (
            <span class="field__hint">{t('review:detail.noNext')}</span>
          )}
        </li>
      </ul>
    </nav>
  );
};

const Answer = ({ label, children }: { label: string; children: unknown }) => (
  <>
    <dt>{label}</dt>
    <dd>{children as string}</dd>
  </>
);

export const ApplicationDetailView = (props: ApplicationDetailProps) => {
  const { t, locale } = useShell();
  const { round, application, notes } = props;
  const times = useTimes(round.programTimeZone);
  const { answers } = application;
  const base = applicationsPath(round.id);
  const problems = props.problems ?? [];
  const errorOf = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const orNone = (items: string[]) => (items.length > 0 ? items.join('; ') : t('review:detail.none'));
  const preference = answers.partnerPreference;
  return (
    <section>
      <BackLink href={`${base}${props.listQuery}`} label={t('review:detail.backToList')} />
      <NeighbourLinks base={base} listQuery={props.listQuery} neighbours={props.neighbours} />
      <h1>{application.name}</h1>
      <p class="lead">
        {t('review:detail.statusLine', { status: t(`review:status.${application.status}`) })}
      </p>
      {application.status === 'declined' && application.declineReason && (
        <p>{t('review:detail.declineReason', { reason: application.declineReason })}</p>
      )}
      {application.duplicateOf && (
        <p class="notice notice--warning">
          {t('review:detail.duplicateOf', {
            reason: t(`review:detail.duplicateReason.${application.duplicateReason ?? 'same-name'}`),
          })}{' '}
          <a href={`${base}/${application.duplicateOf}`}>{t('review:detail.duplicateLink')}</a>
        </p>
      )}
      {!application.duplicateOf && application.isLikelyDuplicate && (
        <p class="notice notice--warning">{t('review:detail.duplicatePartner')}</p>
      )}
      {props.undoable && (
        <UndoPanel
          roundId={round.id}
          programTimeZone={round.programTimeZone}
          undoable={props.undoable}
          back={props.listQuery}
          csrfToken={props.csrfToken}
          applicationId={
            props.undoable.applications.some((decided) => decided.id === application.id)
              ? application.id
              : undefined
          }
        />
      )}
      <ErrorSummary errors={problems} />
      <h2>{t('review:detail.actionsHeading')}</h2>
      {props.actions.length === 0 ? (
        <p>{t('review:detail.noActions', { status: t(`review:status.${application.status}`) })}</p>
      ) : (
        <div class="review-actions">
          <DecisionNotes
            roundStatus={round.status}
            isQuotaEnabled={round.quota.enabled}
            countryName={getCountryName(application.countryCode, locale)}
          />
          {props.actions
            .filter((action) => action !== 'decline')
            .map((action) => (
              <form method="post" action={`${base}/${application.id}/review`}>
                <CsrfField token={props.csrfToken} />
                <input type="hidden" name="back" value={props.listQuery} />
                <input type="hidden" name="action" value={action} />
                <button type="submit" class={action === 'accept' ? 'button' : 'button button--secondary'}>
                  {t(`review:actions.${action}`)}
                </button>
              </form>
            ))}
          {props.actions.includes('decline') && (
            <form method="post" action={`${base}/${application.id}/review`} class="review-actions__decline">
              <CsrfField token={props.csrfToken} />
              <input type="hidden" name="back" value={props.listQuery} />
              <input type="hidden" name="action" value="decline" />
              <TextAreaField
                name="declineReason"
                label={t('review:detail.declineReasonLabel')}
                hint={t('review:detail.declineReasonHint')}
                value={props.values?.declineReason}
                error={errorOf('declineReason')}
                rows={3}
                maxlength={1000}
                required
              />
              <button type="submit" class="button button--secondary">
                {t('review:actions.decline')}
              </button>
            </form>
          )}
        </div>
      )}
      <h2>{t('review:detail.answersHeading')}</h2>
      <TimeZoneNote pageTimeZone={round.programTimeZone} />
      <dl class="answers">
        <Answer label={t('review:detail.submitted')}>
          <Instant at={application.submittedAt} pageTimeZone={round.programTimeZone} style="long" />
        </Answer>
        <Answer label={t('review:detail.email')}>
          <a href={`mailto:${application.email}`}>{application.email}</a>
        </Answer>
        <Answer label={t('review:detail.country')}>{getCountryName(application.countryCode, locale)}</Answer>
        <Answer label={t('review:detail.timeZone')}>{answers.timeZone.replaceAll('_', ' ')}</Answer>
        <Answer label={t('review:detail.languages')}>{orNone(describeLanguages(t, locale, answers))}</Answer>
        <Answer label={t('review:detail.sector')}>{labelFor(t, 'sector', answers.sector)}</Answer>
        <Answer label={t('review:detail.role')}>{answers.role}</Answer>
        <Answer label={t('review:detail.careerStage')}>
          {labelFor(t, 'careerStage', answers.careerStage)}
        </Answer>
        <Answer label={t('review:detail.years')}>{String(answers.yearsInProfession)}</Answer>
        <Answer label={t('review:detail.interests')}>
          {orNone(answers.interests.map((id) => labelFor(t, 'interest', id)))}
        </Answer>
        <Answer label={t('review:detail.otherInterests')}>
          {answers.otherInterests || t('review:detail.none')}
        </Answer>
        <Answer label={t('review:detail.partner')}>
          {preference.openToAnyone ? (
            t('review:detail.openToAnyone')
          ) : (
            <ul>
              {preference.sectors.length > 0 && (
                <li>
                  {t('review:detail.partnerSectors', {
                    list: preference.sectors.map((id) => labelFor(t, 'sector', id)).join('; '),
                  })}
                </li>
              )}
              {preference.careerStages.length > 0 && (
                <li>
                  {t('review:detail.partnerCareerStages', {
                    list: preference.careerStages.map((id) => labelFor(t, 'careerStage', id)).join('; '),
                  })}
                </li>
              )}
            </ul>
          )}
        </Answer>
        <Answer label={t('review:detail.availability')}>
          {answers.availability.emailOnly
            ? t('review:detail.emailOnly')
            : orNone(describeAvailability(t, answers))}
        </Answer>
        <Answer label={t('review:detail.hopes')}>{answers.hopes}</Answer>
        <Answer label={t('review:detail.heardFrom')}>
          {[labelFor(t, 'referralSource', answers.heardFrom), answers.heardFromDetail]
            .filter(Boolean)
            .join(': ')}
        </Answer>
      </dl>
      <h2>{t('review:detail.notesHeading')}</h2>
      {notes.length === 0 ? (
        <p>{t('review:detail.noNotes')}</p>
      ) : (
        <ol class="notes">
          {notes.map((note) => (
            <li>
              <p class="field__hint">
                {t('review:detail.noteBy', {
                  author: note.authorName ?? t('review:detail.unknownAuthor'),
                  time: times.format(note.createdAt),
                })}
              </p>
              <p>{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form method="post" action={`${base}/${application.id}/notes`} class="panel">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="back" value={props.listQuery} />
        <TextAreaField
          name="body"
          label={t('review:detail.noteLabel')}
          hint={t('review:detail.noteHint')}
          value={props.values?.body}
          error={errorOf('body')}
          rows={3}
          maxlength={4000}
          required
        />
        <button type="submit" class="button button--secondary">
          {t('review:detail.addNote')}
        </button>
      </form>
    </section>
  );
};
