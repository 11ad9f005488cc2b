import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { renderPage } from '../../views/layout';
import { CompareView } from '../../views/matching/compare-view';
import { matchingPath } from '../../views/matching/matching-paths';
import type { WebDeps } from '../../web-deps';

/**
 * Comparing two runs of a round (every coordinator; a country coordinator sees the changes for
 * their countries). Without both runs named, the two latest are compared.
 */
export const comparePages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { matching } = ctx.services;

  app.get('/:roundId/matching/compare', async (c) => {
    const roundId = c.req.param('roundId');
    const viewer = c.get('viewer');
    let beforeRunId = c.req.query('before')?.trim() || undefined;
    let afterRunId = c.req.query('after')?.trim() || undefined;
    if (!beforeRunId || !afterRunId) {
      const { runs } = await matching.board({ viewer, roundId });
      if (runs.length < 2) return c.redirect(matchingPath(roundId), 303);
      afterRunId ??= runs[0]!.id;
      beforeRunId ??= runs.find((run) => run.id !== afterRunId)!.id;
    }
    const comparison = await matching.compare({ viewer, roundId, beforeRunId, afterRunId });
    const board = await matching.board({ viewer, roundId, runId: afterRunId });
    const page = Number.parseInt(c.req.query('page') ?? '1', 10);
    return renderPage(c, {
      title: c.get('t')('matching:compare.title', {
        before: comparison.beforeNumber,
        after: comparison.afterNumber,
      }),
      children: (
        <CompareView
          round={board.round}
          comparison={comparison}
          beforeRunId={beforeRunId}
          afterRunId={afterRunId}
          people={board.people}
          page={Number.isFinite(page) && page >= 1 ? Math.min(page, 100_000) : 1}
          isWholeRound={board.viewer.isProgramCoordinator}
        />
      ),
    });
  });

  return app;
};
