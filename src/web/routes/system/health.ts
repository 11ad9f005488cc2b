import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import type { WebDeps } from '../../web-deps';

/** For load balancers and uptime checks: is the database answering? No details leave the server. */
export const healthRoutes = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await ctx.services.program.checkDatabase();
      return c.json({ status: 'ok' }, 200);
    } catch (error) {
      ctx.logger.error({ err: error }, 'health check failed: the database did not answer');
      return c.json({ status: 'unavailable' }, 503);
    }
  });
  return app;
};
