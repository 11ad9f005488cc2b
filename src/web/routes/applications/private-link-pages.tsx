import { type Context, Hono } from 'hono';
import type { FieldProblem } from '../../../core/errors';
import { isDomainError } from '../../../core/errors';
import type { Round } from '../../../core/rounds';
import { translateError } from '../../../i18n/problems';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { describeError } from '../../middleware/errors';
import {
  ConfirmPage,
  EditApplicationPage,
  PrivateApplicationPage,
  UnknownLinkPage,
} from '../../views/applications/application-pages';
import {
  answersPart,
  answersToFormValues,
  type FormValues,
  readValue,
  toFormValues,
} from '../../views/applications/form-values';
import { renderErrorPage } from '../../views/error-page';
import { renderPage } from '../../views/layout';
import { EraseConfirmView, MyDataView } from '../../views/privacy/my-data-views';
import type { WebDeps } from '../../web-deps';
import { DATA_ERASED_PATH, sendPersonalData } from '../privacy/my-data-pages';
import { formProps } from './application-form-props';

/** Pages opened with a private link. GET paths carry the token; POSTs carry it in the body. */
export const privateLinkPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { applications, privacy } = ctx.services;

  // Never log the path here: it holds the token.
  app.onError((error, c) => {
    const problem = describeError(error, c, ctx.health);
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
      message: problem.isUnexpected || !isDomainError(error) ? problem.message : translateError(t, error),
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

  const load = (token: string) => applications.viewPrivate(token);
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
    const form = formProps(c, ctx.now(), '/applications/edit', 'edit', values, problems, rows);
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
      await applications.edit({ token, form: answers });
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
            // canEdit: the round still takes applications, so applying again is possible.
            t(view.canEdit ? 'applications:withdraw.laterOpen' : 'applications:withdraw.later'),
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
    await applications.withdraw({ token, locale: c.get('locale') });
    setFlash(c, { kind: 'success', message: c.get('t')('applications:withdraw.done') });
    return c.redirect(pathFor(token), 303);
  });

  // Their data, email-first: the private link is the credential for its address.
  app.get('/:token/my-data', async (c) => {
    const token = c.req.param('token');
    await load(token);
    return renderPage(c, {
      title: c.get('t')('privacy:myData.title'),
      children: (
        <MyDataView downloadHref={`${pathFor(token)}/my-data.json`} eraseHref={`${pathFor(token)}/erase`} />
      ),
    });
  });

  app.get('/:token/my-data.json', async (c) =>
    sendPersonalData(c, await privacy.exportData({ token: c.req.param('token') })),
  );

  app.get('/:token/erase', async (c) => {
    const token = c.req.param('token');
    await load(token);
    return renderPage(c, {
      title: c.get('t')('privacy:erase.title'),
      children: (
        <EraseConfirmView
          action="/applications/erase"
          cancelHref={`${pathFor(token)}/my-data`}
          csrfToken={c.get('csrfToken')}
          token={token}
        />
      ),
    });
  });

  app.post('/erase', async (c) => {
    const token = readValue(toFormValues(await c.req.parseBody({ all: true })), 'token');
    await privacy.eraseData({ token });
    return c.redirect(DATA_ERASED_PATH, 303);
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
    await applications.declineCarryOver({ token });
    setFlash(c, { kind: 'success', message: c.get('t')('applications:carryOver.done') });
    return c.redirect(pathFor(token), 303);
  });

  return app;
};
