import { Hono } from 'hono';
import { findCurrentOrNextRound, findRoundPhase } from '../../../core/rounds';
import type { AppEnv } from '../../env';
import { renderPage } from '../../views/layout';
import { NoOpenRoundPage, RoundPage } from '../../views/rounds/round-views';
import type { WebDeps } from '../../web-deps';

/** `/apply` (to the round taking applications, or when the next opens) and `/rounds/:id`. */
export const roundPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/apply', async (c) => {
    const current = findCurrentOrNextRound(await ctx.services.rounds.list(), ctx.now());
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
    const round = await ctx.services.rounds.find(c.req.param('id'));
    // Drafts are not public yet.
    if (!round || round.status === 'draft') return c.notFound();
    return renderPage(c, {
      title: round.name,
      children: <RoundPage round={round} phase={findRoundPhase(round, ctx.now())} />,
    });
  });

  return app;
};
