import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { requireCoordinator } from '../../middleware/require-role';
import { renderPage } from '../../views/layout';
import { DashboardView } from '../../views/people/dashboard';
import type { WebDeps } from '../../web-deps';
import { auditPages } from '../audit/audit-pages';
import { coordinatorCheckIns } from '../checkins/coordinator-check-ins';
import { roundDashboardPages } from '../dashboard/round-dashboard-pages';
import { coordinatorMatching } from '../matching/coordinator-matching';
import { coordinatorPartnerships } from '../partnerships/coordinator-partnerships';
import { coordinatorApplications } from '../review/coordinator-applications';
import { coordinatorRounds } from '../rounds/coordinator-rounds';
import { coordinatorPeoplePages } from './coordinator-people-pages';
import { profilePages } from './profile-pages';

/**
 * Everything under /coordinator. The role guard is applied to the whole sub-app, so a page added
 * here later is protected without remembering to; pages for program coordinators only add
 * requireProgramCoordinator() on top.
 */
export const coordinatorPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  app.use('*', requireCoordinator());

  app.get('/', async (c) => {
    const viewer = c.get('viewer');
    const data = await ctx.services.people.dashboard(viewer);
    return renderPage(c, {
      title: c.get('t')('coordinator:dashboard.title'),
      children: viewer && (
        <DashboardView viewer={viewer} dashboard={data} isOutboxEnabled={c.get('isOutboxEnabled') ?? false} />
      ),
    });
  });

  app.route('/', profilePages(ctx));
  app.route('/rounds', coordinatorRounds(ctx));
  app.route('/rounds', coordinatorApplications(ctx));
  app.route('/rounds', coordinatorPartnerships(ctx));
  app.route('/rounds', coordinatorMatching(ctx));
  app.route('/people', coordinatorPeoplePages(ctx));
  app.route('/audit', auditPages(ctx));
  app.route('/rounds', coordinatorCheckIns(ctx));
  app.route('/rounds', roundDashboardPages(ctx));

  return app;
};
