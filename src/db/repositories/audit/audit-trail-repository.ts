import type { Kysely, Selectable } from 'kysely';
import {
  AUDIT_CHANNELS,
  type AuditAction,
  type AuditChannel,
  type AuditRecord,
  type AuditSubjectType,
} from '../../../core/audit/audit-entry';
import type { AuditTrailRepository } from '../../../services/ports/audit';
import type { Database } from '../../schema';
import type { AuditLogTable } from '../../tables/core';

const parseDetails = (json: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
};

const toChannel = (value: string | null): AuditChannel | null =>
  (AUDIT_CHANNELS as readonly string[]).includes(value ?? '') ? (value as AuditChannel) : null;

type Row = Selectable<AuditLogTable> & { actor_name: string | null; actor_email: string | null };

const toRecord = (row: Row): AuditRecord => ({
  id: row.id,
  at: row.at,
  actorPersonId: row.actor_person_id,
  actor:
    row.actor_person_id && row.actor_email ? { name: row.actor_name ?? '', email: row.actor_email } : null,
  action: row.action as AuditAction,
  subjectType: row.subject_type as AuditSubjectType,
  subjectId: row.subject_id,
  details: parseDetails(row.details),
  channel: toChannel(row.channel),
  clientAddress: row.client_address,
});

/**
 * Reads audit_log newest first. Pages are keyset pages over (at, id): "older than the last entry
 * shown", so no page counts or skips the rows before it; each filter has an index that ends in
 * (at, id) (migration 0019). Instants are ISO-8601 UTC text of one format, so they compare in time
 * order as text on both databases.
 */
export const createAuditTrailRepository = (db: Kysely<Database>): AuditTrailRepository => ({
  listEntries: async (filters, page) => {
    let query = db
      .selectFrom('audit_log')
      .leftJoin('people', 'people.id', 'audit_log.actor_person_id')
      .selectAll('audit_log')
      .select(['people.name as actor_name', 'people.email as actor_email']);
    if (filters.actorPersonId === null) query = query.where('audit_log.actor_person_id', 'is', null);
    else if (filters.actorPersonId !== undefined)
      query = query.where('audit_log.actor_person_id', '=', filters.actorPersonId);
    if (filters.action) query = query.where('audit_log.action', '=', filters.action);
    if (filters.subjectType) query = query.where('audit_log.subject_type', '=', filters.subjectType);
    if (filters.subjectId) query = query.where('audit_log.subject_id', '=', filters.subjectId);
    if (filters.from) query = query.where('audit_log.at', '>=', filters.from);
    if (filters.until) query = query.where('audit_log.at', '<', filters.until);
    const after = page.after;
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('audit_log.at', '<', after.at),
          eb.and([eb('audit_log.at', '=', after.at), eb('audit_log.id', '<', after.id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('audit_log.at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(page.limit)
      .execute();
    return rows.map(toRecord);
  },

  listActors: async () => {
    const rows = await db
      .selectFrom('people')
      .select(['people.id', 'people.name', 'people.email'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('audit_log')
            .select('audit_log.id')
            .whereRef('audit_log.actor_person_id', '=', 'people.id'),
        ),
      )
      .orderBy('people.name')
      .orderBy('people.email')
      .execute();
    return rows.map((row) => ({ personId: row.id, name: row.name, email: row.email }));
  },
});
