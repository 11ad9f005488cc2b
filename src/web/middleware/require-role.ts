import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { isCoordinator, type Viewer } from '../../core/people/viewer';
import type { AppEnv } from '../env';
import type { ApiErrorBody } from '../http-errors';
import { renderForbiddenPage } from '../views/people/forbidden-page';

const isApiRequest = (c: Context<AppEnv>) => c.req.path.startsWith('/api/') || c.req.path.includes('/api/');

/**
 * Server-side role check for a page or API route. Nobody signed in: pages redirect to
 * /sign-in?next=<this page>, API routes answer 401 JSON. Signed in without the role: 403.
 */
export const requireViewer = (isAllowed: (viewer: Viewer) => boolean) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const viewer = c.get('viewer');
    if (!viewer) {
      if (isApiRequest(c)) {
        const body: ApiErrorBody = {
          error: { code: 'UNAUTHENTICATED', message: c.get('t')('errors.signInFirst') },
        };
        return c.json(body, 401);
      }
      const url = new URL(c.req.url);
      const next = c.req.method === 'GET' ? `${url.pathname}${url.search}` : url.pathname;
      return c.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
    }
    if (!isAllowed(viewer)) {
      if (isApiRequest(c)) {
        const body: ApiErrorBody = {
          error: {
            code: 'FORBIDDEN',
            message: c.get('t')('errors.notAllowed', { email: viewer.email, path: c.req.path }),
          },
        };
        return c.json(body, 403);
      }
      return renderForbiddenPage(c, viewer.email);
    }
    await next();
  });

/** Program or country coordinators. */
export const requireCoordinator = () => requireViewer((viewer) => isCoordinator(viewer));

/** Program coordinators only. */
export const requireProgramCoordinator = () => requireViewer((viewer) => viewer.isProgramCoordinator);
