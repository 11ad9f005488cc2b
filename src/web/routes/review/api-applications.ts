import { Hono } from 'hono';
import type { AppContext } from '../../../app-context';
import { DomainError } from '../../../core/errors';
import type { ReviewedApplication } from '../../../db/repositories/review/application-review-repository';
import { createReviewDeps } from '../../../db/unit-of-work/transaction-unit-of-work';
import { scopeOf } from '../../../services/people/access';
import type { AppEnv } from '../../env';
import { requireCoordinator } from '../../middleware/require-role';
import { PAGE_SIZE, parseReviewQuery } from './review-query';

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

export const apiApplications = (ctx: AppContext) => {
  const app = new Hono<AppEnv>();
  app.use('/rounds/*', requireCoordinator());

  app.get('/rounds/:roundId/applications', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer) throw new DomainError('UNAUTHENTICATED', c.get('t')('errors.signInFirst'));
    const { review, rounds } = createReviewDeps(ctx.database.db, {
      now: ctx.now,
      baseUrl: ctx.config.baseUrl,
    });
    const round = await rounds.getRound(c.req.param('roundId'));
    const query = parseReviewQuery(c.req.query());
    const { items, total } = await review.listApplications({
      roundId: round.id,
      scope: scopeOf(viewer),
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
    const viewer = c.get('viewer');
    if (!viewer) throw new DomainError('UNAUTHENTICATED', c.get('t')('errors.signInFirst'));
    const { review } = createReviewDeps(ctx.database.db, { now: ctx.now, baseUrl: ctx.config.baseUrl });
    const roundId = c.req.param('roundId');
    const applicationId = c.req.param('applicationId');
    const application = await review.findApplicationInScope(applicationId, scopeOf(viewer));
    if (!application || application.roundId !== roundId) {
      throw new DomainError('NOT_FOUND', c.get('t')('review:detail.notFound', { applicationId, roundId }));
    }
    return c.json({ application: { ...toApi(application), answers: application.answers } });
  });

  return app;
};
