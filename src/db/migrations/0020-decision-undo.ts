import type { Kysely } from 'kysely';

/**
 * Coordinators' decisions about applications, kept so that one can be undone for a few minutes
 * (row type in src/db/tables/decisions.ts; the rule in src/core/applications/decision-undo.ts).
 * A decision's email waits in the mail queue until `undo_until` (its `next_attempt_at`), so undoing
 * it in time cancels an email nobody has received. A bulk action's decisions share a `batch_id`.
 * Portable types only.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('application_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('actor_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    /** The queued email the decision caused (its undo cancels it while it is still unsent). */
    .addColumn('mail_message_id', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('undo_until', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .execute();
  // An application's latest decision (its page offers to undo it).
  await db.schema
    .createIndex('application_decisions_by_application')
    .on('application_decisions')
    .columns(['application_id', 'decided_at'])
    .execute();
  // A coordinator's latest decisions in a round (the review pages offer to undo the last batch).
  await db.schema
    .createIndex('application_decisions_by_actor')
    .on('application_decisions')
    .columns(['round_id', 'actor_person_id', 'decided_at'])
    .execute();
  await db.schema
    .createIndex('application_decisions_by_batch')
    .on('application_decisions')
    .column('batch_id')
    .execute();
};

// biome-ignore lint/suspicious/noExplicitAny: see up()
export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropTable('application_decisions').execute();
};
