import type { Kysely } from 'kysely';

/**
 * Matchmaking (row types in src/db/tables/matching.ts). Portable types only; JSON as text.
 *
 * - rounds.match_settings: the round's weights and rules (null: the documented defaults).
 * - match_runs: one recorded run: its snapshot (every input, so it can be re-checked), its result
 *   and the engine's certificate, and whether it was published.
 * - match_locks / match_exclusions: what coordinators fixed for the next run: partnerships kept as
 *   they are, pairs never to be made.
 * - match_comments: coordinators' notes on a proposed partnership, by its members.
 * - partnerships / partnership_members: what was published; members leave (withdrawn, inactive)
 *   and a repair adds new partnerships, so each row keeps when it began and ended.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema.alterTable('rounds').addColumn('match_settings', 'text').execute();

  await db.schema
    .createTable('match_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('objective', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('explanations', 'text', (c) => c.notNull())
    .addColumn('total_fit', 'integer', (c) => c.notNull())
    .addColumn('solver_weight', 'real', (c) => c.notNull())
    .addColumn('is_optimal', 'integer', (c) => c.notNull())
    .addColumn('seconds', 'real', (c) => c.notNull())
    .addColumn('created_by_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addUniqueConstraint('match_runs_round_number', ['round_id', 'number'])
    .execute();

  await db.schema
    .createTable('match_locks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('members', 'text', (c) => c.notNull())
    .addColumn('created_by_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('match_locks_round_members', ['round_id', 'members'])
    .execute();

  await db.schema
    .createTable('match_exclusions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('first_application_id', 'text', (c) =>
      c.notNull().references('applications.id').onDelete('cascade'),
    )
    .addColumn('second_application_id', 'text', (c) =>
      c.notNull().references('applications.id').onDelete('cascade'),
    )
    .addColumn('created_by_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('match_exclusions_round_pair', [
      'round_id',
      'first_application_id',
      'second_application_id',
    ])
    .execute();

  await db.schema
    .createTable('match_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('members', 'text', (c) => c.notNull())
    .addColumn('author_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('match_comments_by_round').on('match_comments').columns(['round_id']).execute();

  await db.schema
    .createTable('partnerships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('run_id', 'text', (c) => c.references('match_runs.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('fit', 'integer', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema
    .createIndex('partnerships_by_round')
    .on('partnerships')
    .columns(['round_id', 'status'])
    .execute();

  await db.schema
    .createTable('partnership_members')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .addColumn('left_reason', 'text')
    .addPrimaryKeyConstraint('partnership_members_key', ['partnership_id', 'application_id'])
    .execute();
  await db.schema
    .createIndex('partnership_members_by_application')
    .on('partnership_members')
    .columns(['application_id'])
    .execute();
  await db.schema
    .createIndex('partnership_members_by_person')
    .on('partnership_members')
    .columns(['person_id'])
    .execute();
};

// biome-ignore lint/suspicious/noExplicitAny: see up()
export const down = async (db: Kysely<any>): Promise<void> => {
  for (const table of [
    'partnership_members',
    'partnerships',
    'match_comments',
    'match_exclusions',
    'match_locks',
    'match_runs',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('rounds').dropColumn('match_settings').execute();
};
