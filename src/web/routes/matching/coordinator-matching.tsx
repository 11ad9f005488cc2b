import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { requireCoordinator, requireProgramCoordinator } from '../../middleware/require-role';
import type { WebDeps } from '../../web-deps';
import { boardPages } from './board-pages';
import { comparePages } from './compare-pages';
import { editPages } from './edit-pages';
import { pairPages } from './pair-pages';
import { settingsPages } from './settings-pages';

/**
 * A round's matching, under /coordinator/rounds/:roundId/matching: every coordinator may read the
 * board, a partnership, the comparison of two runs, and comment, for their own countries; running
 * matching, the settings, pairing by hand, locks and exclusions are for program coordinators (the
 * services check again).
 */
const PROGRAM_ONLY = ['settings', 'runs', 'pair', 'locks', 'locks/*', 'exclusions', 'exclusions/*'];

export const coordinatorMatching = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  app.use('/:roundId/matching', requireCoordinator());
  app.use('/:roundId/matching/*', requireCoordinator());
  for (const path of PROGRAM_ONLY) app.use(`/:roundId/matching/${path}`, requireProgramCoordinator());
  app.route('/', boardPages(ctx));
  app.route('/', editPages(ctx));
  app.route('/', pairPages(ctx));
  app.route('/', settingsPages(ctx));
  app.route('/', comparePages(ctx));
  return app;
};
