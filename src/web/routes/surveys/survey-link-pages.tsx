import { type Context, Hono } from 'hono';
import { pickText, type Survey } from '../../../core/surveys/survey';
import { translateProblems } from '../../../i18n/problems';
import type { SubmitSurveyResult, SurveyLinkState } from '../../../services/surveys/answer-survey';
import type { AppEnv } from '../../env';
import { describeError } from '../../middleware/errors';
import { renderErrorPage } from '../../views/error-page';
import { renderPage } from '../../views/layout';
import {
  AnswerForm,
  type AnswerValues,
  type LinkOutcome,
  LinkOutcomePage,
  linkOutcomeTitle,
  surveyLanguages,
} from '../../views/surveys/answer-views';
import type { WebDeps } from '../../web-deps';

/**
 * /survey: the personal survey link. GET /survey/<token> shows the form and changes nothing, so a
 * mail scanner that follows the link does no harm; POST /survey/answer (the token in the body,
 * never in a logged path) records the answers once. A link that is forged, mangled, expired or
 * for a closed survey gets a plain page saying so, never an error trace. A second submission says
 * the survey was already answered.
 */

/** The survey's text in the language asked for (`lang`), else the browser's, else English. */
export const surveyContentLocale = (c: Context<AppEnv>, survey: Survey, asked?: unknown): string => {
  const languages: string[] = surveyLanguages(survey);
  const wanted = [
    typeof asked === 'string' ? asked : undefined,
    c.req.query('lang'),
    ...(c.req.header('accept-language') ?? '')
      .split(',')
      .map((part) => part.split(';')[0]?.trim().split('-')[0]),
  ];
  return (
    wanted.find((tag): tag is string => !!tag && languages.includes(tag.toLowerCase()))?.toLowerCase() ?? 'en'
  );
};

const STATUS_OF: Record<LinkOutcome, 200 | 400 | 404 | 410> = {
  invalid: 404,
  closed: 410,
  answered: 200,
  thanks: 200,
  malformed: 400,
};

export const surveyLinkPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { surveys } = ctx.services;

  const renderOutcome = (c: Context<AppEnv>, outcome: LinkOutcome, message?: string) =>
    renderPage(c, {
      title: linkOutcomeTitle(c.get('t'), outcome),
      status: STATUS_OF[outcome],
      children: <LinkOutcomePage outcome={outcome} message={message} />,
    });

  // Never log the path here: it holds the token.
  app.onError((error, c) => {
    const problem = describeError(error, c, ctx.health);
    const t = c.get('t');
    if (problem.isUnexpected) {
      ctx.logger.error(
        { requestId: c.get('requestId'), method: c.req.method, path: '/survey/[personal link]', err: error },
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
    c.header('X-Robots-Tag', 'noindex');
    c.header('Referrer-Policy', 'no-referrer');
  });

  const renderForm = (
    c: Context<AppEnv>,
    state: Extract<SurveyLinkState, { state: 'open' }> | Extract<SubmitSurveyResult, { state: 'problems' }>,
    token: string,
    options: { values?: AnswerValues; status?: 200 | 400 | 422; asked?: unknown } = {},
  ) => {
    const contentLocale = surveyContentLocale(c, state.survey, options.asked);
    const problems = state.state === 'problems' ? translateProblems(c.get('t'), state.problems) : [];
    return renderPage(c, {
      title: pickText(state.survey.title, contentLocale),
      status: options.status ?? 200,
      children: (
        <AnswerForm
          survey={state.survey}
          roundName={state.roundName}
          programTimeZone={state.programTimeZone}
          contentLocale={contentLocale}
          token={token}
          csrfToken={c.get('csrfToken')}
          values={options.values}
          problems={problems}
          basePath={`/survey/${token}`}
        />
      ),
    });
  };

  app.get('/thanks', (c) => renderOutcome(c, 'thanks'));

  app.get('/:token', async (c) => {
    const token = c.req.param('token');
    const state = await surveys.openLink(token);
    switch (state.state) {
      case 'invalid':
        return renderOutcome(c, 'invalid');
      case 'expired':
      case 'closed':
        return renderOutcome(c, 'closed');
      case 'answered':
        return renderOutcome(c, 'answered');
      case 'open':
        return renderForm(c, state, token);
    }
  });

  app.post('/answer', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const token = body.token;
    if (typeof token !== 'string' || token === '') {
      return renderOutcome(c, 'malformed', c.get('t')('surveys:link.noToken'));
    }
    const result = await surveys.submitAnswers({ token, body });
    switch (result.state) {
      case 'invalid':
        return renderOutcome(c, 'invalid');
      case 'expired':
      case 'closed':
        return renderOutcome(c, 'closed');
      case 'answered':
        return renderOutcome(c, 'answered');
      case 'recorded':
        return c.redirect('/survey/thanks', 303);
      case 'problems': {
        const values: AnswerValues = {};
        for (const [name, value] of Object.entries(body)) {
          if (typeof value === 'string') values[name] = value;
          else if (Array.isArray(value))
            values[name] = value.filter((item): item is string => typeof item === 'string');
        }
        return renderForm(c, result, token, {
          values,
          status: result.malformed ? 400 : 422,
          asked: body.lang,
        });
      }
    }
  });

  return app;
};
