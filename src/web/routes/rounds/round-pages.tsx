import { Hono } from 'hono';
import type { AppContext } from '../../../app-context';
import { findCurrentOrNextRound, findRoundPhase } from '../../../core/rounds';
import { createRoundsRepository } from '../../../db/repositories/rounds/rounds-repository';
import type { AppEnv } from '../../env';
import { renderPage } from '../../views/layout';
import { NoOpenRoundPage, RoundPage } from '../../views/rounds/round-views';

/** `/apply` (to the round taking applications, or when the next opens) and `/rounds/:id`. */
export const roundPages = (ctx: AppContext) => {
  const app = new Hono<AppEnv>();
  const rounds = createRoundsRepository(ctx.database.db);

  app.get('/apply', async (c) => {
    const current = findCurrentOrNextRound(await rounds.listRounds(), ctx.now());
    if (current?.phase === 'accepting-applications') {
      return c.redirect(`/rounds/${encodeURIComponent(current.round.id)}/apply`, 303);
    }
    const next = current?.phase === 'opening-soon' ? current.round : undefined;
    return renderPage(c, {
      title: c.get('t')('applications:noOpenRound.title'),
      children: <NoOpenRoundPage next={next} />,
    });
  });

  app.get('/rounds/:id', async (c) => {
    const round = await rounds.findRound(c.req.param('id'));
    // Drafts are not public yet.
    if (!round || round.status === 'draft') return c.notFound();
    return renderPage(c, {
      title: round.name,
      children: <RoundPage round={round} phase={findRoundPhase(round, ctx.now())} />,
    });
  });

  return app;
};
