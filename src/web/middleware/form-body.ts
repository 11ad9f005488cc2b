import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * Reads every form body (urlencoded or multipart) once, before CSRF protection and the routes:
 * a body that cannot be parsed (a broken multipart, a missing boundary) is a 400 here, the same on
 * every route, instead of an exception inside a handler (a 500). Hono keeps the parsed body, so
 * the CSRF check and the handlers read it again at no cost.
 */
export const formBody = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && FORM_TYPES.has(mediaType)) {
      try {
        await c.req.parseBody();
      } catch (error) {
        if (error instanceof HTTPException) throw error;
        throw new HTTPException(400, { cause: error });
      }
    }
    await next();
  });
