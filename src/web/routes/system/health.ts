import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import type { WebDeps } from '../../web-deps';

/**
 * For load balancers and uptime checks: is the database answering? No details leave the server.
 * While the database is down this answers 503 `{"status":"unavailable"}` (logged once per outage
 * with every other part of the server, see db/database-errors.ts) and 200 again once it is back.
 */
export const healthRoutes = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await ctx.services.program.checkDatabase();
      ctx.health.succeeded('health check');
      return c.json({ status: 'ok' }, 200);
    } catch (error) {
      if (ctx.health.isUnavailable(error)) ctx.health.failed(error, 'health check');
      else ctx.logger.error({ err: error }, 'health check failed: the database did not answer');
      return c.json({ status: 'unavailable' }, 503);
    }
  });
  return app;
};
