import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ShownProblem } from '../../i18n/problems';
import type { AppEnv } from '../env';
import { renderPage } from './layout';
import { useShell } from './shell-context';

export interface ErrorPageProps {
  title: string;
  body: string;
  /** A message specific to this failure, written for people (domain errors only). */
  message?: string | undefined;
  details?: ShownProblem[];
  requestId?: string | undefined;
  showSignIn?: boolean;
}

export const ErrorPage = ({ title, body, message, details = [], requestId, showSignIn }: ErrorPageProps) => {
  const { t } = useShell();
  return (
    <article class="error-page">
      <h1>{title}</h1>
      {message && <p class="lead">{message}</p>}
      {details.length > 0 && (
        <ul>
          {details.map((detail) => (
            <li>{detail.message}</li>
          ))}
        </ul>
      )}
      <p>{body}</p>
      {requestId && <p class="error-page__reference">{t('errors.reference', { requestId })}</p>}
      <p>
        {showSignIn && (
          <>
            <a class="button" href="/sign-in">
              {t('nav.signIn')}
            </a>{' '}
          </>
        )}
        <a href="/">{t('errors.backHome')}</a>
      </p>
    </article>
  );
};

/** The error page in the layout, with the given status. */
export const renderErrorPage = (
  c: Context<AppEnv>,
  { status, ...props }: ErrorPageProps & { status: ContentfulStatusCode },
) =>
  renderPage(c, {
    title: props.title,
    status,
    children: <ErrorPage {...props} />,
  });
