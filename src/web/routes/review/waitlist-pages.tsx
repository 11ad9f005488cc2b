import { Hono } from 'hono';
import { isDomainError } from '../../../core/errors';
import { type ShownProblem, shownProblemsOf, translateProblems } from '../../../i18n/problems';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { applicationsPath } from '../../views/review/list-view';
import { AdmitView } from '../../views/review/other-views';
import type { WebDeps } from '../../web-deps';
import { renderRoundPage } from './round-page';

/** Offering freed places to the waitlist (program coordinators): GET previews a dry run, POST admits. */
export const waitlistPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { review } = ctx.services;
  // Waitlist admission: GET previews (a dry run), POST admits.
  const parsePlaces = (value: unknown): number | undefined => {
    const text = typeof value === 'string' ? value.trim() : '';
    return text === '' ? undefined : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  };

  app.get('/:roundId/waitlist', async (c) => {
    const roundId = c.req.param('roundId');
    const places = c.req.query('places') ?? '';
    const { round } = await review.loadRound(c.get('viewer'), roundId);
    let problems: ShownProblem[] = [];
    let preview = await review
      .admitFromWaitlist({
        viewer: c.get('viewer'),
        roundId,
        dryRun: true,
      })
      .catch((error) => {
        if (isDomainError(error) && error.code === 'CONFLICT') {
          problems = shownProblemsOf(c.get('t'), error);
          return { admitted: [], stillWaitlisted: 0, capPerCountry: Number.POSITIVE_INFINITY };
        }
        throw error;
      });
    if (places !== '' && problems.length === 0) {
      try {
        preview = await review.admitFromWaitlist({
          viewer: c.get('viewer'),
          roundId,
          places: parsePlaces(places),
          dryRun: true,
        });
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
        problems = translateProblems(c.get('t'), error.details);
      }
    }
    return renderRoundPage(
      c,
      round,
      'review:admit.title',
      <AdmitView
        round={round}
        preview={preview}
        places={places}
        csrfToken={c.get('csrfToken')}
        problems={problems}
      />,
      problems.length > 0 ? 422 : 200,
    );
  });

  app.post('/:roundId/waitlist', async (c) => {
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody();
    const result = await review.admitFromWaitlist({
      viewer: c.get('viewer'),
      roundId,
      places: parsePlaces(body.places),
      dryRun: false,
    });
    setFlash(c, {
      kind: 'success',
      message: c.get('t')('review:admit.admitted', { count: result.admitted.length }),
    });
    return c.redirect(`${applicationsPath(roundId)}?status=accepted`, 303);
  });

  return app;
};
