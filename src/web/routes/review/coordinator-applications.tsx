import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppContext } from '../../../app-context';
import { DomainError, type FieldProblem, isDomainError } from '../../../core/errors';
import type { Viewer } from '../../../core/people/viewer';
import type { Round } from '../../../core/rounds';
import { createReviewDeps } from '../../../db/unit-of-work/transaction-unit-of-work';
import { scopeOf } from '../../../services/people/access';
import { addApplicationNote } from '../../../services/review/add-application-note';
import { admitWaitlistedApplications } from '../../../services/review/admit-from-waitlist';
import { bulkReview } from '../../../services/review/bulk-review';
import { exportApplications } from '../../../services/review/export-applications';
import {
  type ColumnChoice,
  type ColumnMapping,
  IMPORT_FIELDS,
  importApplications,
  MAX_IMPORT_BYTES,
  previewApplicationsImport,
  uploadApplicationsCsv,
} from '../../../services/review/import-applications';
import {
  isReviewAction,
  listReviewActions,
  reviewApplication,
} from '../../../services/review/review-application';
import { previewCountryQuota } from '../../../services/rounds/settle-country-quota';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { requireCoordinator, requireProgramCoordinator } from '../../middleware/require-role';
import { renderPage } from '../../views/layout';
import { ApplicationDetailView } from '../../views/review/detail-view';
import { ApplicationsListView, applicationsPath } from '../../views/review/list-view';
import { AdmitView, CountsView, MappingView, UploadView } from '../../views/review/other-views';
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

/** The pages that are about a whole round: their titles name it. */
type RoundPageTitle =
  | 'review:list.title'
  | 'review:counts.title'
  | 'review:admit.title'
  | 'review:import.title';
type DetailValues = NonNullable<Parameters<typeof ApplicationDetailView>[0]['values']>;

