import { Hono } from 'hono';
import type { ReviewedApplication } from '../../../services/ports/review';
import type { AppEnv } from '../../env';
import { requireCoordinator } from '../../middleware/require-role';
import { PAGE_SIZE, parseReviewQuery } from '../../views/review/review-query';
import type { WebDeps } from '../../web-deps';

/**
 * A small read-only JSON API over the review list, with the same filters and country scope as the
 * page: GET /api/rounds/:roundId/applications?q=&country=&status=&sector=&careerStage=&duplicates=1&sort=&page=
 * Errors are {"error":{"code","message"}} (the app's error handler does that for /api/ paths).
 */
export interface ApiApplication {
  id: string;
  name: string;
  email: string;
  countryCode: string;
  status: string;
  sector: string;
  careerStage: string;
  role: string;
  submittedAt: string;
  isLikelyDuplicate: boolean;
  declineReason: string | null;
}

const toApi = (application: ReviewedApplication): ApiApplication => ({
  id: application.id,
  name: application.name,
  email: application.email,
  countryCode: application.countryCode,
  status: application.status,
  sector: application.answers.sector,
  careerStage: application.answers.careerStage,
  role: application.answers.role,
  submittedAt: application.submittedAt.toISOString(),
  isLikelyDuplicate: application.isLikelyDuplicate,
  declineReason: application.declineReason,
});

export const apiApplications = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  app.use('/rounds/*', requireCoordinator());

  app.get('/rounds/:roundId/applications', async (c) => {
    const query = parseReviewQuery(c.req.query());
    const { round, items, total } = await ctx.services.review.list({
      viewer: c.get('viewer'),
      roundId: c.req.param('roundId'),
      ...query,
      pageSize: PAGE_SIZE,
    });
    return c.json({
      round: { id: round.id, name: round.name, status: round.status },
      page: query.page,
      pageSize: PAGE_SIZE,
      total,
      applications: items.map(toApi),
    });
  });

  app.get('/rounds/:roundId/applications/:applicationId', async (c) => {
    const { application } = await ctx.services.review.detail({
      viewer: c.get('viewer'),
      roundId: c.req.param('roundId'),
      applicationId: c.req.param('applicationId'),
    });
    return c.json({ application: { ...toApi(application), answers: application.answers } });
  });

  return app;
};
