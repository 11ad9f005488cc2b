import type { Kysely } from 'kysely';

/**
 * What coordinators add while reviewing a round (row types in src/db/tables/review.ts); the decline
 * reason and the duplicate flag are columns of applications (0004). Portable types only.
 *
 * - application_notes: coordinators' notes on an application, oldest first.
 * - application_carry_overs: which waitlisted application became which application of the next
 *   round; the unique source id is what makes carrying over happen at most once.
 * - application_imports: an uploaded spreadsheet between the upload and the import steps.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('application_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('author_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_notes_by_application')
    .on('application_notes')
    .columns(['application_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('application_carry_overs')
    .addColumn('from_application_id', 'text', (c) =>
      c.primaryKey().references('applications.id').onDelete('cascade'),
    )
    .addColumn('to_application_id', 'text', (c) =>
      c.notNull().unique().references('applications.id').onDelete('cascade'),
    )
    .addColumn('to_round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('application_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('author_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
};

// biome-ignore lint/suspicious/noExplicitAny: see up()
export const down = async (db: Kysely<any>): Promise<void> => {
  for (const table of ['application_imports', 'application_carry_overs', 'application_notes']) {
    await db.schema.dropTable(table).execute();
  }
};
