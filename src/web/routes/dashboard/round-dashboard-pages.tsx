import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { RoundDashboardView } from '../../views/dashboard/round-dashboard-view';
import { renderPage } from '../../views/layout';
import type { WebDeps } from '../../web-deps';

/**
 * /coordinator/rounds/:roundId/dashboard: a round's figures with a chart and table each (country
 * coordinators: their countries; the mail queue for program coordinators only). Mounted inside
 * the coordinator area, whose guard already requires a coordinator; read-only.
 */
export const roundDashboardPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/:roundId/dashboard', async (c) => {
    const view = await ctx.services.dashboard.round({
      viewer: c.get('viewer'),
      roundId: c.req.param('roundId'),
    });
    c.header('Cache-Control', 'private, no-store');
    return renderPage(c, {
      title: c.get('t')('dashboard:title', { round: view.round.name }),
      children: <RoundDashboardView view={view} />,
    });
  });

  return app;
};
