import { LOST_LINK_PATH } from '../../../core/applications/private-link';
import { SESSION_ABSOLUTE_DAYS, SESSION_IDLE_HOURS } from '../../../core/people/session-policy';
import { CsrfField, ErrorSummary, type FieldError, TextField } from '../components';
import { useShell } from '../shell-context';

/** The sign-in form: one labelled email field; works without JavaScript. */
export const SignInForm = ({
  csrfToken,
  email,
  next,
  error,
}: {
  csrfToken: string;
  email?: string | undefined;
  next?: string | undefined;
  error?: string | undefined;
}) => {
  const { t } = useShell();
  const errors: FieldError[] = error ? [{ field: 'email', message: error }] : [];
  return (
    <section class="sign-in">
      <h1>{t('auth:signIn.title')}</h1>
      <p>{t('auth:signIn.intro')}</p>
      <form method="post" action="/sign-in" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField token={csrfToken} />
        {next && <input type="hidden" name="next" value={next} />}
        <TextField
          name="email"
          type="email"
          label={t('auth:signIn.emailLabel')}
          hint={t('auth:signIn.emailHint')}
          value={email}
          error={error}
          autocomplete="email"
          required
          maxlength={254}
        />
        <button type="submit" class="button">
          {t('auth:signIn.submit')}
        </button>
      </form>
      <p class="sign-in__applicants">
        {t('auth:signIn.applicantNote')} <a href={LOST_LINK_PATH}>{t('auth:signIn.applicantLink')}</a>
      </p>
    </section>
  );
};

export const CheckEmail = ({
  email,
  minutes,
  limit,
}: {
  email: string;
  minutes: number;
  /** At most `count` emails to an address in `window` minutes (the same words whatever happened). */
  limit: { count: number; window: number };
}) => {
  const { t } = useShell();
  return (
    <section class="sign-in" aria-live="polite">
      <h1>{t('auth:checkEmail.title')}</h1>
      <p>{t('auth:checkEmail.body', { email, minutes })}</p>
      <p>{t('auth:checkEmail.applicant')}</p>
      <p>{t('auth:checkEmail.notArrived')}</p>
      <p>{t('auth:checkEmail.limit', limit)}</p>
      <p>
        <a href="/sign-in">{t('auth:checkEmail.again')}</a>
      </p>
    </section>
  );
};

export const RateLimited = ({ minutes }: { minutes: number }) => {
  const { t } = useShell();
  return (
    <section class="sign-in">
      <h1>{t('auth:rateLimited.title')}</h1>
      <p>{t('auth:rateLimited.body', { minutes })}</p>
    </section>
  );
};

export const LinkInvalid = ({ minutes, next }: { minutes: number; next?: string | undefined }) => {
  const { t } = useShell();
  return (
    <section class="sign-in">
      <h1>{t('auth:linkInvalid.title')}</h1>
      <p>{t('auth:linkInvalid.body', { minutes })}</p>
      <p>
        <a class="button" href={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}>
          {t('auth:linkInvalid.again')}
        </a>
      </p>
    </section>
  );
};

export const Forbidden = ({ email }: { email: string }) => {
  const { t } = useShell();
  return (
    <section>
      <h1>{t('auth:forbidden.title')}</h1>
      <p>{t('auth:forbidden.body', { email })}</p>
      <p>
        <a href="/">{t('auth:forbidden.home')}</a>
      </p>
    </section>
  );
};

/** Ending every session of the signed-in person: what it does, and one button. */
export const SignOutEverywherePage = ({ csrfToken, email }: { csrfToken: string; email: string }) => {
  const { t } = useShell();
  return (
    <section class="sign-in">
      <h1>{t('auth:signOutEverywhere.title')}</h1>
      <p>{t('auth:signOutEverywhere.body', { email })}</p>
      <p>
        {t('auth:signOutEverywhere.lifetime', { idleHours: SESSION_IDLE_HOURS, days: SESSION_ABSOLUTE_DAYS })}
      </p>
      <form method="post" action="/sign-out/everywhere">
        <CsrfField token={csrfToken} />
        <button type="submit" class="button">
          {t('auth:signOutEverywhere.submit')}
        </button>
      </form>
    </section>
  );
};
