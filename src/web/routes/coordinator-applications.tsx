import { type Context, Hono } from 'hono';
import type { AppContext } from '../../app-context';
import { DomainError, isDomainError } from '../../core/errors';
import type { Viewer } from '../../core/people/viewer';
import { createReviewDeps } from '../../db/repositories/review-store';
import { addApplicationNote } from '../../services/add-application-note';
import { admitWaitlistedApplications } from '../../services/admit-from-waitlist';
import { bulkReview } from '../../services/bulk-review';
import { exportApplications } from '../../services/export-applications';
import {
  type ColumnChoice,
  type ColumnMapping,
  IMPORT_FIELDS,
  importApplications,
  MAX_IMPORT_BYTES,
  previewApplicationsImport,
  uploadApplicationsCsv,
} from '../../services/import-applications';
import { scopeOf } from '../../services/review-access';
import { isReviewAction, listReviewActions, reviewApplication } from '../../services/review-application';
import { previewCountryQuota } from '../../services/settle-country-quota';
import type { AppEnv } from '../env';
import { setFlash } from '../flash';
import { requireCoordinator, requireProgramCoordinator } from '../middleware/require-role';
import { ApplicationDetailView } from '../views/coordinator/applications/detail-view';
import { ApplicationsListView, applicationsPath } from '../views/coordinator/applications/list-view';
import {
  AdmitView,
  CountsView,
  MappingView,
  UploadView,
} from '../views/coordinator/applications/other-views';
import { renderPage } from '../views/layout';
import { PAGE_SIZE, parseReviewQuery } from './review-query';

/**
 * Reviewing a round's applications, under /coordinator/rounds/:roundId/…. Every coordinator may
 * use the list, counts, detail, decisions, notes and export, but only ever for their own
 * countries: the scope goes into each repository query, so another country's application is a
 * 404 here exactly as a missing one is. Waitlist admission and imports are for program
 * coordinators.
 */
const viewerOf = (c: Context<AppEnv>): Viewer => {
  const viewer = c.get('viewer');
  if (!viewer) throw new DomainError('UNAUTHENTICATED', c.get('t')('errors.signInFirst'));
  return viewer;
};

