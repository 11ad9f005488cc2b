import { type Context, Hono, type Next } from 'hono';
import type { AppEnv } from '../../env';
import { requireViewer } from '../../middleware/require-role';
import { renderPage } from '../../views/layout';
import { MyApplicationView } from '../../views/participant/my-application-view';
import { PartnershipView } from '../../views/participant/partnership-view';
import { PartnershipsListView } from '../../views/participant/partnerships-list-view';
import type { WebDeps } from '../../web-deps';
import { myDataPages } from '../privacy/my-data-pages';
import { participantCheckInPages } from './check-in-pages';

/** Personal pages: never kept by a browser cache or a proxy. */
const noStore = async (c: Context<AppEnv>, next: Next) => {
  await next();
  c.header('Cache-Control', 'private, no-store');
};

/**
 * The participants' area (PARTICIPANT_AREA_PATH): anyone signed in sees the partnerships they are
 * or were in, and their own application. The services start every read from the signed-in person,
 * so a partnership of someone else answers 404, the same as one that does not exist.
 */
export const participantPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { participants } = ctx.services;
  app.use(
    '*',
    requireViewer(() => true),
  );
  app.use('*', noStore);

  app.get('/', async (c) => {
    const partnerships = await participants.list(c.get('viewer'));
    return renderPage(c, {
      title: c.get('t')('participant:area.title'),
      children: <PartnershipsListView partnerships={partnerships} />,
    });
  });

  app.get('/partnerships/:partnershipId', async (c) => {
    const partnership = await participants.partnership({
      viewer: c.get('viewer'),
      partnershipId: c.req.param('partnershipId'),
    });
    return renderPage(c, {
      title: c.get('t')('participant:partnership.title', { round: partnership.round.name }),
      children: <PartnershipView partnership={partnership} />,
    });
  });

  app.route('/check-ins', participantCheckInPages(ctx));
  app.route('/my-data', myDataPages(ctx));

  app.get('/partnerships/:partnershipId/application', async (c) => {
    const mine = await participants.application({
      viewer: c.get('viewer'),
      partnershipId: c.req.param('partnershipId'),
    });
    return renderPage(c, {
      title: c.get('t')('participant:application.title', { round: mine.round.name }),
      children: <MyApplicationView {...mine} />,
    });
  });

  return app;
};
