import { createMiddleware } from 'hono/factory';
import { getT, pickLocale } from '../../i18n';
import type { AppEnv } from '../env';

// STUB (web shell owner replaces).
export const i18nMiddleware = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const locale = pickLocale(c.req.header('accept-language'));
    c.set('locale', locale);
    c.set('t', getT(locale));
    await next();
  });
