import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../../app-context';
import type { AppEnv } from '../env';

// STUB (web shell owner replaces).
export const csrfProtection = (_ctx: AppContext) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('csrfToken', '');
    await next();
  });
