import { type Kysely, sql } from 'kysely';

/**
 * What the review list, its counts, its search and the CSV export read, kept so that their cost
 * grows with the rows they return rather than with the square of the round (issue 9, item 12):
 *
 * - `sector` and `role`: two answers kept beside the answers JSON (as `name_key` is beside the
 *   name), so the counts group a covering index instead of matching every row's answers against
 *   every sector, and a search reads the role instead of lower-casing kilobytes of answers per
 *   row. Existing rows are filled in from their parsed answers, a batch at a time;
 * - the index on (round, country, status) gains the sector: the counts read that index alone;
 * - one index per order of the list (submitted, country, name), each ending in the submission time
 *   and id: a page or a keyset page of the export walks its index and stops, instead of sorting
 *   the round; the submission-order one also holds country and status, which is all the country
 *   quota reads (its preview runs on every counts page of an open round);
 * - (round, duplicate_of): the set of applications some later one probably duplicates.
 */

/** Rows filled in per statement. */
const BATCH = 500;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .alterTable('applications')
    .addColumn('sector', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('applications')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // Keyset batches by id: one UPDATE per batch, each row's values picked by CASE (portable).
  let after = '';
  for (;;) {
    const rows: { id: string; answers: string }[] = await db
      .selectFrom('applications')
      .select(['id', 'answers'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    const parsed = rows.map((row) => {
      const answers = JSON.parse(row.answers) as { sector?: unknown; role?: unknown };
      return {
        id: row.id,
        sector: typeof answers.sector === 'string' ? answers.sector : 'other',
        role: typeof answers.role === 'string' ? answers.role : '',
      };
    });
    const pick = (column: 'sector' | 'role') =>
      sql`case id ${sql.join(
        parsed.map((row) => sql`when ${row.id} then ${row[column]}`),
        sql` `,
      )} end`;
    await db
      .updateTable('applications')
      .set({ sector: pick('sector'), role: pick('role') })
      .where(
        'id',
        'in',
        parsed.map((row) => row.id),
      )
      .execute();
    after = rows.at(-1)!.id;
  }

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
  await db.schema.alterTable('applications').dropColumn('role').execute();
  await db.schema.alterTable('applications').dropColumn('sector').execute();
};
