import { type Kysely, sql } from 'kysely';

/**
 * What the review list, its counts and the CSV export read, kept so that their cost grows with the
 * rows they return rather than with the square of the round (issue 9, item 12):
 *
 * - `sector`: each application's sector (a closed choice, also inside the answers JSON), so the
 *   counts group a covering index instead of matching every row's answers against every sector.
 *   Existing rows are filled in from their answers in one statement: a top-level closed-choice
 *   answer is stored exactly as `"sector":"public"` (JSON.stringify), which no free text can forge.
 * - the index on (round, country, status) gains the sector: the counts read that index alone;
 * - one index per order of the list (submitted, country, name), each ending in the submission time
 *   and id: a page or a keyset page of the export walks its index and stops, instead of sorting
 *   the round; the submission-order one also holds country and status, which is all the country
 *   quota reads (its preview runs on every counts page of an open round);
 * - (round, duplicate_of): the set of applications some later one probably duplicates.
 */

/** The sectors as they were when this migration was written (core/applications/labels.ts). */
const SECTORS_0009 = [
  'academic',
  'public',
  'school',
  'special',
  'national-or-state',
  'government',
  'health',
  'law',
  'corporate',
  'archives',
  'museum',
  'lis-education',
  'other',
];

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .alterTable('applications')
    .addColumn('sector', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  const sectorOfAnswers = sql.join(
    SECTORS_0009.map(
      (sector) => sql`when answers like ${sql.lit(`%"sector":"${sector}"%`)} then ${sql.lit(sector)}`,
    ),
    sql` `,
  );
  await sql`update applications set sector = case ${sectorOfAnswers} else 'other' end`.execute(db);

  await db.schema.dropIndex('applications_by_round_country').execute();
  await db.schema
    .createIndex('applications_by_round_country_status_sector')
    .on('applications')
    .columns(['round_id', 'country_code', 'status', 'sector'])
    .execute();
  // Also covers the quota's reads (id, country and status in submission order).
  await db.schema
    .createIndex('applications_by_round_submitted')
    .on('applications')
    .columns(['round_id', 'submitted_at', 'id', 'country_code', 'status'])
    .execute();
  await db.schema
    .createIndex('applications_by_round_country_submitted')
    .on('applications')
    .columns(['round_id', 'country_code', 'submitted_at', 'id'])
    .execute();
  // The list sorts names by lower(name); the same expression on both databases.
  await sql`create index applications_by_round_name on applications (round_id, lower(name), submitted_at, id)`.execute(
    db,
  );
  await db.schema
    .createIndex('applications_by_round_duplicate_of')
    .on('applications')
    .columns(['round_id', 'duplicate_of'])
    .execute();
};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const down = async (db: Kysely<any>): Promise<void> => {
  for (const index of [
    'applications_by_round_duplicate_of',
    'applications_by_round_name',
    'applications_by_round_country_submitted',
    'applications_by_round_submitted',
    'applications_by_round_country_status_sector',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema
    .createIndex('applications_by_round_country')
    .on('applications')
    .columns(['round_id', 'country_code', 'status'])
    .execute();
  await db.schema.alterTable('applications').dropColumn('sector').execute();
};
