import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { requireCoordinator, requireProgramCoordinator } from '../../middleware/require-role';
import type { WebDeps } from '../../web-deps';
import { importPages } from './import-pages';
import { reviewPages } from './review-pages';
import { waitlistPages } from './waitlist-pages';

/**
 * Reviewing a round's applications, under /coordinator/rounds/:roundId/…: every coordinator may
 * use the list, counts, detail, decisions, notes and export, for their own countries; waitlist
 * admission and imports are for program coordinators.
 */
export const coordinatorApplications = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  app.use('/:roundId/applications', requireCoordinator());
  app.use('/:roundId/applications/*', requireCoordinator());
  app.use('/:roundId/waitlist', requireProgramCoordinator());
  app.use('/:roundId/imports', requireProgramCoordinator());
  app.use('/:roundId/imports/*', requireProgramCoordinator());
  app.route('/', reviewPages(ctx));
  app.route('/', waitlistPages(ctx));
  app.route('/', importPages(ctx));
  return app;
};
