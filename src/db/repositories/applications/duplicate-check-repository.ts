import { type Kysely, sql, type Transaction } from 'kysely';
import type { DuplicateCheckRepository } from '../../../services/ports/applications';
import type { Database } from '../../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The duplicate worker's reads and writes (migrations 0006 and 0007). */
export const createDuplicateCheckRepository = (db: Db): DuplicateCheckRepository => ({
  listUnchecked: async (limit, submittedBefore) =>
    (
      await db
        .selectFrom('applications')
        .select(['id', 'round_id', 'country_code', 'name_key'])
        .where('duplicate_checked', '=', 0)
        .where('submitted_at', '<', submittedBefore.toISOString())
        .orderBy('submitted_at')
        .orderBy('id')
        .limit(limit)
        .execute()
    ).map((row) => ({
      id: row.id,
      roundId: row.round_id,
      countryCode: row.country_code,
      nameKey: row.name_key ?? '',
    })),
  // Every column read is in applications_name_keys (0006): SQLite answers from the index alone.
  listNameKeys: async (roundId, countryCode) =>
    (
      await db
        .selectFrom('applications')
        .select(['id', 'name_key'])
        .where('round_id', '=', roundId)
        .where('country_code', '=', countryCode)
        .where('status', '!=', 'withdrawn')
        .orderBy('submitted_at')
        .orderBy('id')
        .execute()
    ).map((row) => ({ id: row.id, nameKey: row.name_key ?? '' })),
  // Two statements whatever the number of marks: the plain ones in one UPDATE, the flagged ones in
  // another whose CASE gives each its own pair (a pass over a rush can flag hundreds; one UPDATE
  // each held SQLite's connection, and the event loop, for hundreds of milliseconds).
  markChecked: async (marks) => {
    const plain = marks.filter((mark) => mark.duplicate === null).map((mark) => mark.id);
    if (plain.length > 0) {
      await db.updateTable('applications').set({ duplicate_checked: 1 }).where('id', 'in', plain).execute();
    }
    const flagged = marks.flatMap(({ id, duplicate }) => (duplicate === null ? [] : [{ id, ...duplicate }]));
    if (flagged.length === 0) return;
    const pick = (value: (mark: (typeof flagged)[number]) => string) =>
      sql<string>`case id ${sql.join(
        flagged.map((mark) => sql`when ${mark.id} then ${value(mark)}`),
        sql` `,
      )} end`;
    await db
      .updateTable('applications')
      .set({
        duplicate_checked: 1,
        duplicate_of: pick((mark) => mark.of),
        duplicate_reason: pick((mark) => mark.reason),
      })
      .where(
        'id',
        'in',
        flagged.map((mark) => mark.id),
      )
      .execute();
  },
});
