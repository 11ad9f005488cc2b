import { type Context, Hono } from 'hono';
import { DomainError, invalidInput, isDomainError } from '../../../core/errors';
import { MATCH_OBJECTIVES, type MatchObjective } from '../../../core/matchmaking';
import { type ShownProblem, translateError, translateProblems } from '../../../i18n/problems';
import { partnershipKey } from '../../../services/matching/match-board';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { renderPage } from '../../views/layout';
import { buildBoardPage, cardOf, parseBoardQuery } from '../../views/matching/board-model';
import { MatchingBoardView } from '../../views/matching/board-view';
import { matchingPath, partnershipPath } from '../../views/matching/matching-paths';
import { formatNumber, namesOf } from '../../views/matching/matching-words';
import type { CardContext } from '../../views/matching/partnership-card';
import { PartnershipPageView } from '../../views/matching/partnership-page-view';
import { PublishConfirmView, PublishLink } from '../../views/matching/publish-view';
import { partnershipsPath } from '../../views/partnerships/round-partnerships-view';
import type { WebDeps } from '../../web-deps';

/**
 * The matching board of a round (every coordinator, for their countries), one proposed
 * partnership on its own page (another country's is a 404, as a missing one is), and running
 * matching and publishing a run (program coordinators; post/redirect/get with a flash message).
 */
export const boardPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { matching } = ctx.services;

  const renderBoard = async (c: Context<AppEnv>, roundId: string, runProblems?: ShownProblem[]) => {
    const query = parseBoardQuery(c.req.query());
    const board = await matching.board({ viewer: c.get('viewer'), roundId, runId: query.runId });
    const model = buildBoardPage(board, query, c.get('locale'));
    return renderPage(c, {
      title: c.get('t')('matching:board.title', { round: board.round.name }),
      status: runProblems ? 422 : 200,
      children: (
        <MatchingBoardView
          model={model}
          csrfToken={c.get('csrfToken')}
          runProblems={runProblems}
          publishControl={
            board.canEdit && board.round.status === 'matching' && board.run?.status === 'proposed' ? (
              <PublishLink roundId={board.round.id} runId={board.run.id} />
            ) : undefined
          }
        />
      ),
    });
  };

  app.get('/:roundId/matching', (c) => renderBoard(c, c.req.param('roundId')));

  app.post('/:roundId/matching/runs', async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody();
    const objective = typeof body.objective === 'string' ? body.objective : '';
    try {
      if (!(MATCH_OBJECTIVES as readonly string[]).includes(objective)) {
        throw invalidInput([{ field: 'objective', code: 'match.objective' }]);
      }
      const run = await matching.run({
        viewer: c.get('viewer'),
        roundId,
        objective: objective as MatchObjective,
      });
      setFlash(c, {
        kind: 'success',
        message: t('matching:done.run', {
          number: run.number,
          partnerships: formatNumber(c.get('locale'), run.result.partnerships.length),
          unmatched: formatNumber(c.get('locale'), run.result.unmatched.length),
        }),
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'VALIDATION') return renderBoard(c, roundId, translateProblems(t, error.details));
      if (error.code !== 'CONFLICT') throw error;
      setFlash(c, { kind: 'error', message: translateError(t, error).slice(0, 450) });
    }
    return c.redirect(matchingPath(roundId), 303);
  });

  // Publishing emails every partner and cannot be undone: a confirmation page with the counts first.
  app.get('/:roundId/matching/runs/:runId/publish', async (c) => {
    const t = c.get('t');
    const preview = await matching.previewPublish({
      viewer: c.get('viewer'),
      roundId: c.req.param('roundId'),
      runId: c.req.param('runId'),
    });
    return renderPage(c, {
      title: t('matching:publish.title', { number: preview.run.number, round: preview.round.name }),
      children: (
        <PublishConfirmView
          preview={preview}
          refusal={preview.refusal ? translateError(t, preview.refusal) : undefined}
          csrfToken={c.get('csrfToken')}
        />
      ),
    });
  });

  app.post('/:roundId/matching/runs/:runId/publish', async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    try {
      const published = await matching.publish({
        viewer: c.get('viewer'),
        roundId,
        runId: c.req.param('runId'),
      });
      setFlash(c, {
        kind: 'success',
        message: t('matching:done.published', {
          number: published.number,
          partnerships: formatNumber(c.get('locale'), published.partnerships),
          participants: formatNumber(c.get('locale'), published.participants),
        }),
      });
      return c.redirect(partnershipsPath(roundId), 303);
    } catch (error) {
      // Published meanwhile (a second click, another coordinator), or out of date: say why on the board.
      if (!isDomainError(error) || error.code !== 'CONFLICT') throw error;
      setFlash(c, { kind: 'error', message: translateError(t, error).slice(0, 450) });
      return c.redirect(matchingPath(roundId), 303);
    }
  });

  app.get('/:roundId/matching/partnerships/:key', (c) =>
    renderPartnershipPage(c, ctx, c.req.param('roundId'), c.req.param('key'), c.req.query('run')),
  );

  return app;
};

/**
 * A partnership of the run shown (the latest unless `runId`), on its own page; `failed` shows a
 * comment that could not be saved, with its problem next to the field.
 */
export const renderPartnershipPage = async (
  c: Context<AppEnv>,
  ctx: WebDeps,
  roundId: string,
  key: string,
  runId: string | undefined,
  failed?: { problems: ShownProblem[]; comment: string },
) => {
  const board = await ctx.services.matching.board({
    viewer: c.get('viewer'),
    roundId,
    runId: runId || undefined,
  });
  const wanted = partnershipKey(key.split('+'));
  const partnership = board.run?.result.partnerships.find((p) => partnershipKey(p.applicationIds) === wanted);
  if (!board.run || !partnership) {
    throw new DomainError('NOT_FOUND', 'match.partnershipNotFound', { roundId });
  }
  const card = cardOf(board, partnership);
  const context: CardContext = {
    roundId: board.round.id,
    runId: board.run.id,
    people: board.people,
    weights: board.settings.weights,
    programTimeZone: board.round.programTimeZone,
    canEdit: board.canEdit,
    csrfToken: c.get('csrfToken'),
    back: partnershipPath(board.round.id, card.key, board.run.id),
    commentError: failed?.problems.map((problem) => problem.message).join(' '),
    commentValue: failed?.comment,
  };
  return renderPage(c, {
    title: c.get('t')('matching:partnership.title', {
      names: namesOf(c.get('locale'), board.people, partnership.applicationIds),
      number: board.run.number,
    }),
    status: failed ? 422 : 200,
    children: <PartnershipPageView card={card} context={context} runNumber={board.run.number} />,
  });
};
