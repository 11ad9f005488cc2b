import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { AuditEntry } from '../../../core/audit/audit-entry';
import type { AuditLog } from '../../../services/ports/audit';
import type { Database } from '../../schema';
import type { AuditLogTable } from '../../tables/core';

/** The audit_log row for an entry (also written in batches: unit-of-work/batched-writes.ts). */
export const auditRow = (entry: AuditEntry, now: Date): Insertable<AuditLogTable> => ({
  id: randomUUID(),
  at: now.toISOString(),
  actor_person_id: entry.actorPersonId,
  action: entry.action,
  subject_type: entry.subjectType,
  subject_id: entry.subjectId,
  details: JSON.stringify(entry.details),
  channel: entry.origin?.channel ?? null,
  client_address: entry.origin?.clientAddress ?? null,
});

/**
 * The one writer of audit_log: rows are only ever inserted. There is no update or delete here or
 * anywhere, and the database refuses both (migration 0019's triggers).
 */
export const createAuditLog = (db: Kysely<Database>): AuditLog => ({
  record: async (entry, now) => {
    await db.insertInto('audit_log').values(auditRow(entry, now)).execute();
  },
  recordAll: async (entries, now) => {
    if (entries.length === 0) return;
    await db
      .insertInto('audit_log')
      .values(entries.map((entry) => auditRow(entry, now)))
      .execute();
  },
});
