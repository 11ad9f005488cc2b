import type { AuditRecord } from '../../core/audit/audit-entry';
import {
  type AuditQuery,
  type AuditQueryInput,
  auditCursorOf,
  parseAuditQuery,
} from '../../core/audit/audit-query';
import { DomainError, invalidInput } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { assertProgramCoordinator } from '../people/access';
import type { AuditFilters } from '../ports/audit';
import type { UseCaseDeps } from '../ports/deps';

/**
 * Program coordinators read the audit trail: who did what, to which thing, when and from where,
 * filtered by actor, action, subject and dates, newest first, a page at a time; and download the
 * filtered trail as a file (that download is itself recorded). Nobody else sees it: the trail
 * holds every country's actions and the addresses coordinators worked from.
 */
export const AUDIT_PAGE_SIZE = 50;
/** The most entries one download holds; the page says to narrow the filters past it. */
export const MAX_AUDIT_EXPORT = 50_000;
const EXPORT_BATCH = 1000;

export interface AuditTrailInput extends AuditQueryInput {
  viewer: Viewer | null;
}

export interface AuditTrailPage {
  entries: AuditRecord[];
  /** Where the next (older) page starts; undefined on the last page. */
  nextAfter?: string;
  /** Everyone who appears as an actor, for the filter. */
  actors: { personId: string; name: string; email: string }[];
}

const filtersOf = (query: AuditQuery): AuditFilters => ({
  actorPersonId: query.actorPersonId,
  action: query.action,
  subjectType: query.subjectType,
  subjectId: query.subjectId,
  from: query.from,
  until: query.until,
});

const checkedQuery = (input: AuditQueryInput): AuditQuery => {
  const { query, problems } = parseAuditQuery(input);
  if (problems.length > 0) throw invalidInput(problems);
  return query;
};

export const listAuditTrail = async (deps: UseCaseDeps, input: AuditTrailInput): Promise<AuditTrailPage> => {
  assertProgramCoordinator(input.viewer, 'read the audit trail');
  const query = checkedQuery(input);
  const [rows, actors] = await Promise.all([
    deps.store.auditTrail.listEntries(filtersOf(query), { after: query.after, limit: AUDIT_PAGE_SIZE + 1 }),
    deps.store.auditTrail.listActors(),
  ]);
  const entries = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = entries.at(-1);
  return {
    entries,
    ...(rows.length > AUDIT_PAGE_SIZE && last ? { nextAfter: auditCursorOf(last) } : {}),
    actors,
  };
};

/**
 * Every entry the filters select (not only one page), newest first, for a CSV file; the web edge
 * writes the file with formula cells neutralised. Too many entries is a CONFLICT that asks for
 * narrower filters rather than a file cut short without saying so.
 */
export const exportAuditTrail = async (deps: UseCaseDeps, input: AuditTrailInput): Promise<AuditRecord[]> => {
  const viewer = assertProgramCoordinator(input.viewer, 'export the audit trail');
  const { after: _ignored, ...query } = checkedQuery(input);
  const filters = filtersOf(query);
  const entries: AuditRecord[] = [];
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const batch = await deps.store.auditTrail.listEntries(filters, { after, limit: EXPORT_BATCH });
    entries.push(...batch);
    if (entries.length > MAX_AUDIT_EXPORT) {
      throw new DomainError('CONFLICT', 'audit.exportTooLarge', { max: MAX_AUDIT_EXPORT });
    }
    const last = batch.at(-1);
    if (batch.length < EXPORT_BATCH || !last) break;
    after = { at: last.at, id: last.id };
  }
  const now = deps.clock.now();
  await deps.uow.transaction((store) =>
    store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'audit.exported',
        subjectType: 'audit-trail',
        subjectId: 'audit-trail',
        details: { filters: { ...filters }, entries: entries.length },
      },
      now,
    ),
  );
  return entries;
};
