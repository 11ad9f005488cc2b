import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { getT, knownLocale, pickLocale } from '../../i18n';
import type { AppEnv } from '../env';

export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * The query parameter of the language switcher. Not `lang`: that one chooses the language of a
 * page's content (a topic, a survey, a preview) without changing the interface or the cookie.
 */
export const LANGUAGE_PARAMETER = 'language';

/** What this browser chose: `?language=` (the switcher), else the cookie that remembers it. */
const browserChoice = (c: Context): string | undefined =>
  knownLocale(c.req.query(LANGUAGE_PARAMETER)) ?? knownLocale(getCookie(c, LANGUAGE_COOKIE));

/**
 * The request's language before anyone is known: this browser's choice, else Accept-Language
 * (shipped languages only), else English. Also usable outside the middleware (error pages).
 */
export const localeFor = (c: Context): string =>
  browserChoice(c) ?? pickLocale(c.req.header('accept-language'));

/** Remembers a language for this browser (the switcher, a saved profile). */
export const rememberLanguage = (c: Context, locale: string) =>
  setCookie(c, LANGUAGE_COOKIE, locale, { path: '/', maxAge: ONE_YEAR, sameSite: 'Lax' });

const useLocale = (c: Context<AppEnv>, locale: string) => {
  c.set('locale', locale);
  c.set('t', getT(locale));
};

export const i18nMiddleware = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const chosen = knownLocale(c.req.query(LANGUAGE_PARAMETER));
    if (chosen && chosen !== getCookie(c, LANGUAGE_COOKIE)) rememberLanguage(c, chosen);
    useLocale(c, localeFor(c));
    await next();
  });

/**
 * After the session is known: a signed-in person's own language (a coordinator's setting, a
 * participant's application) wins over the browser's Accept-Language, though not over a choice
 * made in this browser with the switcher, the most recent word on it.
 */
export const personLocaleMiddleware = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const own = knownLocale(c.get('viewer')?.locale);
    if (own && !browserChoice(c)) useLocale(c, own);
    await next();
  });
