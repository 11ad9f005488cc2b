import { CsrfField, ErrorSummary, Notice, TextField } from '../components';
import { useShell } from '../shell-context';

/**
 * "Lost your link?": one address field; the page says the same whether or not the address has
 * applied, and never shows a link (links go to the address only).
 */
export const LostLinkPage = ({
  csrfToken,
  email,
  error,
  formError,
}: {
  csrfToken: string;
  email?: string | undefined;
  error?: string | undefined;
  /** A refusal of the whole request (too many from this network). */
  formError?: string | undefined;
}) => {
  const { t } = useShell();
  return (
    <section class="sign-in">
      <h1>{t('applications:lostLink.title')}</h1>
      <p>{t('applications:lostLink.lead')}</p>
      {formError && (
        <Notice kind="error">
          <p>{formError}</p>
        </Notice>
      )}
      <form method="post" action="/lost-link" novalidate>
        <ErrorSummary errors={error ? [{ field: 'email', message: error }] : []} />
        <CsrfField token={csrfToken} />
        <TextField
          name="email"
          type="email"
          label={t('applications:lostLink.label')}
          hint={t('applications:lostLink.hint')}
          value={email}
          error={error}
          autocomplete="email"
          required
          maxlength={254}
        />
        <button type="submit" class="button">
          {t('applications:lostLink.button')}
        </button>
      </form>
      <p>
        {t('applications:lostLink.participants')}{' '}
        <a href="/sign-in">{t('applications:lostLink.signInLink')}</a>
      </p>
    </section>
  );
};

export const LostLinkSentPage = ({ email }: { email: string }) => {
  const { t } = useShell();
  return (
    <section class="sign-in" aria-live="polite">
      <h1>{t('applications:lostLink.sentTitle')}</h1>
      <p>{t('applications:lostLink.sentBody', { email })}</p>
      <p>{t('applications:lostLink.hourly')}</p>
      <p>{t('applications:lostLink.notArrived')}</p>
      <p>
        <a href="/lost-link">{t('applications:lostLink.again')}</a>
      </p>
    </section>
  );
};
