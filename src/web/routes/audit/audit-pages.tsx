import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import type { AuditQueryInput } from '../../../core/audit/audit-query';
import { isDomainError } from '../../../core/errors';
import { translateProblems } from '../../../i18n/problems';
import type { AppEnv } from '../../env';
import { requireProgramCoordinator } from '../../middleware/require-role';
import { auditCsvRows } from '../../views/audit/audit-csv';
import { AuditTrailPage } from '../../views/audit/audit-views';
import { renderPage } from '../../views/layout';
import type { WebDeps } from '../../web-deps';

const FILTER_NAMES = ['actor', 'action', 'subjectType', 'subject', 'from', 'to', 'after'] as const;

/** The filters from the query string; only the first of a repeated name, only text. */
const readQuery = (query: Record<string, string>): AuditQueryInput =>
  Object.fromEntries(
    FILTER_NAMES.flatMap((name) =>
      typeof query[name] === 'string' ? [[name, query[name].slice(0, 300)]] : [],
    ),
  );

/**
 * The audit trail for program coordinators, mounted at /coordinator/audit: a filter form (GET, so a
 * filtered view is a link to share), newest first, older pages by link; and the filtered trail as
 * a CSV file (recorded in the trail itself).
 */
export const auditPages = (ctx: WebDeps) => {
  const app = new Hono<AppEnv>();
  app.use('*', requireProgramCoordinator());

  app.get('/', async (c) => {
    const t = c.get('t');
    const query = readQuery(c.req.query());
    try {
      const page = await ctx.services.audit.list({ viewer: c.get('viewer'), ...query });
      return renderPage(c, {
        title: t('audit:title'),
        children: (
          <AuditTrailPage
            query={query}
            entries={page.entries}
            actors={page.actors}
            nextAfter={page.nextAfter}
          />
        ),
      });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION') throw error;
      const { actors } = await ctx.services.audit.list({ viewer: c.get('viewer') });
      return renderPage(c, {
        title: t('audit:title'),
        status: 422,
        children: (
          <AuditTrailPage
            query={query}
            entries={[]}
            actors={actors}
            problems={translateProblems(t, error.details)}
          />
        ),
      });
    }
  });

  // UTF-8 with a byte-order mark, so spreadsheet programs read accented names right.
  app.get('/export.csv', async (c) => {
    const entries = await ctx.services.audit.export({ viewer: c.get('viewer'), ...readQuery(c.req.query()) });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="audit-trail-${ctx.now().toISOString().slice(0, 10)}.csv"`,
    );
    c.header('Cache-Control', 'no-store');
    return c.body(`\uFEFF${stringify(auditCsvRows(c.get('t'), entries), { record_delimiter: 'windows' })}`);
  });

  return app;
};
