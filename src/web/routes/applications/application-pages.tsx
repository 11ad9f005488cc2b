import { type Context, Hono } from 'hono';
import { isDomainError } from '../../../core/errors';
import { findRoundPhase, isAcceptingApplications, type Round } from '../../../core/rounds';
import { translateError, translateProblem } from '../../../i18n/problems';
import { APPLY_RATE_LIMIT } from '../../../services/applications/submit-application';
import { clientIpAddress } from '../../client-address';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { createRecentRounds } from '../../recent-rounds';
import {
  AlreadyAppliedPage,
  AppliedPage,
  ApplyPage,
  NotAcceptingPage,
} from '../../views/applications/application-pages';
import type { ApplicationFormProps } from '../../views/applications/form-parts';
import {
  answersPart,
  answersToFormValues,
  readValue,
  toFormValues,
} from '../../views/applications/form-values';
import { renderPage } from '../../views/layout';
import type { WebDeps } from '../../web-deps';
import { formProps } from './application-form-props';
import { appliedAddressOf, rememberAppliedAddress } from './applied-address';
import { lostLinkPages } from './lost-link-pages';
import { privateLinkPages } from './private-link-pages';

/**
 * The application form, its confirmation, the previous-answers request, and everything the holder
 * of a private link can do. Private-link pages have their own error handler so that the token,
 * which is in their path, never reaches a log line; the forms they post go to token-free paths
 * with the token in the body.
 */
export const applicationPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { applications, rounds } = ctx.services;

  /** The round of /rounds/:id/…, or a not-found page for unknown ids and drafts. */
  const findPublicRound = async (id: string): Promise<Round | undefined> => {
    const round = await rounds.find(id);
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
      /** A refusal of the whole form (too many tries), shown above it. */
      formError?: string;
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
          formError={options.formError}
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
    const previous = prefillToken ? await applications.findPreviousAnswers(prefillToken) : undefined;
    const form = formProps(c, ctx.now(), c.req.path, 'apply', previous ? answersToFormValues(previous) : {});
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
      const form = formProps(c, ctx.now(), c.req.path, 'apply', answersPart(values), [], rows);
      return renderApply(c, round, { ...form, prefillToken }, { prefilled: !!prefillToken });
    }
    try {
      await applications.submit({
        roundId: round.id,
        round,
        form: answersPart(values),
        locale: c.get('locale'),
        prefillToken,
        ipAddress: clientIpAddress(c),
      });
      const appliedPath = `/rounds/${encodeURIComponent(round.id)}/applied`;
      rememberAppliedAddress(c, appliedPath, readValue(values, 'email'));
      return c.redirect(appliedPath, 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'VALIDATION') {
        const form = formProps(c, ctx.now(), c.req.path, 'apply', answersPart(values), error.details, rows);
        return renderApply(c, round, { ...form, prefillToken }, { status: 422, prefilled: !!prefillToken });
      }
      if (error.code === 'RATE_LIMITED') {
        const form = formProps(c, ctx.now(), c.req.path, 'apply', answersPart(values), [], rows);
        c.header('Retry-After', String(APPLY_RATE_LIMIT.windowMinutes * 60));
        return renderApply(
          c,
          round,
          { ...form, prefillToken },
          { status: 429, prefilled: !!prefillToken, formError: translateError(c.get('t'), error) },
        );
      }
      if (error.code === 'CONFLICT') {
        // Already applied, or the round stopped taking applications a moment ago: read it again.
        const current = await findPublicRound(round.id);
        if (!current) return notFound(c);
        if (!isAcceptingApplications(current, ctx.now())) return renderNotAccepting(c, current);
        return renderPage(c, {
          title: c.get('t')('applications:alreadyApplied.title'),
          status: 409,
          children: <AlreadyAppliedPage round={current} message={translateError(c.get('t'), error)} />,
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
      children: <AppliedPage round={round} email={appliedAddressOf(c)} />,
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
      await applications.requestPreviousAnswers({
        roundId: round.id,
        email,
        ipAddress: clientIpAddress(c),
        locale: c.get('locale'),
      });
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'VALIDATION' && error.code !== 'RATE_LIMITED'))
        throw error;
      const message =
        error.code === 'VALIDATION'
          ? translateProblem(t, { field: 'email', code: 'email.invalid' })
          : t('applications:previous.rateLimited');
      return renderApply(c, round, formProps(c, ctx.now(), applyPath, 'apply', {}), {
        status: error.code === 'VALIDATION' ? 422 : 429,
        previousError: message,
        previousEmail: email,
      });
    }
    setFlash(c, { kind: 'success', message: t('applications:previous.sent') });
    return c.redirect(applyPath, 303);
  });

  app.route('/', lostLinkPages(ctx));
  app.route('/applications', privateLinkPages(ctx));
  return app;
};
