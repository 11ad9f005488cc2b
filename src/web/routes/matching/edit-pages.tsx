import { type Context, Hono } from 'hono';
import { isDomainError } from '../../../core/errors';
import { shownProblemsOf } from '../../../i18n/problems';
import { partnershipKey } from '../../../services/matching/match-board';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { namesOf } from '../../views/matching/matching-words';
import { PAIR_SLOTS, type PairChoices } from '../../views/matching/pair-model';
import type { WebDeps } from '../../web-deps';
import { renderPartnershipPage } from './board-pages';
import { backToPartnership, readIds, readText, safeBack } from './matching-requests';
import { describeRefusal, renderPairPage } from './pair-pages';

/**
 * What coordinators change between runs, each a plain form post that comes back where it was
 * sent from with a flash message: keep a partnership together (a lock) or unlock it, break it up
 * (keep its people apart) or allow them together again, and comment. Only program coordinators
 * change anything (the services refuse everyone else); every coordinator may comment on the
 * partnerships they see.
 */
export const editPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { matching } = ctx.services;

  /** People's names for a flash message (the board knows them, within the viewer's scope). */
  const namesFor = async (c: Context<AppEnv>, roundId: string, ids: string[]) => {
    const board = await matching.board({ viewer: c.get('viewer'), roundId });
    return { board, names: namesOf(c.get('locale'), board.people, ids) };
  };

  app.post('/:roundId/matching/locks', async (c) => {
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody({ all: true });
    const ids = readIds(body);
    try {
      const { locked } = await matching.lock({ viewer: c.get('viewer'), roundId, applicationIds: ids });
      const { names } = await namesFor(c, roundId, ids);
      setFlash(c, {
        kind: 'success',
        message: c.get('t')(locked ? 'matching:done.locked' : 'matching:done.alreadyLocked', { names }),
      });
      return c.redirect(backToPartnership(roundId, body.back, ids), 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      // The rules it would break, by name, on the page for pairing by hand with these people chosen.
      const { board } = await namesFor(c, roundId, ids);
      const choices: PairChoices = { people: {}, countries: {} };
      PAIR_SLOTS.forEach((slot, index) => {
        const id = ids[index];
        if (id === undefined) return;
        choices.people[slot] = id;
        choices.countries[slot] = board.people.get(id)?.countryCode;
      });
      return renderPairPage(c, ctx, roundId, choices, {
        status: 422,
        problems: await describeRefusal(c, ctx, roundId, choices, error),
      });
    }
  });

  app.post('/:roundId/matching/locks/:lockId/delete', async (c) => {
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody();
    const { board: before } = await namesFor(c, roundId, []);
    const lock = before.locks.find((l) => l.id === c.req.param('lockId'));
    await matching.unlock({ viewer: c.get('viewer'), roundId, lockId: c.req.param('lockId') });
    setFlash(c, {
      kind: 'success',
      message: c.get('t')('matching:done.unlocked', {
        names: namesOf(c.get('locale'), before.people, lock?.applicationIds ?? []),
      }),
    });
    return c.redirect(backToPartnership(roundId, body.back, lock?.applicationIds ?? []), 303);
  });

  app.post('/:roundId/matching/exclusions', async (c) => {
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody({ all: true });
    const ids = readIds(body);
    await matching.exclude({ viewer: c.get('viewer'), roundId, applicationIds: ids });
    const { names } = await namesFor(c, roundId, ids);
    setFlash(c, { kind: 'success', message: c.get('t')('matching:done.excluded', { names }) });
    return c.redirect(backToPartnership(roundId, body.back, ids), 303);
  });

  app.post('/:roundId/matching/exclusions/:exclusionId/delete', async (c) => {
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody();
    const { board: before } = await namesFor(c, roundId, []);
    const exclusion = before.exclusions.find((e) => e.id === c.req.param('exclusionId'));
    await matching.removeExclusion({
      viewer: c.get('viewer'),
      roundId,
      exclusionId: c.req.param('exclusionId'),
    });
    setFlash(c, {
      kind: 'success',
      message: c.get('t')('matching:done.allowed', {
        names: namesOf(c.get('locale'), before.people, exclusion?.applicationIds ?? []),
      }),
    });
    return c.redirect(safeBack(roundId, body.back), 303);
  });

  app.post('/:roundId/matching/comments', async (c) => {
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody({ all: true });
    const ids = readIds(body);
    const text = readText(body, 'body');
    const back = safeBack(roundId, body.back);
    try {
      await matching.comment({ viewer: c.get('viewer'), roundId, applicationIds: ids, body: text });
      setFlash(c, { kind: 'success', message: c.get('t')('matching:done.commented') });
      return c.redirect(backToPartnership(roundId, body.back, ids), 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      const runId = new URL(back, 'http://x').searchParams.get('run') ?? undefined;
      return renderPartnershipPage(c, ctx, roundId, partnershipKey(ids), runId, {
        problems: shownProblemsOf(c.get('t'), error, 'body'),
        comment: text,
      });
    }
  });

  return app;
};
