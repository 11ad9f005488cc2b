import { getCountryName } from '../../../core/countries';
import type { Round } from '../../../core/rounds';
import { describeAvailability, describeLanguages, labelFor } from '../../../i18n/labels';
import type { ShownProblem } from '../../../i18n/problems';
import type { ApplicationNote, ReviewedApplication } from '../../../services/ports/review';
import type { ReviewAction } from '../../../services/review/review-application';
import { BackLink, CsrfField, ErrorSummary, TextAreaField } from '../components';
import { formatInstant } from '../format';
import { useShell } from '../shell-context';
import { applicationsPath } from './list-view';

/** One application in full, with the decisions that apply to it and the coordinators' notes. */
export interface ApplicationDetailProps {
  round: Round;
  application: ReviewedApplication;
  actions: ReviewAction[];
  notes: ApplicationNote[];
  csrfToken: string;
  problems?: ShownProblem[];
  values?: { declineReason?: string; body?: string };
}

const Answer = ({ label, children }: { label: string; children: unknown }) => (
  <>
    <dt>{label}</dt>
    <dd>{children as string}</dd>
  </>
);

export const ApplicationDetailView = (props: ApplicationDetailProps) => {
  const { t, locale } = useShell();
  const { round, application, notes } = props;
  const { answers } = application;
  const base = applicationsPath(round.id);
  const problems = props.problems ?? [];
  const errorOf = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const orNone = (items: string[]) => (items.length > 0 ? items.join('; ') : t('review:detail.none'));
  const preference = answers.partnerPreference;
  return (
    <section>
      <BackLink href={base} label={t('review:detail.backToList')} />
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
      <ErrorSummary errors={problems} />
      <h2>{t('review:detail.actionsHeading')}</h2>
      {props.actions.length === 0 ? (
        <p>{t('review:detail.noActions', { status: t(`review:status.${application.status}`) })}</p>
      ) : (
        <div class="review-actions">
          {props.actions
            .filter((action) => action !== 'decline')
            .map((action) => (
              <form method="post" action={`${base}/${application.id}/review`}>
                <CsrfField token={props.csrfToken} />
                <input type="hidden" name="action" value={action} />
                <button type="submit" class={action === 'accept' ? 'button' : 'button button--secondary'}>
                  {t(`review:actions.${action}`)}
                </button>
              </form>
            ))}
          {props.actions.includes('decline') && (
            <form method="post" action={`${base}/${application.id}/review`} class="review-actions__decline">
              <CsrfField token={props.csrfToken} />
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
      <dl class="answers">
        <Answer label={t('review:detail.submitted')}>
          {formatInstant(application.submittedAt, locale, round.programTimeZone)}
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
                  time: formatInstant(note.createdAt, locale, round.programTimeZone),
                })}
              </p>
              <p>{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form method="post" action={`${base}/${application.id}/notes`} class="panel">
        <CsrfField token={props.csrfToken} />
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
