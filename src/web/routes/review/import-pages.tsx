import { stringify } from 'csv-stringify/sync';
import { type Context, Hono } from 'hono';
import { type ColumnChoice, type ColumnMapping, IMPORT_FIELDS } from '../../../core/applications/csv-columns';
import { invalidInput, isDomainError } from '../../../core/errors';
import type { Round } from '../../../core/rounds';
import { choiceNamesInEveryLanguage } from '../../../i18n/labels';
import { type ShownProblem, shownProblemsOf, translateProblems } from '../../../i18n/problems';
import { MAX_IMPORT_BYTES } from '../../../services/review/import-applications';
import type { AppEnv } from '../../env';
import { importHeaderNames, importTemplate } from '../../views/review/csv-cells';
import { IMPORT_TEMPLATE_FILE, MappingView, UploadView } from '../../views/review/import-views';
import type { WebDeps } from '../../web-deps';
import { renderRoundPage } from './round-page';

/**
 * Importing applications from a spreadsheet (program coordinators): upload → choose columns →
 * report (and import).
 */
export const importPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  const { review } = ctx.services;
  // CSV import: upload → choose columns → report (and import).
  const renderUpload = (c: Context<AppEnv>, round: Round, problems: ShownProblem[], status?: 422) =>
    renderRoundPage(
      c,
      round,
      'review:import.title',
      <UploadView round={round} csrfToken={c.get('csrfToken')} problems={problems} />,
      status,
    );

  // A template to fill in: UTF-8 with a byte-order mark, as the export, for spreadsheet programs.
  app.get('/:roundId/imports/template.csv', async (c) => {
    await review.loadRound(c.get('viewer'), c.req.param('roundId'));
    const t = c.get('t');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${IMPORT_TEMPLATE_FILE}"`);
    return c.body(`\uFEFF${stringify(importTemplate(t, c.get('locale')))}`);
  });

  app.get('/:roundId/imports/new', async (c) => {
    const { round } = await review.loadRound(c.get('viewer'), c.req.param('roundId'));
    return renderUpload(c, round, []);
  });

  app.post('/:roundId/imports', async (c) => {
    const roundId = c.req.param('roundId');
    const { round } = await review.loadRound(c.get('viewer'), roundId);
    const body = await c.req.parseBody();
    const file = body.file;
    try {
      if (!(file instanceof File) || file.size === 0) {
        throw invalidInput([{ field: 'file', code: 'import.chooseFile' }]);
      }
      if (file.size > MAX_IMPORT_BYTES) {
        throw invalidInput([
          {
            field: 'file',
            code: 'import.fileTooLarge',
            params: { megabytes: MAX_IMPORT_BYTES / (1024 * 1024) },
          },
        ]);
      }
      const preview = await review.uploadCsv({
        viewer: c.get('viewer'),
        roundId,
        fileName: file.name,
        content: await file.text(),
        headerNames: importHeaderNames,
      });
      return c.redirect(`/coordinator/rounds/${roundId}/imports/${preview.importId}`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      return renderUpload(c, round, translateProblems(c.get('t'), error.details), 422);
    }
  });

  // The column mapping of an uploaded file, as guessed (GET) or as chosen (POST, with the report).
  const loadImport = async (c: Context<AppEnv>, roundId: string, importId: string) => {
    const { viewer, round } = await review.loadRound(c.get('viewer'), roundId);
    const preview = await review.previewImport({ viewer, roundId, importId, headerNames: importHeaderNames });
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
      <MappingView
        csrfToken={c.get('csrfToken')}
        problems={[]}
        isOutboxEnabled={c.get('isOutboxEnabled') ?? false}
        {...props}
      />,
      status,
    );

  app.get('/:roundId/imports/:importId', async (c) => {
    const { round, preview } = await loadImport(c, c.req.param('roundId'), c.req.param('importId'));
    const mapping = Object.fromEntries(
      Object.entries(preview.mapping).map(([field, choice]) => [field, String(choice)]),
    );
    return renderMapping(c, { round, preview, mapping, skipBadRows: false });
  });

  app.post('/:roundId/imports/:importId', async (c) => {
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
      const report = await review.import({
        viewer,
        roundId,
        importId,
        mapping,
        skipBadRows,
        choiceNames: choiceNamesInEveryLanguage,
      });
      return renderMapping(c, { ...shown, report }, report.isImported ? undefined : 422);
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
      return renderMapping(
        c,
        {
          ...shown,
          problems: shownProblemsOf(c.get('t'), error),
        },
        error.code === 'CONFLICT' ? 409 : 422,
      );
    }
  });

  return app;
};
