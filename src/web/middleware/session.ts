import { createMiddleware } from 'hono/factory';
import { type Auth, hasSessionCookie } from '../../auth/auth';
import type { AppEnv } from '../env';
import type { WebDeps } from '../web-deps';

/**
 * Resolves the signed-in person: better-auth's session from the cookie, then the person with the
 * same (lower-cased) email and their roles, as a Viewer. Requests without a session cookie cost
 * nothing. A session whose person no longer exists counts as signed out.
 */
export const sessionMiddleware = (ctx: WebDeps, auth: Auth) => {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!hasSessionCookie(c.req.header('cookie'))) {
      c.set('viewer', null);
      return next();
    }
    const { headers, response: session } = await auth.api.getSession({
      headers: c.req.raw.headers,
      returnHeaders: true,
    });
    // A refreshed expiry or a cleared stale cookie; set before the handler so its own cookies win.
    for (const cookie of headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
    c.set(
      'viewer',
      session ? ((await ctx.services.people.findViewerByEmail(session.user.email)) ?? null) : null,
    );
    await next();
  });
};
