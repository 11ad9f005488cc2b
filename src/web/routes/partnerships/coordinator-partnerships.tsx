import { Hono } from 'hono';
import { DomainError } from '../../../core/errors';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { requireProgramCoordinator } from '../../middleware/require-role';
import { renderPage } from '../../views/layout';
import {
  MarkInactiveConfirmView,
  partnershipsPath,
  RoundPartnershipsView,
} from '../../views/partnerships/round-partnerships-view';
import type { WebDeps } from '../../web-deps';

/**
 * /coordinator/rounds/:roundId/partnerships: a round's partnerships for coordinators (country
 * coordinators see those with someone of their countries), and for program coordinators the two
 * actions of a round under way: mark someone inactive (after a confirmation step) and repair now.
 * Mounted inside the coordinator area, whose guard already requires a coordinator.
 */
export const coordinatorPartnerships = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { matching } = ctx.services;
  const program = requireProgramCoordinator();

  app.get('/:roundId/partnerships', async (c) => {
    const view = await matching.partnerships({ viewer: c.get('viewer'), roundId: c.req.param('roundId') });
    c.header('Cache-Control', 'private, no-store');
    return renderPage(c, {
      title: c.get('t')('partnerships:title', { round: view.round.name }),
      children: <RoundPartnershipsView view={view} csrfToken={c.get('csrfToken')} />,
    });
  });

  app.get('/:roundId/partnerships/inactive', program, async (c) => {
    const applicationId = c.req.query('application') ?? '';
    const view = await matching.partnerships({ viewer: c.get('viewer'), roundId: c.req.param('roundId') });
    const member = view.partnerships
      .filter((partnership) => partnership.status === 'active')
      .flatMap((partnership) => partnership.members)
      .find((m) => m.applicationId === applicationId && m.leftAt === null);
    if (!member || !view.canEdit) {
      throw new DomainError('NOT_FOUND', 'partnership.memberNotFound', {
        applicationId,
        round: view.round.name,
      });
    }
    return renderPage(c, {
      title: c.get('t')('partnerships:confirm.title', { name: member.name }),
      children: (
        <MarkInactiveConfirmView
          roundId={view.round.id}
          roundName={view.round.name}
          member={member}
          csrfToken={c.get('csrfToken')}
        />
      ),
    });
  });

  app.post('/:roundId/partnerships/inactive', program, async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody();
    const applicationId = typeof body.applicationId === 'string' ? body.applicationId : '';
    const { repair } = await matching.markInactive({ viewer: c.get('viewer'), roundId, applicationId });
    const view = await matching.partnerships({ viewer: c.get('viewer'), roundId });
    const name =
      view.partnerships.flatMap((p) => p.members).find((m) => m.applicationId === applicationId)?.name ?? '';
    const created = repair?.created.length ?? 0;
    setFlash(c, {
      kind: 'success',
      message: [
        t('partnerships:markedInactive', { name }),
        created > 0 ? t('partnerships:repaired', { count: created }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    });
    return c.redirect(partnershipsPath(roundId), 303);
  });

  app.post('/:roundId/partnerships/repair', program, async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const repair = await matching.repair({ viewer: c.get('viewer'), roundId });
    setFlash(c, {
      kind: repair.created.length > 0 ? 'success' : 'info',
      message: [
        repair.created.length > 0
          ? t('partnerships:repaired', { count: repair.created.length })
          : t('partnerships:repairedNone'),
        repair.unmatched.length > 0 ? t('partnerships:stillWaiting', { count: repair.unmatched.length }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    });
    return c.redirect(partnershipsPath(roundId), 303);
  });

  return app;
};