const truncate = (text: string, max = 450) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const coordinatorApplications = (ctx: AppContext) => {
  const app = new Hono<AppEnv>();
  const deps = () => createReviewDeps(ctx.database.db, { now: ctx.now, baseUrl: ctx.config.baseUrl });
  const anyCoordinator = requireCoordinator();
  const program = requireProgramCoordinator();

  const loadDetail = async (c: Context<AppEnv>, roundId: string, applicationId: string) => {
    const { review, rounds } = deps();
    const viewer = viewerOf(c);
    const application = await review.findApplicationInScope(applicationId, scopeOf(viewer));
    if (!application || application.roundId !== roundId) {
      throw new DomainError('NOT_FOUND', c.get('t')('review:detail.notFound', { applicationId, roundId }));
    }
    const round = await rounds.getRound(roundId);
    return { round, application, notes: await review.listNotes(application.id) };
  };

  app.get('/:roundId/applications', anyCoordinator, async (c) => {
    const viewer = viewerOf(c);
    const { review, rounds } = deps();
    const round = await rounds.getRound(c.req.param('roundId'));
    const query = parseReviewQuery(c.req.query());
    const scope = scopeOf(viewer);
    const [{ items, total }, counts] = await Promise.all([
      review.listApplications({ roundId: round.id, scope, ...query, pageSize: PAGE_SIZE }),
      review.countApplications(round.id, scope),
    ]);
    return renderPage(c, {
      title: c.get('t')('review:list.title', { round: round.name }),
      children: (
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
        />
      ),
    });
  });

  app.get('/:roundId/applications/export.csv', anyCoordinator, async (c) => {
    const query = parseReviewQuery(c.req.query());
    const exported = await exportApplications(deps(), {
      viewer: c.get('viewer'),
      roundId: c.req.param('roundId'),
      filters: query.filters,
      sort: query.sort,
      locale: c.get('locale'),
    });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${exported.fileName}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(exported.content);
  });

  app.get('/:roundId/applications/counts', anyCoordinator, async (c) => {
    const { review, rounds } = deps();
    const round = await rounds.getRound(c.req.param('roundId'));
    const scope = scopeOf(viewerOf(c));
    const [counts, quota] = await Promise.all([
      review.countApplications(round.id, scope),
      round.status === 'draft' || round.status === 'open'
        ? previewCountryQuota({ review }, round, scope)
        : undefined,
    ]);
    return renderPage(c, {
      title: c.get('t')('review:counts.title', { round: round.name }),
      children: <CountsView round={round} counts={counts} quota={quota} />,
    });
  });

  app.post('/:roundId/applications/bulk', anyCoordinator, async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody({ all: true });
    const ids = ([] as unknown[]).concat(body.ids ?? []).filter((id): id is string => typeof id === 'string');
    const action = String(body.action ?? '');
    const back = typeof body.back === 'string' && body.back.startsWith('?') ? body.back : '';
    try {
      const result = await bulkReview(deps(), {
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
      setFlash(c, { kind: 'error', message: truncate(error.details.map((d) => d.message).join('. ')) });
    }
    return c.redirect(`${applicationsPath(roundId)}${back}`, 303);
  });

  app.get('/:roundId/applications/:applicationId', anyCoordinator, async (c) => {
    const { round, application, notes } = await loadDetail(
      c,
      c.req.param('roundId'),
      c.req.param('applicationId'),
    );
    return renderPage(c, {
      title: application.name,
      children: (
        <ApplicationDetailView
          round={round}
          application={application}
          actions={listReviewActions(application.status)}
          notes={notes}
          csrfToken={c.get('csrfToken')}
        />
      ),
    });
  });

  app.post('/:roundId/applications/:applicationId/review', anyCoordinator, async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const applicationId = c.req.param('applicationId');
    const body = await c.req.parseBody();
    const action = String(body.action ?? '');
    const declineReason = typeof body.declineReason === 'string' ? body.declineReason : undefined;
    try {
      if (!isReviewAction(action)) throw new DomainError('VALIDATION', t('review:detail.chooseAction'), []);
      await reviewApplication(deps(), {
        viewer: c.get('viewer'),
        roundId,
        applicationId,
        action,
        declineReason,
      });
      const { application } = await loadDetail(c, roundId, applicationId);
      setFlash(c, { kind: 'success', message: t(`review:done.${action}`, { name: application.name }) });
      return c.redirect(`${applicationsPath(roundId)}/${applicationId}`, 303);
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
      const { round, application, notes } = await loadDetail(c, roundId, applicationId);
      const problems =
        error.details.length > 0 ? error.details : [{ field: 'action', message: error.message }];
      return renderPage(c, {
        title: application.name,
        status: error.code === 'CONFLICT' ? 409 : 422,
        children: (
          <ApplicationDetailView
            round={round}
            application={application}
            actions={listReviewActions(application.status)}
            notes={notes}
            csrfToken={c.get('csrfToken')}
            problems={problems}
            values={{ declineReason: declineReason ?? '' }}
          />
        ),
      });
    }
  });

  app.post('/:roundId/applications/:applicationId/notes', anyCoordinator, async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const applicationId = c.req.param('applicationId');
    const body = await c.req.parseBody();
    const text = typeof body.body === 'string' ? body.body : '';
    try {
      await addApplicationNote(deps(), { viewer: c.get('viewer'), roundId, applicationId, body: text });
      setFlash(c, { kind: 'success', message: t('review:detail.noteAdded') });
      return c.redirect(`${applicationsPath(roundId)}/${applicationId}`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      const { round, application, notes } = await loadDetail(c, roundId, applicationId);
      return renderPage(c, {
        title: application.name,
        status: 422,
        children: (
          <ApplicationDetailView
            round={round}
            application={application}
            actions={listReviewActions(application.status)}
            notes={notes}
            csrfToken={c.get('csrfToken')}
            problems={error.details}
            values={{ body: text }}
          />
        ),
      });
    }
  });

  // Waitlist admission: GET previews (a dry run), POST admits.
  const parsePlaces = (value: unknown): number | undefined => {
    const text = typeof value === 'string' ? value.trim() : '';
    return text === '' ? undefined : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  };

  app.get('/:roundId/waitlist', program, async (c) => {
    const roundId = c.req.param('roundId');
    const places = c.req.query('places') ?? '';
    const round = await deps().rounds.getRound(roundId);
    let problems: { field: string; message: string }[] = [];
    let preview = await admitWaitlistedApplications(deps(), {
      viewer: c.get('viewer'),
      roundId,
      dryRun: true,
    }).catch((error) => {
      if (isDomainError(error) && error.code === 'CONFLICT') {
        problems = [{ field: '', message: error.message }];
        return { admitted: [], stillWaitlisted: 0, capPerCountry: Number.POSITIVE_INFINITY };
      }
      throw error;
    });
    if (places !== '' && problems.length === 0) {
      try {
        preview = await admitWaitlistedApplications(deps(), {
          viewer: c.get('viewer'),
          roundId,
          places: parsePlaces(places),
          dryRun: true,
        });
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
        problems = error.details;
      }
    }
    return renderPage(c, {
      title: c.get('t')('review:admit.title', { round: round.name }),
      status: problems.length > 0 ? 422 : 200,
      children: (
        <AdmitView
          round={round}
          preview={preview}
          places={places}
          csrfToken={c.get('csrfToken')}
          problems={problems}
        />
      ),
    });
  });

  app.post('/:roundId/waitlist', program, async (c) => {
    const roundId = c.req.param('roundId');
    const body = await c.req.parseBody();
    const result = await admitWaitlistedApplications(deps(), {
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

  // CSV import: upload → choose columns → report (and import).
  app.get('/:roundId/imports/new', program, async (c) => {
    const round = await deps().rounds.getRound(c.req.param('roundId'));
    return renderPage(c, {
      title: c.get('t')('review:import.title', { round: round.name }),
      children: <UploadView round={round} csrfToken={c.get('csrfToken')} problems={[]} />,
    });
  });

  app.post('/:roundId/imports', program, async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const round = await deps().rounds.getRound(roundId);
    const body = await c.req.parseBody();
    const file = body.file;
    try {
      if (!(file instanceof File) || file.size === 0) {
        throw new DomainError('VALIDATION', t('review:import.chooseFile'), [
          { field: 'file', message: t('review:import.chooseFileHint') },
        ]);
      }
      if (file.size > MAX_IMPORT_BYTES) {
        throw new DomainError('VALIDATION', t('review:import.fileTooLarge'), [
          {
            field: 'file',
            message: t('review:import.fileTooLargeHint', { megabytes: MAX_IMPORT_BYTES / (1024 * 1024) }),
          },
        ]);
      }
      const preview = await uploadApplicationsCsv(deps(), {
        viewer: c.get('viewer'),
        roundId,
        fileName: file.name,
        content: await file.text(),
        locale: c.get('locale'),
      });
      return c.redirect(`/coordinator/rounds/${roundId}/imports/${preview.importId}`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      return renderPage(c, {
        title: c.get('t')('review:import.title', { round: round.name }),
        status: 422,
        children: <UploadView round={round} csrfToken={c.get('csrfToken')} problems={error.details} />,
      });
    }
  });

  app.get('/:roundId/imports/:importId', program, async (c) => {
    const roundId = c.req.param('roundId');
    const round = await deps().rounds.getRound(roundId);
    const preview = await previewApplicationsImport(deps(), {
      viewer: c.get('viewer'),
      roundId,
      importId: c.req.param('importId'),
      locale: c.get('locale'),
    });
    const mapping = Object.fromEntries(
      Object.entries(preview.mapping).map(([field, choice]) => [field, String(choice)]),
    );
    return renderPage(c, {
      title: c.get('t')('review:import.title', { round: round.name }),
      children: (
        <MappingView
          round={round}
          preview={preview}
          mapping={mapping}
          skipBadRows={false}
          csrfToken={c.get('csrfToken')}
          problems={[]}
        />
      ),
    });
  });

  app.post('/:roundId/imports/:importId', program, async (c) => {
    const roundId = c.req.param('roundId');
    const importId = c.req.param('importId');
    const round = await deps().rounds.getRound(roundId);
    const preview = await previewApplicationsImport(deps(), {
      viewer: c.get('viewer'),
      roundId,
      importId,
      locale: c.get('locale'),
    });
    const body = await c.req.parseBody({ all: true });
    const submitted: Record<string, string> = {};
    const mapping = {} as ColumnMapping;
    for (const field of IMPORT_FIELDS) {
      const raw = body[`map.${field}`];
      const value = typeof raw === 'string' ? raw : 'none';
      submitted[field] = value;
      mapping[field] = (
        /^\d+$/.test(value) ? Number(value) : value === 'yes' ? 'yes' : 'none'
      ) as ColumnChoice;
    }
    const skipBadRows = ([] as unknown[]).concat(body.skipBadRows ?? []).includes('on');
    const render = (status: 200 | 409 | 422, extra: Partial<Parameters<typeof MappingView>[0]>) =>
      renderPage(c, {
        title: c.get('t')('review:import.title', { round: round.name }),
        status,
        children: (
          <MappingView
            round={round}
            preview={preview}
            mapping={submitted}
            skipBadRows={skipBadRows}
            csrfToken={c.get('csrfToken')}
            problems={[]}
            {...extra}
          />
        ),
      });
    try {
      const report = await importApplications(deps(), {
        viewer: c.get('viewer'),
        roundId,
        importId,
        mapping,
        skipBadRows,
      });
      return render(report.isImported ? 200 : 422, { report });
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
      return render(error.code === 'CONFLICT' ? 409 : 422, {
        problems: error.details.length > 0 ? error.details : [{ field: '', message: error.message }],
      });
    }
  });

  return app;
};
