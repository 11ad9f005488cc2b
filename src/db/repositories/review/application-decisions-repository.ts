import type { Kysely, Transaction } from 'kysely';
import type { ApplicationStatus } from '../../../core/applications/application-status';
import {
  type ApplicationDecision,
  DECISION_UNDO_MINUTES,
  type UndoableAction,
} from '../../../core/applications/decision-undo';
import type { ApplicationDecisionRepository } from '../../../services/ports/decisions';
import type { Database } from '../../schema';
import type { ApplicationDecisionsTable } from '../../tables/decisions';

/**
 * Coordinators' decisions kept for their undo window (migration 0020). Each read is one index
 * probe: an application's latest decision, a person's latest batch in a round, a batch by id.
 */
type Db = Kysely<Database> | Transaction<Database>;

const toDecision = (row: ApplicationDecisionsTable): ApplicationDecision => ({
  id: row.id,
  batchId: row.batch_id,
  roundId: row.round_id,
  applicationId: row.application_id,
  actorPersonId: row.actor_person_id,
  action: row.action as UndoableAction,
  fromStatus: row.from_status as ApplicationStatus,
  toStatus: row.to_status as ApplicationStatus,
  mailMessageId: row.mail_message_id,
  decidedAt: new Date(row.decided_at),
  undoUntil: new Date(row.undo_until),
  undoneAt: row.undone_at ? new Date(row.undone_at) : null,
});

const toRow = (decision: ApplicationDecision): ApplicationDecisionsTable => ({
  id: decision.id,
  batch_id: decision.batchId,
  round_id: decision.roundId,
  application_id: decision.applicationId,
  actor_person_id: decision.actorPersonId,
  action: decision.action,
  from_status: decision.fromStatus,
  to_status: decision.toStatus,
  mail_message_id: decision.mailMessageId,
  decided_at: decision.decidedAt.toISOString(),
  undo_until: decision.undoUntil.toISOString(),
  undone_at: decision.undoneAt?.toISOString() ?? null,
});

/** Rows per INSERT, well under either database's limit on parameters (12 a row). */
const SLICE = 400;

export const createApplicationDecisionRepository = (db: Db): ApplicationDecisionRepository => ({
  recordDecisions: async (decisions) => {
    for (let start = 0; start < decisions.length; start += SLICE) {
      await db
        .insertInto('application_decisions')
        .values(decisions.slice(start, start + SLICE).map(toRow))
        .execute();
    }
  },

  findLatestForApplication: async (applicationId) => {
    const row = await db
      .selectFrom('application_decisions')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('decided_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toDecision(row) : undefined;
  },

  findLatestOpenBatchId: async (roundId, actorPersonId, now) => {
    const row = await db
      .selectFrom('application_decisions')
      .select('batch_id')
      .where('round_id', '=', roundId)
      .where('actor_person_id', '=', actorPersonId)
      // Bounds the index range: only decisions of the last window can still be open.
      .where('decided_at', '>', new Date(now.getTime() - DECISION_UNDO_MINUTES * 60_000).toISOString())
      .where('undo_until', '>', now.toISOString())
      .where('undone_at', 'is', null)
      .orderBy('decided_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.batch_id;
  },

  listBatch: async (batchId) => {
    const rows = await db
      .selectFrom('application_decisions')
      .innerJoin('applications', 'applications.id', 'application_decisions.application_id')
      .selectAll('application_decisions')
      .select([
        'applications.name as application_name',
        'applications.country_code as country_code',
        'applications.status as current_status',
      ])
      .where('application_decisions.batch_id', '=', batchId)
      .orderBy('application_decisions.decided_at')
      .orderBy('application_decisions.id')
      .execute();
    return rows.map((row) => ({
      ...toDecision(row),
      applicationName: row.application_name,
      countryCode: row.country_code,
      currentStatus: row.current_status as ApplicationStatus,
    }));
  },

  markUndone: async (ids, now) => {
    for (let start = 0; start < ids.length; start += SLICE) {
      await db
        .updateTable('application_decisions')
        .set({ undone_at: now.toISOString() })
        .where('id', 'in', ids.slice(start, start + SLICE))
        .execute();
    }
  },
});
