import { type Context, Hono } from 'hono';
import { invalidInput, isDomainError } from '../../../core/errors';
import { type ShownProblem, shownProblemsOf, translateProblems } from '../../../i18n/problems';
import { isReviewAction } from '../../../services/review/review-application';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { streamText } from '../../stream-text';
import { renderPage } from '../../views/layout';
import { writeExportCsv } from '../../views/review/csv-cells';
import { ApplicationDetailView } from '../../views/review/detail-view';
import { ApplicationsListView, applicationsPath } from '../../views/review/list-view';
import { CountsView } from '../../views/review/other-views';
import { PAGE_SIZE, parseReviewQuery, safeReviewQueryString } from '../../views/review/review-query';
import type { WebDeps } from '../../web-deps';
import { renderRoundPage } from './round-page';

type DetailValues = NonNullable<Parameters<typeof ApplicationDetailView>[0]['values']>;

const truncate = (text: string, max = 450) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A file name from the round's name: `applications-march-2027-round.csv`. */
const exportFileName = (round: { id: string; name: string }) => {
  const slug =
    round.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || round.id;
  return `applications-${slug}.csv`;
};

/**
 * The review list, counts, CSV export, one application's page, decisions and notes, under
 * /coordinator/rounds/:roundId/applications. Every coordinator may use them, but only ever for their
 * own countries: the services apply the viewer's scope in every query, so another country's
 * application is a 404 here exactly as a missing one is.
 */
export const reviewPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { review } = ctx.services;

  // The detail page as it is, or again with the problems of a form on it.
  const renderDetail = async (
    c: Context<AppEnv>,
    roundId: string,
    applicationId: string,
    failed?: { status: 409 | 422; problems: ShownProblem[]; values: DetailValues },
  ) => {
    const { round, application, notes, actions } = await review.detail({
      viewer: c.get('viewer'),
      roundId,
      applicationId,
    });
    return renderPage(c, {
      title: application.name,
      status: failed?.status,
      children: (
        <ApplicationDetailView
          round={round}
          application={application}
          actions={actions}
          notes={notes}
          csrfToken={c.get('csrfToken')}
          problems={failed?.problems}
          values={failed?.values}
        />
      ),
    });
  };

  app.get('/:roundId/applications', async (c) => {
    const query = parseReviewQuery(c.req.query());
    const { viewer, scope, round, items, total, counts } = await review.list({
      viewer: c.get('viewer'),
      roundId: c.req.param('roundId'),
      ...query,
      pageSize: PAGE_SIZE,
    });
    return renderRoundPage(
      c,
      round,
      'review:list.title',
      <ApplicationsListView
        round={round}
        query={query}
        items={items}
        total={total}
        countryCodes={
          scope.kind === 'countries' ? scope.countryCodes : counts.byCountry.map((row) => row.countryCode)
        }
        scopeCountryCodes={scope.kind === 'countries' ? scope.countryCodes : null}
        isProgramCoordinator={viewer.isProgramCoordinator}
        csrfToken={c.get('csrfToken')}
      />,
    );
  });

  // Streamed: the access check and the round come first (a refusal is still a plain 403 or 404),
  // then the file is written page by page as the client reads it (csv-cells.ts writeExportCsv).
  app.get('/:roundId/applications/export.csv', async (c) => {
    const query = parseReviewQuery(c.req.query());
    const { round, pages } = await review.export({
      viewer: c.get('viewer'),
      roundId: c.req.param('roundId'),
      filters: query.filters,
      sort: query.sort,
    });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${exportFileName(round)}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(
      streamText(writeExportCsv(c.get('t'), c.get('locale'), pages), (error) =>
        ctx.logger.error(
          { err: error, roundId: round.id },
          'The CSV export failed part-way; the download is cut off.',
        ),
      ),
    );
  });

  app.get('/:roundId/applications/counts', async (c) => {
    const { round, counts, quota } = await review.counts(c.get('viewer'), c.req.param('roundId'));
    return renderRoundPage(
      c,
      round,
      'review:counts.title',
      <CountsView round={round} counts={counts} quota={quota} />,
    );
  });

  app.post('/:roundId/applications/bulk', async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody({ all: true });
    const ids = ([] as unknown[]).concat(body.ids ?? []).filter((id): id is string => typeof id === 'string');
    const action = String(body.action ?? '');
    const back = safeReviewQueryString(body.back);
    try {
      const result = await review.bulk({
        viewer: c.get('viewer'),
        roundId,
        applicationIds: ids,
        action: isReviewAction(action) ? action : ('' as never),
        declineReason: typeof body.declineReason === 'string' ? body.declineReason : undefined,
      });
      setFlash(c, {
        kind: 'success',
        message: t('review:list.bulkDone', {
          changed: result.changed.length,
          unchanged: result.unchanged.length + result.notFound.length,
        }),
      });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      setFlash(c, {
        kind: 'error',
        message: truncate(
          translateProblems(t, error.details)
            .map((d) => d.message)
            .join('. '),
        ),
      });
    }
    return c.redirect(`${applicationsPath(roundId)}${back}`, 303);
  });

  app.get('/:roundId/applications/:applicationId', (c) =>
    renderDetail(c, c.req.param('roundId'), c.req.param('applicationId')),
  );

  app.post('/:roundId/applications/:applicationId/review', async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const applicationId = c.req.param('applicationId');
    const body = await c.req.parseBody();
    const action = String(body.action ?? '');
    const declineReason = typeof body.declineReason === 'string' ? body.declineReason : undefined;
    try {
      if (!isReviewAction(action)) throw invalidInput([{ field: 'action', code: 'review.action' }]);
      await review.decide({ viewer: c.get('viewer'), roundId, applicationId, action, declineReason });
      const { application } = await review.detail({ viewer: c.get('viewer'), roundId, applicationId });
      setFlash(c, { kind: 'success', message: t(`review:done.${action}`, { name: application.name }) });
      return c.redirect(`${applicationsPath(roundId)}/${applicationId}`, 303);
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
      return renderDetail(c, roundId, applicationId, {
        status: error.code === 'CONFLICT' ? 409 : 422,
        problems: shownProblemsOf(t, error, 'action'),
        values: { declineReason: declineReason ?? '' },
      });
    }
  });

  app.post('/:roundId/applications/:applicationId/notes', async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const applicationId = c.req.param('applicationId');
    const body = await c.req.parseBody();
    const text = typeof body.body === 'string' ? body.body : '';
    try {
      await review.addNote({ viewer: c.get('viewer'), roundId, applicationId, body: text });
      setFlash(c, { kind: 'success', message: t('review:detail.noteAdded') });
      return c.redirect(`${applicationsPath(roundId)}/${applicationId}`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      return renderDetail(c, roundId, applicationId, {
        status: 422,
        problems: translateProblems(t, error.details),
        values: { body: text },
      });
    }
  });

  return app;
};
