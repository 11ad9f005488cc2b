import { Hono } from 'hono';
import { LOST_LINK_PATH } from '../../../core/applications/private-link';
import { isDomainError } from '../../../core/errors';
import { translateError, translateProblem } from '../../../i18n/problems';
import { LOST_LINK_RATE_LIMIT } from '../../../services/applications/recover-private-links';
import { clientIpAddress } from '../../client-address';
import type { AppEnv } from '../../env';
import { readValue, toFormValues } from '../../views/applications/form-values';
import { LostLinkPage, LostLinkSentPage } from '../../views/applications/lost-link-views';
import { renderPage } from '../../views/layout';
import type { WebDeps } from '../../web-deps';

/** "Lost your link?": the form, and the same "check your email" answer for any address. */
export const lostLinkPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();

  app.get(LOST_LINK_PATH, (c) =>
    renderPage(c, {
      title: c.get('t')('applications:lostLink.title'),
      children: <LostLinkPage csrfToken={c.get('csrfToken')} />,
    }),
  );

  app.post(LOST_LINK_PATH, async (c) => {
    const t = c.get('t');
    const email = readValue(toFormValues(await c.req.parseBody()), 'email')
      .trim()
      .slice(0, 320);
    try {
      await ctx.services.applications.recoverLinks({
        email,
        ipAddress: clientIpAddress(c),
        locale: c.get('locale'),
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'VALIDATION') {
        return renderPage(c, {
          title: t('applications:lostLink.title'),
          status: 422,
          children: (
            <LostLinkPage
              csrfToken={c.get('csrfToken')}
              email={email}
              error={translateProblem(t, {
                field: 'email',
                code: email === '' ? 'email.missing' : 'email.invalid',
              })}
            />
          ),
        });
      }
      if (error.code === 'RATE_LIMITED') {
        c.header('Retry-After', String(LOST_LINK_RATE_LIMIT.windowMinutes * 60));
        return renderPage(c, {
          title: t('applications:lostLink.title'),
          status: 429,
          children: (
            <LostLinkPage csrfToken={c.get('csrfToken')} email={email} formError={translateError(t, error)} />
          ),
        });
      }
      throw error;
    }
    return renderPage(c, {
      title: t('applications:lostLink.sentTitle'),
      children: <LostLinkSentPage email={email.toLowerCase()} />,
    });
  });

  return app;
};
