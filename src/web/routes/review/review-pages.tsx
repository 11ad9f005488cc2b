import { type Context, Hono } from 'hono';
import { DECISION_UNDO_MINUTES } from '../../../core/applications/decision-undo';
import { invalidInput, isDomainError } from '../../../core/errors';
import {
  type ShownProblem,
  shownProblemsOf,
  translateError,
  translateProblems,
} from '../../../i18n/problems';
import { isReviewAction } from '../../../services/review/review-application';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { streamText } from '../../stream-text';
import { renderPage } from '../../views/layout';
import { writeExportCsv } from '../../views/review/csv-cells';
import { ApplicationDetailView } from '../../views/review/detail-view';
import {
  ApplicationsListView,
  applicationsPath,
  type BulkState,
  bulkField,
} from '../../views/review/list-view';
import { CountsView } from '../../views/review/other-views';
import {
  PAGE_SIZE,
  parseReviewQuery,
  type ReviewQuery,
  safeReviewQueryString,
  toQueryString,
} from '../../views/review/review-query';
import { listNames } from '../../views/review/undo-panel';
import type { WebDeps } from '../../web-deps';
import { renderRoundPage } from './round-page';

type DetailValues = NonNullable<Parameters<typeof ApplicationDetailView>[0]['values']>;

const truncate = (text: string, max = 450) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The list's filters and order from its query string (`?status=pending&country=KE`). */
const queryOf = (listQuery: string): ReviewQuery =>
  parseReviewQuery(Object.fromEntries(new URLSearchParams(listQuery.replace(/^\?/, ''))));

