import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema';
import type { AuditLogTable } from '../../tables/core';

/** One line of the audit log: who (null for the system or an applicant) did what to which thing. */
export interface AuditEntry {
  actorPersonId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
}

/** The audit_log row for an entry (also written in batches: batched-writes.ts). */
export const auditRow = (entry: AuditEntry, now: Date): Insertable<AuditLogTable> => ({
  id: randomUUID(),
  at: now.toISOString(),
  actor_person_id: entry.actorPersonId,
  action: entry.action,
  subject_type: entry.subjectType,
  subject_id: entry.subjectId,
  details: JSON.stringify(entry.details),
});

/** The one writer of audit_log; every repository that records actions calls it. */
export const insertAuditEntry = async (
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry,
  now: Date,
): Promise<void> => {
  await db.insertInto('audit_log').values(auditRow(entry, now)).execute();
};
