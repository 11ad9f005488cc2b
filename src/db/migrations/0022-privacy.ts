import type { Kysely } from 'kysely';

/**
 * Privacy rights (docs/decisions/0023-privacy-rights.md):
 * - `applications.consent_version`: the version of the privacy notice the applicant accepted
 *   (core/privacy/privacy-notice.ts); null for applications made before this migration.
 * - `applications.erased_at`, `people.erased_at`: when the person's data was erased (on request
 *   or by the retention job). The rows stay, emptied, so aggregates still add up; a set value
 *   also makes erasing again a no-op.
 * - An index for the retention job's scan (status, then erased_at).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema.alterTable('applications').addColumn('consent_version', 'text').execute();
  await db.schema.alterTable('applications').addColumn('erased_at', 'text').execute();
  await db.schema.alterTable('people').addColumn('erased_at', 'text').execute();
  await db.schema
    .createIndex('applications_by_status_erased')
    .on('applications')
    .columns(['status', 'erased_at', 'round_id'])
    .execute();
};

// biome-ignore lint/suspicious/noExplicitAny: see up()
export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropIndex('applications_by_status_erased').execute();
  await db.schema.alterTable('people').dropColumn('erased_at').execute();
  await db.schema.alterTable('applications').dropColumn('erased_at').execute();
  await db.schema.alterTable('applications').dropColumn('consent_version').execute();
};
