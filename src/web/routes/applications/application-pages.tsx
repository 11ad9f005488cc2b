import { createHmac } from 'node:crypto';
import { type Context, Hono } from 'hono';
import type { TFunction } from 'i18next';
import type { AppContext } from '../../../app-context';
import { getPrimaryTimeZone, isCountryCode } from '../../../core/countries';
import type { FieldProblem } from '../../../core/errors';
import { isDomainError } from '../../../core/errors';
import { findRoundPhase, isAcceptingApplications, type Round } from '../../../core/rounds';
import { createApplicationUnitOfWork } from '../../../db/unit-of-work/group-commit-unit-of-work';
import { declineCarryOver } from '../../../services/applications/decline-carry-over';
import { editApplication } from '../../../services/applications/edit-application';
import { findPreviousAnswers } from '../../../services/applications/find-previous-answers';
import { getPrivateApplication } from '../../../services/applications/get-private-application';
import { requestPreviousAnswers } from '../../../services/applications/request-previous-answers';
import { submitApplication } from '../../../services/applications/submit-application';
import { withdrawApplication } from '../../../services/applications/withdraw-application';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { describeError } from '../../middleware/errors';
import { createRecentRounds } from '../../recent-rounds';
import type { ApplicationFormProps } from '../../views/applications/application-form';
import {
  AlreadyAppliedPage,
  AppliedPage,
  ApplyPage,
  ConfirmPage,
  EditApplicationPage,
  NotAcceptingPage,
  PrivateApplicationPage,
  UnknownLinkPage,
} from '../../views/applications/application-pages';
import {
  answersPart,
  answersToFormValues,
  compactRows,
  countRows,
  DEFAULT_LANGUAGE_ROWS,
  DEFAULT_WINDOW_ROWS,
  type FormValues,
  MAX_LANGUAGE_ROWS,
  MAX_WINDOW_ROWS,
  readValue,
  toFormValues,
} from '../../views/applications/form-values';
import { renderErrorPage } from '../../views/error-page';
import { renderPage } from '../../views/layout';
import { clientIpAddress } from '../people/auth-pages';

/**
 * The core's validation messages are English sentences; each is a key of the `validation`
 * namespace (no key or namespace separators, since the sentences contain dots and colons), and an
 * untranslated one is shown as it is.
 */
export const translateMessage = (t: TFunction, message: string): string =>
  t(message, { ns: 'validation', keySeparator: false, nsSeparator: false, defaultValue: message });

const translateProblems = (t: TFunction, problems: readonly FieldProblem[]): FieldProblem[] =>
  problems.map((problem) => ({ field: problem.field, message: translateMessage(t, problem.message) }));

const clampRows = (requested: unknown, used: number, fallback: number, max: number) => {
  const asked = typeof requested === 'string' && /^\d{1,2}$/.test(requested) ? Number(requested) : fallback;
  return Math.min(max, Math.max(fallback, used, asked));
};

/** Form values ready to show again: blank rows dropped and renumbered as the validator sees them. */
const prepareValues = (values: FormValues): FormValues =>
  compactRows(compactRows(values, 'languages'), 'availability.windows');

const suggestedZone = (values: FormValues): string | undefined => {
  const country = readValue(values, 'countryOfResidence').trim().toUpperCase();
  return isCountryCode(country) ? getPrimaryTimeZone(country) : undefined;
};

const formProps = (
  c: Context<AppEnv>,
  action: string,
  mode: 'apply' | 'edit',
  values: FormValues,
  problems: FieldProblem[] = [],
  rows: { languageRows?: unknown; windowRows?: unknown; add?: string } = {},
): ApplicationFormProps => {
  const prepared = prepareValues(values);
  let languageRows = clampRows(
    rows.languageRows,
    countRows(prepared, 'languages'),
    DEFAULT_LANGUAGE_ROWS,
    MAX_LANGUAGE_ROWS,
  );
  let windowRows = clampRows(
    rows.windowRows,
    countRows(prepared, 'availability.windows'),
    DEFAULT_WINDOW_ROWS,
    MAX_WINDOW_ROWS,
  );
  if (rows.add === 'languages') languageRows = Math.min(MAX_LANGUAGE_ROWS, languageRows + 1);
  if (rows.add === 'windows') windowRows = Math.min(MAX_WINDOW_ROWS, windowRows + 1);
  return {
    action,
    mode,
    values: prepared,
    problems: translateProblems(c.get('t'), problems),
    languageRows,
    windowRows,
    csrfToken: c.get('csrfToken'),
    suggestedTimeZone: suggestedZone(prepared),
  };
};

