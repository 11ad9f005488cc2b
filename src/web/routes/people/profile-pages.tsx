import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { isDomainError } from '../../../core/errors';
import { isShippedLocale } from '../../../core/people/page-languages';
import type { Viewer } from '../../../core/people/viewer';
import { getT, pickLocale } from '../../../i18n';
import { translateProblems } from '../../../i18n/problems';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { LANGUAGE_COOKIE, rememberLanguage } from '../../middleware/i18n';
import { formatTimeZone } from '../../views/format';
import { renderPage } from '../../views/layout';
import { ProfileView } from '../../views/people/profile-view';
import { PROFILE_PATH } from '../../views/times';
import type { WebDeps } from '../../web-deps';

/** The person's own language setting as the form shows it ('' for none, or for a stub language). */
const ownLanguage = (viewer: Viewer): string =>
  viewer.locale && isShippedLocale(viewer.locale) ? viewer.locale : '';

/** /coordinator/profile: the signed-in coordinator's profile and time-zone choice (under the coordinators' guard). */
export const profilePages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/profile', (c) => {
    const viewer = c.get('viewer');
    return renderPage(c, {
      title: c.get('t')('coordinator:profile.title'),
      children: viewer && (
        <ProfileView
          viewer={viewer}
          csrfToken={c.get('csrfToken')}
          timeZone={viewer.timeZone ?? ''}
          language={ownLanguage(viewer)}
          nowMs={ctx.now().getTime()}
        />
      ),
    });
  });

  app.post('/profile', async (c) => {
    let t = c.get('t');
    const viewer = c.get('viewer');
    const body = await c.req.parseBody();
    const chosen = typeof body.timeZone === 'string' ? body.timeZone : '';
    // A form from before the language setting sends none: the language stays as it was.
    const chosenLanguage = typeof body.language === 'string' ? body.language : undefined;
    try {
      const { timeZone } = await ctx.services.people.setOwnTimeZone({ viewer, timeZone: chosen });
      if (viewer && chosenLanguage !== undefined && chosenLanguage !== ownLanguage(viewer)) {
        const { language } = await ctx.services.people.setOwnLanguage({ viewer, language: chosenLanguage });
        // This browser's remembered choice would hide the new setting: it follows the setting now.
        if (language) rememberLanguage(c, language);
        else deleteCookie(c, LANGUAGE_COOKIE, { path: '/' });
        t = getT(language ?? pickLocale(c.req.header('accept-language')));
      }
      setFlash(c, {
        kind: 'success',
        message: timeZone
          ? t('coordinator:profile.saved', { zone: formatTimeZone(timeZone) })
          : t('coordinator:profile.savedPageZone'),
      });
      return c.redirect(PROFILE_PATH, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION' || !viewer) throw error;
      return renderPage(c, {
        title: t('coordinator:profile.title'),
        status: 422,
        children: (
          <ProfileView
            viewer={viewer}
            csrfToken={c.get('csrfToken')}
            timeZone={chosen}
            language={chosenLanguage ?? ownLanguage(viewer)}
            nowMs={ctx.now().getTime()}
            problems={translateProblems(t, error.details)}
          />
        ),
      });
    }
  });

  return app;
};
