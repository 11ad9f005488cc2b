import type { Kysely } from 'kysely';

/**
 * Whether an application has been checked for likely duplicates yet. Submissions are stored
 * unchecked and the duplicate worker checks them a moment later (src/services/flag-likely-
 * duplicates.ts), so that a submission's cost does not grow with the size of its round. Rows
 * that exist already were checked when they arrived. The index finds the unchecked ones.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .alterTable('applications')
    .addColumn('duplicate_checked', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('applications_duplicate_unchecked')
    .on('applications')
    .columns(['duplicate_checked', 'submitted_at'])
    .execute();
};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropIndex('applications_duplicate_unchecked').execute();
  await db.schema.alterTable('applications').dropColumn('duplicate_checked').execute();
};