const truncate = (text: string, max = 450) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const coordinatorApplications = (ctx: AppContext) => {
  const app = new Hono<AppEnv>();
  const deps = () => createReviewDeps(ctx.database.db, { now: ctx.now, baseUrl: ctx.config.baseUrl });
  const anyCoordinator = requireCoordinator();
  const program = requireProgramCoordinator();

  // What every page here starts from: the viewer, the countries they may see and the round.
  const loadRound = async (c: Context<AppEnv>, roundId: string) => {
    const viewer = viewerOf(c);
    const round = await deps().rounds.getRound(roundId);
    return { viewer, scope: scopeOf(viewer), round };
  };

  // A page about the whole round, titled with its name.
  const renderRoundPage = (
    c: Context<AppEnv>,
    round: Round,
    titleKey: RoundPageTitle,
    children: Child,
    status?: ContentfulStatusCode,
  ) => renderPage(c, { title: c.get('t')(titleKey, { round: round.name }), status, children });

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

  // The detail page as it is, or again with the problems of a form on it.
  const renderDetail = async (
    c: Context<AppEnv>,
    roundId: string,
    applicationId: string,
    failed?: { status: 409 | 422; problems: FieldProblem[]; values: DetailValues },
  ) => {
    const { round, application, notes } = await loadDetail(c, roundId, applicationId);
    return renderPage(c, {
      title: application.name,
      status: failed?.status,
      children: (
        <ApplicationDetailView
          round={round}
          application={application}
          actions={listReviewActions(application.status)}
          notes={notes}
          csrfToken={c.get('csrfToken')}
          problems={failed?.problems}
          values={failed?.values}
        />
      ),
    });
  };

  app.get('/:roundId/applications', anyCoordinator, async (c) => {
    const { viewer, scope, round } = await loadRound(c, c.req.param('roundId'));
    const { review } = deps();
    const query = parseReviewQuery(c.req.query());
    const [{ items, total }, counts] = await Promise.all([
      review.listApplications({ roundId: round.id, scope, ...query, pageSize: PAGE_SIZE }),
      review.countApplications(round.id, scope),
    ]);
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
    const { scope, round } = await loadRound(c, c.req.param('roundId'));
    const { review } = deps();
    const [counts, quota] = await Promise.all([
      review.countApplications(round.id, scope),
      round.status === 'draft' || round.status === 'open'
        ? previewCountryQuota({ review }, round, scope)
        : undefined,
    ]);
    return renderRoundPage(
      c,
      round,
      'review:counts.title',
      <CountsView round={round} counts={counts} quota={quota} />,
    );
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

  app.get('/:roundId/applications/:applicationId', anyCoordinator, (c) =>
    renderDetail(c, c.req.param('roundId'), c.req.param('applicationId')),
  );

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
      return renderDetail(c, roundId, applicationId, {
        status: error.code === 'CONFLICT' ? 409 : 422,
        problems: error.details.length > 0 ? error.details : [{ field: 'action', message: error.message }],
        values: { declineReason: declineReason ?? '' },
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
      return renderDetail(c, roundId, applicationId, {
        status: 422,
        problems: error.details,
        values: { body: text },
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
    const { round } = await loadRound(c, roundId);
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
    return renderRoundPage(
      c,
      round,
      'review:admit.title',
      <AdmitView
        round={round}
        preview={preview}
        places={places}
        csrfToken={c.get('csrfToken')}
        problems={problems}
      />,
      problems.length > 0 ? 422 : 200,
    );
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
  const renderUpload = (c: Context<AppEnv>, round: Round, problems: FieldProblem[], status?: 422) =>
    renderRoundPage(
      c,
      round,
      'review:import.title',
      <UploadView round={round} csrfToken={c.get('csrfToken')} problems={problems} />,
      status,
    );

  app.get('/:roundId/imports/new', program, async (c) => {
    const { round } = await loadRound(c, c.req.param('roundId'));
    return renderUpload(c, round, []);
  });

  app.post('/:roundId/imports', program, async (c) => {
    const t = c.get('t');
    const roundId = c.req.param('roundId');
    const { round } = await loadRound(c, roundId);
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
      return renderUpload(c, round, error.details, 422);
    }
  });

  // The column mapping of an uploaded file, as guessed (GET) or as chosen (POST, with the report).
  const loadImport = async (c: Context<AppEnv>, roundId: string, importId: string) => {
    const { viewer, round } = await loadRound(c, roundId);
    const preview = await previewApplicationsImport(deps(), {
      viewer,
      roundId,
      importId,
      locale: c.get('locale'),
    });
    return { viewer, round, preview };
  };
  type MappingProps = Parameters<typeof MappingView>[0];
  const renderMapping = (
    c: Context<AppEnv>,
    props: Omit<MappingProps, 'csrfToken' | 'problems'> & Partial<Pick<MappingProps, 'problems'>>,
    status?: 409 | 422,
  ) =>
    renderRoundPage(
      c,
      props.round,
      'review:import.title',
      <MappingView csrfToken={c.get('csrfToken')} problems={[]} {...props} />,
      status,
    );

  app.get('/:roundId/imports/:importId', program, async (c) => {
    const { round, preview } = await loadImport(c, c.req.param('roundId'), c.req.param('importId'));
    const mapping = Object.fromEntries(
      Object.entries(preview.mapping).map(([field, choice]) => [field, String(choice)]),
    );
    return renderMapping(c, { round, preview, mapping, skipBadRows: false });
  });

  app.post('/:roundId/imports/:importId', program, async (c) => {
    const roundId = c.req.param('roundId');
    const importId = c.req.param('importId');
    const { viewer, round, preview } = await loadImport(c, roundId, importId);
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
    const shown = { round, preview, mapping: submitted, skipBadRows };
    try {
      const report = await importApplications(deps(), { viewer, roundId, importId, mapping, skipBadRows });
      return renderMapping(c, { ...shown, report }, report.isImported ? undefined : 422);
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
      return renderMapping(
        c,
        {
          ...shown,
          problems: error.details.length > 0 ? error.details : [{ field: '', message: error.message }],
        },
        error.code === 'CONFLICT' ? 409 : 422,
      );
    }
  });

  return app;
};
