import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER } from '../views/csrf-names';
import type { WebDeps } from '../web-deps';

/**
 * Cross-site request forgery protection for every state-changing request, plain HTML forms
 * included (signed double submit). Each browser gets a random secret in an httpOnly cookie; pages
 * embed HMAC(AUTH_SECRET, secret) as `csrfToken`, which forms send back in a hidden `_csrf` field
 * and htmx in the `X-CSRF-Token` header. A cross-site page can neither read the cookie nor compute
 * the HMAC. The Origin header, when the browser sends one, must also be ours.
 *
 * The form body is parsed here with c.req.parseBody(), which Hono caches: handlers read it again
 * with c.req.parseBody() / c.req.formData() / a validator, never from c.req.raw.
 */
export { CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER } from '../views/csrf-names';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Paths that check requests themselves; keep this list explicit and short. Empty: better-auth's
 * own HTTP endpoints are not mounted (the sign-in pages call its server API behind this check).
 * Were they mounted under /api/auth/, that prefix would go here, as better-auth checks Origin.
 */
export const CSRF_EXEMPT_PREFIXES: readonly string[] = [];

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export class CsrfError extends HTTPException {
  constructor(readonly reason: string) {
    super(403, { message: `CSRF check failed: ${reason}` });
  }
}

const sign = (secret: string, value: string) =>
  createHmac('sha256', secret).update(value).digest('base64url');

const isSameToken = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

const allowedOrigins = (ctx: WebDeps, c: Context) =>
  new Set([new URL(ctx.config.baseUrl).origin, new URL(c.req.url).origin]);

const readSubmittedToken = async (c: Context): Promise<string | undefined> => {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!FORM_TYPES.includes(mediaType)) return undefined;
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch {
    throw new HTTPException(400);
  }
  const field = body[CSRF_FIELD];
  return typeof field === 'string' ? field : undefined;
};

export const csrfProtection = (ctx: WebDeps) => {
  const isSecure = ctx.config.baseUrl.startsWith('https:');
  return createMiddleware<AppEnv>(async (c, next) => {
    let secret = getCookie(c, CSRF_COOKIE);
    const hadCookie = !!secret && /^[A-Za-z0-9_-]{43}$/.test(secret);
    if (!hadCookie) {
      secret = randomBytes(32).toString('base64url');
      setCookie(c, CSRF_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isSecure });
    }
    const expected = sign(ctx.config.authSecret, secret!);
    c.set('csrfToken', expected);

    const path = c.req.path;
    const isExempt = CSRF_EXEMPT_PREFIXES.some((prefix) => path.startsWith(prefix));
    if (!SAFE_METHODS.has(c.req.method) && !isExempt) {
      const origin = c.req.header('origin');
      if (origin !== undefined && !allowedOrigins(ctx, c).has(origin)) {
        throw new CsrfError(`origin ${origin} is not this site`);
      }
      if (!hadCookie) throw new CsrfError('no CSRF cookie (expired, or cookies are blocked)');
      const submitted = await readSubmittedToken(c);
      if (!submitted) throw new CsrfError('no token in the form or header');
      if (!isSameToken(submitted, expected)) throw new CsrfError('the token does not match the cookie');
    }
    await next();
  });
};
