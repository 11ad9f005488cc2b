import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import type { WebDeps } from '../web-deps';

/**
 * Headers on every response, errors included. The policy allows no inline script or style:
 * behaviour lives in /static/app.js and htmx, styles in /static/app.css. Responses that do not say
 * how to cache them are `Cache-Control: no-store`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

export const securityHeaders = (ctx: WebDeps) => {
  const headers: [string, string][] = [
    ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
  ];
  // Only over https: on plain http the header is meaningless and would mislead.
  if (ctx.config.baseUrl.startsWith('https:')) {
    headers.push(['Strict-Transport-Security', 'max-age=31536000']);
  }
  // A route that sets its own, stricter policy (the outbox's sandboxed email view) keeps it.
  const apply = (response: Response) => {
    for (const [name, value] of headers) {
      if (name === 'Content-Security-Policy' && response.headers.has(name)) continue;
      response.headers.set(name, value);
    }
    // Pages are made per person (a CSRF token in each, and personal data in coordinator pages, the
    // API, private-link and sign-in pages, the outbox, and forms shown again with their answers):
    // no browser or proxy may keep them. Static files say how they may be cached and keep that.
    if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
  };
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    try {
      apply(c.res);
    } catch {
      // Responses such as Response.redirect() have immutable headers: copy, then set.
      c.res = new Response(c.res.body, c.res);
      apply(c.res);
    }
  });
};