/**
 * The application form, its confirmation, the previous-answers request, and everything the holder
 * of a private link can do. Private-link pages have their own error handler so that the token,
 * which is in their path, never reaches a log line; the forms they post go to token-free paths
 * with the token in the body.
 */
export const applicationPages = (ctx: AppContext) => {
  const app = new Hono<AppEnv>();
  const store = createApplicationUnitOfWork(ctx.database);
  const baseUrl = ctx.config.baseUrl;
  const hashKey = (value: string) =>
    createHmac('sha256', ctx.config.authSecret).update(value).digest('base64url');

  /** The round of /rounds/:id/…, or a not-found page for unknown ids and drafts. */
  const findPublicRound = async (id: string): Promise<Round | undefined> => {
    const round = await store.rounds.findRound(id);
    return round && round.status !== 'draft' ? round : undefined;
  };
  // Submissions during a rush take their round from memory first (see recent-rounds.ts).
  const roundForSubmission = createRecentRounds(findPublicRound, (round) =>
    isAcceptingApplications(round, ctx.now()),
  );
  const notFound = (c: Context<AppEnv>) => c.notFound();

  const renderApply = (
    c: Context<AppEnv>,
    round: Round,
    form: ApplicationFormProps,
    options: {
      status?: 200 | 409 | 422 | 429;
      prefilled?: boolean;
      previousError?: string;
      previousEmail?: string;
    } = {},
  ) =>
    renderPage(c, {
      title: c.get('t')('applications:apply.title', { name: round.name }),
      status: options.status ?? 200,
      children: (
        <ApplyPage
          round={round}
          form={form}
          prefilled={options.prefilled ?? false}
          previousError={options.previousError}
          {...(options.previousEmail !== undefined ? { previousEmail: options.previousEmail } : {})}
        />
      ),
    });

  const renderNotAccepting = (c: Context<AppEnv>, round: Round) =>
    renderPage(c, {
      title: c.get('t')('applications:notAccepting.title', { name: round.name }),
      children: <NotAcceptingPage round={round} phase={findRoundPhase(round, ctx.now())} />,
    });

  app.get('/rounds/:id/apply', async (c) => {
    const round = await findPublicRound(c.req.param('id'));
    if (!round) return notFound(c);
    if (!isAcceptingApplications(round, ctx.now())) return renderNotAccepting(c, round);
    const prefillToken = c.req.query('prefill');
    const previous = prefillToken
      ? await findPreviousAnswers({ store, now: ctx.now }, prefillToken)
      : undefined;
    const form = formProps(c, c.req.path, 'apply', previous ? answersToFormValues(previous) : {});
    return renderApply(
      c,
      round,
      { ...form, prefillToken: previous ? prefillToken : undefined },
      { prefilled: !!previous },
    );
  });

  app.post('/rounds/:id/apply', async (c) => {
    const round = await roundForSubmission(c.req.param('id'));
    if (!round) return notFound(c);
    if (!isAcceptingApplications(round, ctx.now())) return renderNotAccepting(c, round);
    const values = toFormValues(await c.req.parseBody({ all: true }));
    const add = readValue(values, '_add');
    const prefillToken = readValue(values, 'prefill') || undefined;
    const rows = { languageRows: values.languageRows, windowRows: values.windowRows, add };
    if (add === 'languages' || add === 'windows') {
      const form = formProps(c, c.req.path, 'apply', answersPart(values), [], rows);
      return renderApply(c, round, { ...form, prefillToken }, { prefilled: !!prefillToken });
    }
    try {
      await submitApplication(
        { store, now: ctx.now, baseUrl },
        { roundId: round.id, round, form: answersPart(values), locale: c.get('locale'), prefillToken },
      );
      return c.redirect(`/rounds/${encodeURIComponent(round.id)}/applied`, 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'VALIDATION') {
        const form = formProps(c, c.req.path, 'apply', answersPart(values), error.details, rows);
        return renderApply(c, round, { ...form, prefillToken }, { status: 422, prefilled: !!prefillToken });
      }
      if (error.code === 'CONFLICT') {
        // Already applied, or the round stopped taking applications a moment ago: read it again.
        const current = await findPublicRound(round.id);
        if (!current) return notFound(c);
        if (!isAcceptingApplications(current, ctx.now())) return renderNotAccepting(c, current);
        return renderPage(c, {
          title: c.get('t')('applications:alreadyApplied.title'),
          status: 409,
          children: (
            <AlreadyAppliedPage round={current} message={translateMessage(c.get('t'), error.message)} />
          ),
        });
      }
      throw error;
    }
  });

  app.get('/rounds/:id/applied', async (c) => {
    const round = await findPublicRound(c.req.param('id'));
    if (!round) return notFound(c);
    return renderPage(c, {
      title: c.get('t')('applications:applied.title'),
      children: <AppliedPage round={round} />,
    });
  });

  app.post('/rounds/:id/apply/previous-answers', async (c) => {
    const round = await findPublicRound(c.req.param('id'));
    if (!round) return notFound(c);
    const t = c.get('t');
    if (!isAcceptingApplications(round, ctx.now())) return renderNotAccepting(c, round);
    const values = toFormValues(await c.req.parseBody({ all: true }));
    const email = readValue(values, 'previous-email').slice(0, 320);
    const applyPath = `/rounds/${encodeURIComponent(round.id)}/apply`;
    try {
      await requestPreviousAnswers(
        { store, now: ctx.now, baseUrl, hashKey },
        { roundId: round.id, email, ipAddress: clientIpAddress(c), locale: c.get('locale') },
      );
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'VALIDATION' && error.code !== 'RATE_LIMITED'))
        throw error;
      const message =
        error.code === 'VALIDATION'
          ? translateMessage(t, 'Enter an email address like name@example.org')
          : t('applications:previous.rateLimited');
      return renderApply(c, round, formProps(c, applyPath, 'apply', {}), {
        status: error.code === 'VALIDATION' ? 422 : 429,
        previousError: message,
        previousEmail: email,
      });
    }
    setFlash(c, { kind: 'success', message: t('applications:previous.sent') });
    return c.redirect(applyPath, 303);
  });

  app.route('/applications', privateLinkPages(ctx, store, baseUrl));
  return app;
};

