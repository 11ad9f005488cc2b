import { LOST_LINK_PATH } from '../../../core/applications/private-link';
import type { Round, RoundPhase } from '../../../core/rounds';
import type { PrivateApplication } from '../../../services/applications/get-private-application';
import { CsrfField, ErrorSummary, LocalTime, Notice, TextField } from '../components';
import { ApplyScript, DeadlineCountdown, RoundDates } from '../rounds/round-views';
import { useShell } from '../shell-context';
import { AnswersList } from './answers-list';
import { ApplicationForm } from './application-form';
import type { ApplicationFormProps } from './form-parts';

/**
 * The private page tells the browser not to send its address (which holds the token) anywhere;
 * the site-wide policy already strips paths from cross-origin referrers. Pages with POST forms
 * must not do this: with no-referrer, browsers send `Origin: null`, which the CSRF check refuses.
 */
const NoReferrer = () => <meta name="referrer" content="no-referrer" />;

const roundPath = (round: Round) => `/rounds/${encodeURIComponent(round.id)}`;

/** "Applied before?" — asks for a link that opens the form with the person's earlier answers. */
const PreviousAnswersBox = ({
  round,
  csrfToken,
  error,
  email,
}: {
  round: Round;
  csrfToken: string;
  error?: string | undefined;
  email?: string;
}) => {
  const { t } = useShell();
  return (
    <details
      class="previous-answers"
      open={error ? true : undefined}
      aria-labelledby="previous-answers-summary"
    >
      <summary id="previous-answers-summary">{t('applications:previous.summary')}</summary>
      <p>{t('applications:previous.body')}</p>
      <form method="post" action={`${roundPath(round)}/apply/previous-answers`}>
        <CsrfField token={csrfToken} />
        {error && <ErrorSummary errors={[{ field: 'previous-email', message: error }]} />}
        <TextField
          name="previous-email"
          type="email"
          label={t('applications:previous.label')}
          value={email}
          error={error}
          required
          autocomplete="email"
          maxlength={254}
        />
        <p>
          <button type="submit" class="button button--secondary">
            {t('applications:previous.button')}
          </button>
        </p>
      </form>
    </details>
  );
};

export const ApplyPage = ({
  round,
  form,
  prefilled,
  previousError,
  previousEmail,
  formError,
}: {
  round: Round;
  form: ApplicationFormProps;
  prefilled: boolean;
  previousError?: string | undefined;
  previousEmail?: string;
  /** Why the form as a whole was refused (too many tries); the answers are kept in it. */
  formError?: string | undefined;
}) => {
  const { t } = useShell();
  return (
    <article>
      <h1>{t('applications:apply.title', { name: round.name })}</h1>
      <p class="lead">{t('applications:apply.lead')}</p>
      <RoundDates round={round} />
      <DeadlineCountdown round={round} />
      <p>
        <a href="/how-it-works">{t('applications:round.howLink')}</a>
      </p>
      {prefilled ? (
        <Notice kind="success">
          <p>{t('applications:apply.prefilled')}</p>
        </Notice>
      ) : (
        <PreviousAnswersBox
          round={round}
          csrfToken={form.csrfToken}
          error={previousError}
          email={previousEmail}
        />
      )}
      <LostLinkLine text={t('applications:apply.lostLink')} link={t('applications:apply.lostLinkLink')} />
      {formError && (
        <Notice kind="error">
          <p>{formError}</p>
        </Notice>
      )}
      <p>{t('applications:apply.allRequired')}</p>
      <ApplicationForm {...form} />
      <ApplyScript />
    </article>
  );
};

/** The apply address of a round that is not taking applications: why, and what to do instead. */
export const NotAcceptingPage = ({ round, phase }: { round: Round; phase: RoundPhase | undefined }) => {
  const { t } = useShell();
  const isSoon = phase === 'opening-soon';
  return (
    <article>
      <h1>
        {t(isSoon ? 'applications:notAccepting.soonTitle' : 'applications:notAccepting.title', {
          name: round.name,
        })}
      </h1>
      {isSoon ? (
        <p class="lead">
          {t('applications:notAccepting.soonBody')}{' '}
          <LocalTime at={round.applicationsOpenAt.toISOString()} timeZone={round.programTimeZone} />
        </p>
      ) : (
        <p class="lead">{t('applications:notAccepting.body')}</p>
      )}
      <p>
        <a href="/apply">{t('applications:notAccepting.nextLink')}</a>
        {' · '}
        <a href="/">{t('errors.backHome')}</a>
      </p>
    </article>
  );
};

const LostLinkLine = ({ text, link }: { text: string; link: string }) => (
  <p>
    {text} <a href={LOST_LINK_PATH}>{link}</a>
  </p>
);

export const AppliedPage = ({ round, email }: { round: Round; email?: string | undefined }) => {
  const { t } = useShell();
  return (
    <article>
      <h1>{t('applications:applied.title')}</h1>
      <Notice kind="success">
        <p>{t('applications:applied.received', { name: round.name })}</p>
      </Notice>
      {email ? (
        <>
          <p class="applied-address">{t('applications:applied.sentTo', { email })}</p>
          <p>{t('applications:applied.wrongAddress')}</p>
        </>
      ) : (
        <p>{t('applications:applied.email')}</p>
      )}
      {round.quota.enabled && <p>{t('applications:applied.quota')}</p>}
      <p>{t('applications:applied.spam')}</p>
      <LostLinkLine text={t('applications:applied.lostLink')} link={t('applications:applied.lostLinkLink')} />
      <h2>{t('applications:applied.nextHeading')}</h2>
      <p>{t('applications:applied.next')}</p>
      <p>
        <a href={roundPath(round)}>{t('applications:applied.roundLink', { name: round.name })}</a>
        {' · '}
        <a href="/how-it-works">{t('applications:round.howLink')}</a>
      </p>
    </article>
  );
};

