import type { Kysely, Transaction } from 'kysely';
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
  // Most applications are not duplicates: one statement marks them all (a pass takes at most a
  // few hundred), and each flagged one gets its own.
  markChecked: async (marks) => {
    const plain = marks.filter((mark) => mark.duplicate === null).map((mark) => mark.id);
    if (plain.length > 0) {
      await db.updateTable('applications').set({ duplicate_checked: 1 }).where('id', 'in', plain).execute();
    }
    for (const { id, duplicate } of marks) {
      if (duplicate === null) continue;
      await db
        .updateTable('applications')
        .set({ duplicate_checked: 1, duplicate_of: duplicate.of, duplicate_reason: duplicate.reason })
        .where('id', '=', id)
        .execute();
    }
  },
});
