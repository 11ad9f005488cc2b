import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { getT, pickLocale, supportedLocales } from '../../i18n';
import type { AppEnv } from '../env';

export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR = 60 * 60 * 24 * 365;

const supported = (value: string | undefined): string | undefined => {
  const tag = value?.trim().toLowerCase();
  return tag && supportedLocales().includes(tag) ? tag : undefined;
};

/**
 * The request's language: `?lang=` (remembered in a cookie once chosen), else the `lang` cookie,
 * else the browser's Accept-Language. Also usable outside the middleware (error pages).
 */
export const localeFor = (c: Context): string =>
  supported(c.req.query('lang')) ??
  supported(getCookie(c, LANGUAGE_COOKIE)) ??
  pickLocale(c.req.header('accept-language'));

export const i18nMiddleware = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const chosen = supported(c.req.query('lang'));
    if (chosen && chosen !== getCookie(c, LANGUAGE_COOKIE)) {
      setCookie(c, LANGUAGE_COOKIE, chosen, { path: '/', maxAge: ONE_YEAR, sameSite: 'Lax' });
    }
    const locale = localeFor(c);
    c.set('locale', locale);
    c.set('t', getT(locale));
    await next();
  });
