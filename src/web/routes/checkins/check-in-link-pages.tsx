import { type Context, Hono } from 'hono';
import { type CheckInAnswer, isCheckInAnswer } from '../../../core/checkins/check-in';
import type { CheckInLinkState } from '../../../services/checkins/record-check-in';
import type { AppEnv } from '../../env';
import { describeError } from '../../middleware/errors';
import {
  CheckInLinkForm,
  type CheckInLinkOutcome,
  CheckInOutcomePage,
  checkInOutcomeTitle,
} from '../../views/checkins/check-in-link-views';
import { renderErrorPage } from '../../views/error-page';
import { renderPage } from '../../views/layout';
import type { WebDeps } from '../../web-deps';

/**
 * /check-in: the one-click check-in links (core/checkins/check-in-link.ts), without signing in.
 * GET /check-in/<token>?answer=… shows the question with that answer chosen and changes nothing,
 * so a mail scanner that follows every link records nothing; POST /check-in (the token in the
 * body, never in a logged path) records the answer for the link's participant and fortnight, and
 * redirects to a page saying what happened: recorded, already recorded, or changed. A link that is
 * forged or mangled answers 404, an expired one or one for a round that is over 410, always with a
 * plain page, never an error trace.
 *
 * The form carries the site's CSRF field like every form (the survey's does too): the page that
 * shows the button sets the cookie, so it costs a person nothing, and a page elsewhere cannot make
 * someone's browser answer for them even with a leaked link.
 */
const STATUS_OF: Record<CheckInLinkOutcome, 200 | 400 | 404 | 410> = {
  invalid: 404,
  expired: 410,
  'round-over': 410,
  left: 410,
  malformed: 400,
  recorded: 200,
  unchanged: 200,
  changed: 200,
};

const DONE = ['recorded', 'unchanged', 'changed'] as const;

export const checkInLinkPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { checkIns } = ctx.services;

  const renderOutcome = (c: Context<AppEnv>, outcome: CheckInLinkOutcome, answer?: CheckInAnswer) =>
    renderPage(c, {
      title: checkInOutcomeTitle(c.get('t'), outcome),
      status: STATUS_OF[outcome],
      children: <CheckInOutcomePage outcome={outcome} answer={answer} />,
    });

  const renderState = (c: Context<AppEnv>, state: Exclude<CheckInLinkState, { state: 'open' }>) => {
    if (state.state === 'closed') return renderOutcome(c, state.reason);
    return renderOutcome(c, state.state);
  };

  const renderForm = (
    c: Context<AppEnv>,
    state: Extract<CheckInLinkState, { state: 'open' }>,
    token: string,
    options: { chosen?: CheckInAnswer | undefined; isMissing?: boolean } = {},
  ) =>
    renderPage(c, {
      title: c.get('t')('checkins:link.heading'),
      status: options.isMissing ? 400 : 200,
      children: (
        <CheckInLinkForm
          token={token}
          csrfToken={c.get('csrfToken')}
          roundName={state.roundName}
          fortnight={state.fortnight}
          partnerNames={state.partnerNames}
          current={state.current}
          chosen={options.chosen}
          isMissing={options.isMissing}
        />
      ),
    });

  // Never log the path here: it holds the token.
  app.onError((error, c) => {
    const problem = describeError(error, c, ctx.health);
    const t = c.get('t');
    if (problem.isUnexpected) {
      ctx.logger.error(
        {
          requestId: c.get('requestId'),
          method: c.req.method,
          path: '/check-in/[personal link]',
          err: error,
        },
        'request failed',
      );
    }
    if (problem.status === 400) return renderOutcome(c, 'malformed');
    return renderErrorPage(c, {
      title: t(`errors.${problem.textKey}.title`),
      body: t(`errors.${problem.textKey}.body`),
      message: problem.isUnexpected ? undefined : problem.message,
      requestId: problem.isUnexpected ? c.get('requestId') : undefined,
      status: problem.status,
    });
  });

  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'private, no-store');
    // The site's Referrer-Policy (strict-origin-when-cross-origin) already keeps the path, and so
    // the token, from other sites; `no-referrer` would make browsers send `Origin: null` with the
    // form, which the CSRF check rightly refuses.
    c.header('X-Robots-Tag', 'noindex');
  });

  app.get('/done', (c) => {
    const outcome = DONE.find((value) => value === c.req.query('outcome'));
    const answer = c.req.query('answer');
    if (!outcome) return renderOutcome(c, 'malformed');
    return renderOutcome(c, outcome, isCheckInAnswer(answer) ? answer : undefined);
  });

  app.get('/:token', async (c) => {
    const token = c.req.param('token');
    const state = await checkIns.openLink(token);
    if (state.state !== 'open') return renderState(c, state);
    const asked = c.req.query('answer');
    return renderForm(c, state, token, { chosen: isCheckInAnswer(asked) ? asked : undefined });
  });

  app.post('/', async (c) => {
    const body = await c.req.parseBody();
    const token = body.token;
    if (typeof token !== 'string' || token === '') return renderOutcome(c, 'malformed');
    const result = await checkIns.confirm({ token, answer: body.answer });
    switch (result.state) {
      case 'invalid':
      case 'expired':
      case 'closed':
        return renderState(c, result);
      case 'no-answer':
        return renderForm(c, result.open, token, { isMissing: true });
      default:
        return c.redirect(`/check-in/done?outcome=${result.state}&answer=${result.answer}`, 303);
    }
  });

  return app;
};
