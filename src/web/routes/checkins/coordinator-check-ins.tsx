import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { RoundCheckInsView, roundCheckInsPath } from '../../views/checkins/round-check-ins-view';
import { renderPage } from '../../views/layout';
import type { WebDeps } from '../../web-deps';

/**
 * /coordinator/rounds/:roundId/check-ins: the round's intervention list, check-ins by fortnight
 * and the latest answers (country coordinators: their countries). Marking a silent partner
 * inactive goes through the partnerships page's confirmation step (program coordinators); any
 * coordinator who sees a partnership may dismiss it for this episode. Mounted inside the
 * coordinator area, whose guard already requires a coordinator.
 */
export const coordinatorCheckIns = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { checkIns } = ctx.services;

  app.get('/:roundId/check-ins', async (c) => {
    const view = await checkIns.round({ viewer: c.get('viewer'), roundId: c.req.param('roundId') });
    c.header('Cache-Control', 'private, no-store');
    return renderPage(c, {
      title: c.get('t')('checkins:coordinator.title', { round: view.round.name }),
      children: <RoundCheckInsView view={view} csrfToken={c.get('csrfToken')} />,
    });
  });

  app.post('/:roundId/check-ins/dismiss', async (c) => {
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody();
    const { dismissed } = await checkIns.dismiss({
      viewer: c.get('viewer'),
      roundId,
      partnershipId: typeof body.partnershipId === 'string' ? body.partnershipId : '',
      episode: typeof body.episode === 'string' ? body.episode : '',
    });
    setFlash(c, {
      kind: dismissed ? 'success' : 'info',
      message: c.get('t')(
        dismissed ? 'checkins:coordinator.dismissed' : 'checkins:coordinator.alreadyDismissed',
      ),
    });
    return c.redirect(roundCheckInsPath(roundId), 303);
  });

  return app;
};