/** Repeated form fields as strings (checkboxes, hidden ids). */
const allStrings = (value: unknown): string[] =>
  ([] as unknown[]).concat(value ?? []).filter((item): item is string => typeof item === 'string');

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
    listQuery: string,
    failed?: { status: 409 | 422; problems: ShownProblem[]; values: DetailValues },
  ) => {
    const list = queryOf(listQuery);
    const { round, application, notes, actions, undoable, neighbours } = await review.detail({
      viewer: c.get('viewer'),
      roundId,
      applicationId,
      list,
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
          listQuery={listQuery}
          neighbours={neighbours}
          undoable={undoable}
          problems={failed?.problems}
          values={failed?.values}
        />
      ),
    });
  };

  // The list page, as asked for or again after a failed bulk action (its choices and problems kept).
  const renderList = async (c: Context<AppEnv>, roundId: string, query: ReviewQuery, bulk?: BulkState) => {
    const { viewer, scope, round, items, total, counts, undoable } = await review.list({
      viewer: c.get('viewer'),
      roundId,
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
        undoable={undoable}
        bulk={bulk}
      />,
      bulk ? 422 : undefined,
    );
  };

  app.get('/:roundId/applications', (c) =>
    renderList(c, c.req.param('roundId'), parseReviewQuery(c.req.query())),
  );

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
    const locale = c.get('locale');
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody({ all: true });
    // "Select all on this page" works without JavaScript: the page's ids come with the form.
    const ids = body.allOnPage === '1' ? allStrings(body.pageIds) : allStrings(body.ids);
    const action = String(body.action ?? '');
    const declineReason = typeof body.declineReason === 'string' ? body.declineReason : '';
    const back = safeReviewQueryString(body.back);
    try {
      const result = await review.bulk({
        viewer: c.get('viewer'),
        roundId,
        applicationIds: ids,
        action: isReviewAction(action) ? action : ('' as never),
        declineReason,
      });
      const left = result.unchanged.length + result.notFound.length;
      const messages = [
        result.changed.length > 0
          ? t(`review:list.bulkDoneNames.${action}`, {
              count: result.changed.length,
              names: listNames(t, locale, result.changedNames),
            })
          : t('review:list.bulkNothingChanged'),
        ...(result.changed.length > 0 && left > 0 ? [t('review:list.bulkUnchanged', { count: left })] : []),
        ...(result.changed.length > 0 && action !== 'restore'
          ? [t('review:list.bulkUndoHint', { minutes: DECISION_UNDO_MINUTES })]
          : []),
      ];
      setFlash(c, {
        kind: result.changed.length > 0 ? 'success' : 'warning',
        message: truncate(messages.join(' ')),
      });
      return c.redirect(`${applicationsPath(roundId)}${back}`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      // Shown again beside the bulk form, with what was ticked and chosen, so nothing is lost.
      return renderList(c, roundId, queryOf(back), {
        ids,
        action,
        declineReason,
        problems: translateProblems(t, error.details).map((problem) => ({
          ...problem,
          field: bulkField(problem.field),
        })),
      });
    }
  });

  // Undoing decisions while their emails wait (the undo panel on the list and detail pages).
  app.post('/:roundId/applications/decisions/:batchId/undo', async (c) => {
    const t = c.get('t');
    const locale = c.get('locale');
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody();
    const back = safeReviewQueryString(body.back);
    const applicationId =
      typeof body.applicationId === 'string' && body.applicationId ? body.applicationId : undefined;
    const returnTo = applicationId
      ? `${applicationsPath(roundId)}/${applicationId}${back}`
      : `${applicationsPath(roundId)}${back}`;
    try {
      const result = await review.undo({
        viewer: c.get('viewer'),
        roundId,
        batchId: c.req.param('batchId'),
        applicationId,
      });
      const [first] = result.undone;
      const message = [
        t('review:undo.done', {
          count: result.undone.length,
          names: listNames(
            t,
            locale,
            result.undone.map((application) => application.name),
          ),
          status: first ? t(`review:status.${first.status}`) : '',
        }),
        ...(result.tooLate.length > 0
          ? [t('review:undo.tooLate', { names: listNames(t, locale, result.tooLate) })]
          : []),
      ].join(' ');
      setFlash(c, { kind: 'success', message: truncate(message) });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'CONFLICT') throw error;
      setFlash(c, { kind: 'error', message: truncate(translateError(t, error)) });
    }
    return c.redirect(returnTo, 303);
  });

  app.get('/:roundId/applications/:applicationId', (c) => {
    const query = parseReviewQuery(c.req.query());
    return renderDetail(c, c.req.param('roundId'), c.req.param('applicationId'), toQueryString(query));
  });

  app.post('/:roundId/applications/:applicationId/review', async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const applicationId = c.req.param('applicationId');
    const body = await c.req.parseBody();
    const action = String(body.action ?? '');
    const declineReason = typeof body.declineReason === 'string' ? body.declineReason : undefined;
    const back = safeReviewQueryString(body.back);
    try {
      if (!isReviewAction(action)) throw invalidInput([{ field: 'action', code: 'review.action' }]);
      const viewer = c.get('viewer');
      const { name } = await review.decide({ viewer, roundId, applicationId, action, declineReason });
      // Straight on to the next application of the list it came from: one action per application.
      const { neighbours } = await review.detail({ viewer, roundId, applicationId, list: queryOf(back) });
      const done = t(`review:done.${action}`, { name, minutes: DECISION_UNDO_MINUTES });
      if (neighbours.next) {
        setFlash(c, { kind: 'success', message: done });
        return c.redirect(`${applicationsPath(roundId)}/${neighbours.next.id}${back}`, 303);
      }
      setFlash(c, { kind: 'success', message: `${done} ${t('review:done.lastInList')}` });
      return c.redirect(`${applicationsPath(roundId)}${back}`, 303);
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
      return renderDetail(c, roundId, applicationId, back, {
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
    const back = safeReviewQueryString(body.back);
    const text = typeof body.body === 'string' ? body.body : '';
    try {
      await review.addNote({ viewer: c.get('viewer'), roundId, applicationId, body: text });
      setFlash(c, { kind: 'success', message: t('review:detail.noteAdded') });
      return c.redirect(`${applicationsPath(roundId)}/${applicationId}${back}`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      return renderDetail(c, roundId, applicationId, back, {
        status: 422,
        problems: translateProblems(t, error.details),
        values: { body: text },
      });
    }
  });

  return app;
};
