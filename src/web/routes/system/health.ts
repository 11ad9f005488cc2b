import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppContext } from '../../../app-context';
import type { AppEnv } from '../../env';

/** For load balancers and uptime checks: is the database answering? No details leave the server. */
export const healthRoutes = (ctx: AppContext) => {
  const app = new Hono<AppEnv>();
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await sql`select 1`.execute(ctx.database.db);
      return c.json({ status: 'ok' }, 200);
    } catch (error) {
      ctx.logger.error({ err: error }, 'health check failed: the database did not answer');
      return c.json({ status: 'unavailable' }, 503);
    }
  });
  return app;
};
