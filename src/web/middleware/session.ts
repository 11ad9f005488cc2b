import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../../app-context';
import type { Auth } from '../../auth/auth';
import type { AppEnv } from '../env';

// STUB (auth owner replaces): resolves the signed-in person and their roles.
export const sessionMiddleware = (_ctx: AppContext, _auth: Auth) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('viewer', null);
    await next();
  });
