import { isAPIError } from 'better-auth/api';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Auth } from '../../../auth/auth';
import { safeNextPath } from '../../../auth/safe-next';
import { isDomainError } from '../../../core/errors';
import { PARTICIPANT_AREA_PATH } from '../../../core/people/participant-area';
import { SIGN_IN_LINK_MINUTES } from '../../../core/people/sign-in-link';
import { isCoordinator } from '../../../core/people/viewer';
import { SIGN_IN_RATE_LIMIT } from '../../../services/people/request-sign-in-link';
import { authRequestHeaders } from '../../auth-headers';
import { clientIpAddress } from '../../client-address';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { renderPage } from '../../views/layout';
import {
  CheckEmail,
  LinkInvalid,
  RateLimited,
  SignInForm,
  SignOutEverywherePage,
} from '../../views/people/auth-views';
import type { WebDeps } from '../../web-deps';

const SignInFormSchema = z.object({
  email: z
    .string({ error: 'auth:signIn.errors.emailRequired' })
    .trim()
    .min(1, 'auth:signIn.errors.emailRequired')
    .max(254, 'auth:signIn.errors.emailInvalid')
    .pipe(z.email('auth:signIn.errors.emailInvalid')),
  next: z.string().optional(),
});

/**
 * Sign-in, sign-out and the one-time link. better-auth's own HTTP endpoints are not mounted: these
 * handlers call its server API, so every way in goes through our rate limit and our people table.
 */
export const authPages = (ctx: WebDeps, auth: Auth) => {
  const app = new Hono<AppEnv>();
  const { people } = ctx.services;

  app.get('/sign-in', (c) => {
    const t = c.get('t');
    return renderPage(c, {
      title: t('auth:signIn.title'),
      children: <SignInForm csrfToken={c.get('csrfToken')} next={safeNextPath(c.req.query('next'))} />,
    });
  });

  app.post('/sign-in', async (c) => {
    const t = c.get('t');
    const body = await c.req.parseBody();
    const parsed = SignInFormSchema.safeParse(body);
    const next = safeNextPath(body.next);
    if (!parsed.success) {
      const message = parsed.error.issues.find((issue) => issue.path[0] === 'email')?.message;
      return renderPage(c, {
        title: t('auth:signIn.title'),
        status: 422,
        children: (
          <SignInForm
            csrfToken={c.get('csrfToken')}
            email={typeof body.email === 'string' ? body.email : ''}
            next={next}
            error={t(message ?? 'auth:signIn.errors.emailInvalid')}
          />
        ),
      });
    }
    const { email } = parsed.data;
    try {
      await people.requestSignInLink({
        email,
        ipAddress: clientIpAddress(c),
        next,
        locale: c.get('locale'),
        issueLink: async (person, options) => {
          await auth.api.signInMagicLink({
            body: { email: person.email, name: person.name, metadata: options },
            headers: authRequestHeaders(c),
          });
        },
      });
    } catch (error) {
      if (isDomainError(error) && error.code === 'RATE_LIMITED') {
        c.header('Retry-After', String(SIGN_IN_RATE_LIMIT.windowMinutes * 60));
        return renderPage(c, {
          title: t('auth:rateLimited.title'),
          status: 429,
          children: <RateLimited minutes={SIGN_IN_RATE_LIMIT.windowMinutes} />,
        });
      }
      throw error;
    }
    return renderPage(c, {
      title: t('auth:checkEmail.title'),
      children: (
        <CheckEmail
          email={email.toLowerCase()}
          minutes={SIGN_IN_LINK_MINUTES}
          limit={{ count: SIGN_IN_RATE_LIMIT.emailsPerAddress, window: SIGN_IN_RATE_LIMIT.windowMinutes }}
        />
      ),
    });
  });

  app.get('/sign-in/verify', async (c) => {
    const t = c.get('t');
    const token = c.req.query('token');
    const next = safeNextPath(c.req.query('next'));
    const linkInvalid = () =>
      renderPage(c, {
        title: t('auth:linkInvalid.title'),
        status: 400,
        children: <LinkInvalid minutes={SIGN_IN_LINK_MINUTES} next={next} />,
      });
    if (!token) return linkInvalid();
    let verified: Awaited<ReturnType<typeof verifyLink>>;
    const verifyLink = () =>
      auth.api.magicLinkVerify({ query: { token }, headers: authRequestHeaders(c), returnHeaders: true });
    try {
      verified = await verifyLink();
    } catch (error) {
      // Used, expired, unknown, or the person has gone: all mean "this link no longer works".
      if (isAPIError(error)) return linkInvalid();
      throw error;
    }
    for (const cookie of verified.headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
    const viewer = await people.findViewerByEmail(verified.response.user.email);
    ctx.logger.info({ personId: viewer?.personId }, 'signed in');
    return c.redirect(next ?? (isCoordinator(viewer) ? '/coordinator' : PARTICIPANT_AREA_PATH), 303);
  });

  app.post('/sign-out', async (c) => {
    try {
      const { headers } = await auth.api.signOut({ headers: authRequestHeaders(c), returnHeaders: true });
      for (const cookie of headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
    } catch (error) {
      // Signing out without a session (an old tab, a second click) is not an error.
      if (!isAPIError(error)) throw error;
    }
    setFlash(c, { kind: 'success', message: c.get('t')('auth:signOut.done') });
    return c.redirect('/sign-in', 303);
  });

  // Ends every session of the signed-in person, on every device (a lost laptop, a shared computer).
  app.get('/sign-out/everywhere', (c) => {
    const viewer = c.get('viewer');
    if (!viewer) return c.redirect('/sign-in?next=%2Fsign-out%2Feverywhere', 303);
    return renderPage(c, {
      title: c.get('t')('auth:signOutEverywhere.title'),
      children: <SignOutEverywherePage csrfToken={c.get('csrfToken')} email={viewer.email} />,
    });
  });

  app.post('/sign-out/everywhere', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer) return c.redirect('/sign-in?next=%2Fsign-out%2Feverywhere', 303);
    const { headers } = await auth.api.revokeSessions({
      headers: authRequestHeaders(c),
      returnHeaders: true,
    });
    for (const cookie of headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
    await people.recordSignOutEverywhere(viewer);
    ctx.logger.info({ personId: viewer.personId }, 'signed out everywhere');
    setFlash(c, { kind: 'success', message: c.get('t')('auth:signOutEverywhere.done') });
    return c.redirect('/sign-in', 303);
  });

  return app;
};