export const AlreadyAppliedPage = ({ round, message }: { round: Round; message: string }) => {
  const { t } = useShell();
  return (
    <article>
      <h1>{t('applications:alreadyApplied.title')}</h1>
      <Notice kind="info">
        <p>{message}</p>
      </Notice>
      <p>{t('applications:alreadyApplied.spam')}</p>
      <LostLinkLine text={t('applications:applied.lostLink')} link={t('applications:applied.lostLinkLink')} />
      <p>
        <a href={roundPath(round)}>{t('applications:applied.roundLink', { name: round.name })}</a>
      </p>
    </article>
  );
};

export const PrivateApplicationPage = ({
  view,
  basePath,
}: {
  view: PrivateApplication;
  basePath: string;
}) => {
  const { t } = useShell();
  const { application, round } = view;
  const k = (key: string, options?: Record<string, unknown>) => t(`applications:private.${key}`, options);
  return (
    <article>
      <NoReferrer />
      <h1>{k('title', { name: round.name })}</h1>
      <p class="lead">{k(`status.${application.status}`)}</p>
      {application.status === 'waitlisted' &&
        (view.flags.declinedCarryOver ? <p>{k('carryOverDeclined')}</p> : <p>{k('carryOverExplained')}</p>)}
      {view.canEdit ? (
        <p>
          {k('editUntil')}{' '}
          <LocalTime at={round.applicationsCloseAt.toISOString()} timeZone={round.programTimeZone} />
        </p>
      ) : view.canApplyAgain ? (
        <Notice kind="info">
          <p>
            {k('withdrawnApplyAgain')}{' '}
            <LocalTime at={round.applicationsCloseAt.toISOString()} timeZone={round.programTimeZone} />
          </p>
          <p>
            <a href={`${roundPath(round)}/apply`}>{k('applyAgainLink', { name: round.name })}</a>
          </p>
        </Notice>
      ) : (
        <Notice kind="info">
          <p>
            {application.status === 'withdrawn'
              ? k('withdrawnLater')
              : application.status === 'declined'
                ? k('readOnlyInactive')
                : k('readOnlyClosed')}
          </p>
        </Notice>
      )}
      <p class="actions">
        {view.canEdit && (
          <a class="button" href={`${basePath}/edit`}>
            {k('editButton')}
          </a>
        )}{' '}
        {view.canDeclineCarryOver && (
          <a class="button button--secondary" href={`${basePath}/carry-over`}>
            {k('declineCarryOverButton')}
          </a>
        )}{' '}
        {view.canWithdraw && (
          <a class="button button--secondary" href={`${basePath}/withdraw`}>
            {k('withdrawButton')}
          </a>
        )}
      </p>
      <h2>{k('answersHeading')}</h2>
      <AnswersList answers={application.answers} />
      <p class="field__hint">{k('keepPrivate')}</p>
      <p>
        <a href={`${basePath}/my-data`}>{t('privacy:myData.link')}</a>
      </p>
    </article>
  );
};

export const EditApplicationPage = ({
  round,
  form,
  basePath,
}: {
  round: Round;
  form: ApplicationFormProps;
  basePath: string;
}) => {
  const { t } = useShell();
  return (
    <article>
      <h1>{t('applications:edit.title', { name: round.name })}</h1>
      <p class="lead">
        {t('applications:edit.lead')}{' '}
        <LocalTime at={round.applicationsCloseAt.toISOString()} timeZone={round.programTimeZone} />
      </p>
      <p>
        <a href={basePath}>{t('applications:edit.back')}</a>
      </p>
      <ApplicationForm {...form} />
      <ApplyScript />
    </article>
  );
};

/** A yes/no step before an action that cannot be undone from the link. */
export const ConfirmPage = ({
  title,
  body,
  button,
  action,
  basePath,
  csrfToken,
  token,
}: {
  title: string;
  body: string[];
  button: string;
  action: string;
  basePath: string;
  csrfToken: string;
  token: string;
}) => {
  const { t } = useShell();
  return (
    <article>
      <h1>{title}</h1>
      {body.map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      <form method="post" action={action}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="token" value={token} />
        <p class="actions">
          <button type="submit" class="button">
            {button}
          </button>{' '}
          <a href={basePath}>{t('applications:confirm.cancel')}</a>
        </p>
      </form>
    </article>
  );
};

export const UnknownLinkPage = () => {
  const { t } = useShell();
  return (
    <article class="error-page">
      <h1>{t('applications:unknownLink.title')}</h1>
      <p class="lead">{t('applications:unknownLink.body')}</p>
      <p>{t('applications:unknownLink.help')}</p>
      <p>
        <a href={LOST_LINK_PATH}>{t('applications:unknownLink.lostLink')}</a>
        {' · '}
        <a href="/apply">{t('applications:unknownLink.apply')}</a>
        {' · '}
        <a href="/">{t('errors.backHome')}</a>
      </p>
    </article>
  );
};