/** Pages opened with a private link. GET paths carry the token; POSTs carry it in the body. */
const privateLinkPages = (
  ctx: AppContext,
  store: ReturnType<typeof createApplicationUnitOfWork>,
  baseUrl: string,
) => {
  const app = new Hono<AppEnv>();

  // Never log the path here: it holds the token.
  app.onError((error, c) => {
    const problem = describeError(error, c);
    const t = c.get('t');
    if (problem.isUnexpected) {
      ctx.logger.error(
        {
          requestId: c.get('requestId'),
          method: c.req.method,
          path: '/applications/[private link]',
          err: error,
        },
        'request failed',
      );
    }
    if (problem.status === 404) return renderUnknownLink(c);
    return renderErrorPage(c, {
      title: t(`errors.${problem.textKey}.title`),
      body: t(`errors.${problem.textKey}.body`),
      message: problem.isUnexpected || !problem.message ? undefined : translateMessage(t, problem.message),
      requestId: problem.isUnexpected ? c.get('requestId') : undefined,
      status: problem.status,
    });
  });

  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'private, no-store');
  });

  const renderUnknownLink = (c: Context<AppEnv>) =>
    renderPage(c, {
      title: c.get('t')('applications:unknownLink.title'),
      status: 404,
      children: <UnknownLinkPage />,
    });

  const load = (token: string) => getPrivateApplication({ store, now: ctx.now }, token);
  const pathFor = (token: string) => `/applications/${token}`;

  app.get('/:token', async (c) => {
    const token = c.req.param('token');
    const view = await load(token);
    return renderPage(c, {
      title: c.get('t')('applications:private.title', { name: view.round.name }),
      children: <PrivateApplicationPage view={view} basePath={pathFor(token)} />,
    });
  });

  const renderEdit = (
    c: Context<AppEnv>,
    token: string,
    round: Round,
    values: FormValues,
    problems: FieldProblem[] = [],
    rows: { languageRows?: unknown; windowRows?: unknown; add?: string } = {},
    status: 200 | 422 = 200,
  ) => {
    const form = formProps(c, '/applications/edit', 'edit', values, problems, rows);
    return renderPage(c, {
      title: c.get('t')('applications:edit.title', { name: round.name }),
      status,
      children: (
        <EditApplicationPage
          round={round}
          basePath={pathFor(token)}
          form={{ ...form, prefillToken: undefined, privateToken: token }}
        />
      ),
    });
  };

  app.get('/:token/edit', async (c) => {
    const token = c.req.param('token');
    const view = await load(token);
    if (!view.canEdit) return c.redirect(pathFor(token), 303);
    return renderEdit(c, token, view.round, answersToFormValues(view.application.answers));
  });

  app.post('/edit', async (c) => {
    const values = toFormValues(await c.req.parseBody({ all: true }));
    const token = readValue(values, 'token');
    const view = await load(token);
    const add = readValue(values, '_add');
    const rows = { languageRows: values.languageRows, windowRows: values.windowRows, add };
    const answers = answersPart(values);
    if (add === 'languages' || add === 'windows') return renderEdit(c, token, view.round, answers, [], rows);
    try {
      await editApplication({ store, now: ctx.now }, { token, form: answers });
    } catch (error) {
      if (isDomainError(error) && error.code === 'VALIDATION') {
        return renderEdit(c, token, view.round, answers, error.details, rows, 422);
      }
      if (isDomainError(error) && error.code === 'CONFLICT') {
        setFlash(c, { kind: 'warning', message: c.get('t')('applications:private.editRefused') });
        return c.redirect(pathFor(token), 303);
      }
      throw error;
    }
    setFlash(c, { kind: 'success', message: c.get('t')('applications:private.saved') });
    return c.redirect(pathFor(token), 303);
  });

  app.get('/:token/withdraw', async (c) => {
    const token = c.req.param('token');
    const view = await load(token);
    const t = c.get('t');
    if (!view.canWithdraw) return c.redirect(pathFor(token), 303);
    return renderPage(c, {
      title: t('applications:withdraw.title'),
      children: (
        <ConfirmPage
          title={t('applications:withdraw.title')}
          body={[
            t('applications:withdraw.body', { name: view.round.name }),
            t('applications:withdraw.later'),
          ]}
          button={t('applications:withdraw.button')}
          action="/applications/withdraw"
          basePath={pathFor(token)}
          csrfToken={c.get('csrfToken')}
          token={token}
        />
      ),
    });
  });

  app.post('/withdraw', async (c) => {
    const token = readValue(toFormValues(await c.req.parseBody({ all: true })), 'token');
    await withdrawApplication({ store, now: ctx.now, baseUrl }, { token, locale: c.get('locale') });
    setFlash(c, { kind: 'success', message: c.get('t')('applications:withdraw.done') });
    return c.redirect(pathFor(token), 303);
  });

  app.get('/:token/carry-over', async (c) => {
    const token = c.req.param('token');
    const view = await load(token);
    const t = c.get('t');
    if (!view.canDeclineCarryOver) return c.redirect(pathFor(token), 303);
    return renderPage(c, {
      title: t('applications:carryOver.title'),
      children: (
        <ConfirmPage
          title={t('applications:carryOver.title')}
          body={[
            t('applications:carryOver.body', { name: view.round.name }),
            t('applications:carryOver.stays'),
          ]}
          button={t('applications:carryOver.button')}
          action="/applications/carry-over"
          basePath={pathFor(token)}
          csrfToken={c.get('csrfToken')}
          token={token}
        />
      ),
    });
  });

  app.post('/carry-over', async (c) => {
    const token = readValue(toFormValues(await c.req.parseBody({ all: true })), 'token');
    await declineCarryOver({ store, now: ctx.now }, { token });
    setFlash(c, { kind: 'success', message: c.get('t')('applications:carryOver.done') });
    return c.redirect(pathFor(token), 303);
  });

  return app;
};
