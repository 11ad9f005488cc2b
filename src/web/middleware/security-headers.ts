import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../../app-context';
import type { AppEnv } from '../env';

// STUB (web shell owner replaces).
export const securityHeaders = (_ctx: AppContext) =>
  createMiddleware<AppEnv>(async (_c, next) => {
    await next();
  });
