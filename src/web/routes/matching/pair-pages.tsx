import { type Context, Hono } from 'hono';
import { type DomainError, isDomainError } from '../../../core/errors';
import type { RuleBreach } from '../../../core/scoring/partnership-rules';
import type { ShownProblem } from '../../../i18n/problems';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { renderPage } from '../../views/layout';
import { matchingPath } from '../../views/matching/matching-paths';
import { describeBreach, namesOf } from '../../views/matching/matching-words';
import {
  buildPairPage,
  chosenIds,
  PAIR_SLOTS,
  type PairChoices,
  type PairSlotName,
  readPairChoices,
} from '../../views/matching/pair-model';
import { PairView } from '../../views/matching/pair-view';
import type { WebDeps } from '../../web-deps';
import { translateNamedProblems } from './matching-requests';

/**
 * Pairing two or three people by hand (program coordinators): GET lists the people to choose
 * from, POST checks the rules and either names every rule the partnership would break (422, next
 * to the person it concerns) or keeps them together in the next run (a lock).
 */
export const renderPairPage = async (
  c: Context<AppEnv>,
  ctx: WebDeps,
  roundId: string,
  choices: PairChoices,
  outcome: { status?: 200 | 422; problems?: ShownProblem[]; isClear?: boolean } = {},
) => {
  const board = await ctx.services.matching.board({ viewer: c.get('viewer'), roundId });
  const model = buildPairPage(board, choices, c.get('locale'));
  return renderPage(c, {
    title: c.get('t')('matching:pair.title'),
    status: outcome.status ?? 200,
    children: (
      <PairView
        model={model}
        csrfToken={c.get('csrfToken')}
        problems={outcome.problems ?? []}
        isClear={outcome.isClear}
      />
    ),
  });
};

/** The place of the first chosen person a breach concerns: where its message is shown. */
const slotOf = (choices: PairChoices, breach: RuleBreach): PairSlotName =>
  PAIR_SLOTS.find((slot) => {
    const id = choices.people[slot];
    return id !== undefined && breach.applicationIds.includes(id);
  }) ?? 'first';

const problemsWithChoices = (c: Context<AppEnv>, choices: PairChoices): ShownProblem[] => {
  const t = c.get('t');
  const problems: ShownProblem[] = [];
  for (const slot of ['first', 'second'] as const) {
    if (!choices.people[slot]) problems.push({ field: slot, message: t('matching:pair.missing') });
  }
  const ids = chosenIds(choices);
  if (problems.length === 0 && new Set(ids).size !== ids.length) {
    problems.push({ field: 'second', message: t('validation:match.twoDifferent') });
  }
  return problems;
};

/**
 * Why these people cannot be kept together, by name: every rule they would break (next to the
 * first person it concerns), or else the problems of a refused lock (someone kept with others).
 */
export const describeRefusal = async (
  c: Context<AppEnv>,
  ctx: WebDeps,
  roundId: string,
  choices: PairChoices,
  refused?: DomainError,
): Promise<ShownProblem[]> => {
  const viewer = c.get('viewer');
  const ids = chosenIds(choices);
  const [breaches, board] = await Promise.all([
    ctx.services.matching.checkPartnership({ viewer, roundId, applicationIds: ids }),
    ctx.services.matching.board({ viewer, roundId }),
  ]);
  if (breaches.length > 0) {
    const words = { t: c.get('t'), locale: c.get('locale') };
    return breaches.map((breach) => ({
      field: slotOf(choices, breach),
      message: describeBreach(words, board.people, breach),
    }));
  }
  return translateNamedProblems(c, refused?.details ?? [], board.people).map((problem) => ({
    ...problem,
    field: 'first',
  }));
};

export const pairPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { matching } = ctx.services;

  app.get('/:roundId/matching/pair', (c) =>
    renderPairPage(c, ctx, c.req.param('roundId'), readPairChoices(c.req.query())),
  );

  app.post('/:roundId/matching/pair', async (c) => {
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody();
    const choices = readPairChoices(body);
    const unanswered = problemsWithChoices(c, choices);
    if (unanswered.length > 0)
      return renderPairPage(c, ctx, roundId, choices, { status: 422, problems: unanswered });
    const ids = chosenIds(choices);
    if (body.intent !== 'pair') {
      const problems = await describeRefusal(c, ctx, roundId, choices);
      return renderPairPage(c, ctx, roundId, choices, {
        status: problems.length > 0 ? 422 : 200,
        problems,
        isClear: problems.length === 0,
      });
    }
    try {
      const { locked } = await matching.lock({ viewer: c.get('viewer'), roundId, applicationIds: ids });
      const { people } = await matching.board({ viewer: c.get('viewer'), roundId });
      setFlash(c, {
        kind: 'success',
        message: c.get('t')(locked ? 'matching:done.paired' : 'matching:done.alreadyLocked', {
          names: namesOf(c.get('locale'), people, ids),
        }),
      });
      return c.redirect(matchingPath(roundId), 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      const problems = await describeRefusal(c, ctx, roundId, choices, error);
      return renderPairPage(c, ctx, roundId, choices, { status: 422, problems });
    }
  });

  return app;
};
