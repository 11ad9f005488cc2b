import { Hono } from 'hono';
import { isDomainError } from '../../../core/errors';
import { translateProblems } from '../../../i18n/problems';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { formatTimeZone } from '../../views/format';
import { renderPage } from '../../views/layout';
import { ProfileView } from '../../views/people/profile-view';
import { PROFILE_PATH } from '../../views/times';
import type { WebDeps } from '../../web-deps';

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
          nowMs={ctx.now().getTime()}
        />
      ),
    });
  });

  app.post('/profile', async (c) => {
    const t = c.get('t');
    const viewer = c.get('viewer');
    const body = await c.req.parseBody();
    const chosen = typeof body.timeZone === 'string' ? body.timeZone : '';
    try {
      const { timeZone } = await ctx.services.people.setOwnTimeZone({ viewer, timeZone: chosen });
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
            nowMs={ctx.now().getTime()}
            problems={translateProblems(t, error.details)}
          />
        ),
      });
    }
  });

  return app;
};
