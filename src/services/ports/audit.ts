import type { AuditAction, AuditEntry, AuditRecord, AuditSubjectType } from '../../core/audit/audit-entry';

/** The one writer of the audit trail; entries are only ever added. */
export interface AuditLog {
  record: (entry: AuditEntry, now: Date) => Promise<void>;
  /** record for many entries in one statement (a few hundred at a time), in their order. */
  recordAll: (entries: readonly AuditEntry[], now: Date) => Promise<void>;
}

/** Which entries to read; every filter given must hold. */
export interface AuditFilters {
  /** A person's id, or null for entries no person made (applicants, the schedule, the CLI). */
  actorPersonId?: string | null | undefined;
  action?: AuditAction | undefined;
  subjectType?: AuditSubjectType | undefined;
  subjectId?: string | undefined;
  /** ISO-8601 UTC instants: from (inclusive) and until (exclusive). */
  from?: string | undefined;
  until?: string | undefined;
}

/** Where a page of the trail continues: the last entry shown (newest first). */
export interface AuditCursor {
  at: string;
  id: string;
}

/**
 * Reading the trail, newest first, a page at a time after a cursor (keyset paging: each page is
 * one index range scan, however far back). There is no way to change or remove an entry.
 */
export interface AuditTrailRepository {
  listEntries: (
    filters: AuditFilters,
    page: { after?: AuditCursor | undefined; limit: number },
  ) => Promise<AuditRecord[]>;
  /** Everyone who appears as an actor in the trail, by name. */
  listActors: () => Promise<{ personId: string; name: string; email: string }[]>;
}
