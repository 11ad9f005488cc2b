import { createMiddleware } from 'hono/factory';
import { type Auth, hasSessionCookie } from '../../auth/auth';
import { isPastAbsoluteLifetime } from '../../core/people/session-policy';
import { authRequestHeaders } from '../auth-headers';
import type { AppEnv } from '../env';
import type { WebDeps } from '../web-deps';

/**
 * Resolves the signed-in person: better-auth's session from the cookie, then the person with the
 * same (lower-cased) email and their roles, as a Viewer. Requests without a session cookie cost
 * nothing. A session whose person no longer exists counts as signed out.
 *
 * better-auth ends a session after the idle lifetime; a session older than the absolute lifetime
 * (core/people/session-policy.ts) is ended here, whatever its use, and its cookie cleared.
 */
export const sessionMiddleware = (ctx: WebDeps, auth: Auth) => {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!hasSessionCookie(c.req.header('cookie'))) {
      c.set('viewer', null);
      return next();
    }
    const headers = authRequestHeaders(c);
    const { headers: sessionHeaders, response: session } = await auth.api.getSession({
      headers,
      returnHeaders: true,
    });
    // Sessions keep better-auth's time, the system clock (not ctx.now, which tests move), so that
    // both lifetimes are measured on one clock.
    if (session && isPastAbsoluteLifetime(new Date(session.session.createdAt), new Date())) {
      const ended = await auth.api.signOut({ headers, returnHeaders: true });
      for (const cookie of ended.headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
      ctx.logger.info({ sessionId: session.session.id }, 'session ended: past its absolute lifetime');
      c.set('viewer', null);
      return next();
    }
    // A refreshed expiry or a cleared stale cookie; set before the handler so its own cookies win.
    for (const cookie of sessionHeaders.getSetCookie()) c.header('set-cookie', cookie, { append: true });
    c.set(
      'viewer',
      session ? ((await ctx.services.people.findViewerByEmail(session.user.email)) ?? null) : null,
    );
    await next();
  });
};
