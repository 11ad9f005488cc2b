import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * NUL (U+0000) is never typed by a person, and PostgreSQL cannot store it in text (SQLite can):
 * a path, query, cookie or form field holding one is refused here, the same on both databases,
 * instead of failing in a query (a 500). Files are checked where they are read (CSV imports).
 */
const hasNul = (value: string) => value.includes('\u0000');
const ENCODED_NUL = /%00/;

const hasNulInForm = (body: Record<string, unknown>) =>
  Object.entries(body).some(
    ([name, value]) =>
      hasNul(name) ||
      (typeof value === 'string' && hasNul(value)) ||
      (Array.isArray(value) && value.some((item) => typeof item === 'string' && hasNul(item))),
  );

const hasNulInRequestLine = (c: Context) => {
  const url = c.req.url;
  if (ENCODED_NUL.test(url) || hasNul(url)) return true;
  return Object.values(getCookie(c)).some(hasNul);
};

/**
 * Reads every form body (urlencoded or multipart) once, before CSRF protection and the routes:
 * a body that cannot be parsed (a broken multipart, a missing boundary) is a 400 here, the same on
 * every route, instead of an exception inside a handler (a 500). Hono keeps the parsed body, so
 * the CSRF check and the handlers read it again at no cost. A NUL anywhere in the request's text
 * is a 400 too (see hasNul).
 */
export const formBody = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const refuseNul = () => new HTTPException(400, { message: c.get('t')('errors.nulCharacter') });
    if (hasNulInRequestLine(c)) throw refuseNul();
    const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && FORM_TYPES.has(mediaType)) {
      let body: Record<string, unknown>;
      try {
        body = await c.req.parseBody({ all: true });
      } catch (error) {
        if (error instanceof HTTPException) throw error;
        throw new HTTPException(400, { cause: error });
      }
      if (hasNulInForm(body)) throw refuseNul();
    }
    await next();
  });
