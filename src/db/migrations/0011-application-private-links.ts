import type { Kysely } from 'kysely';

/**
 * More than one private link per application. The link in the confirmation email stays in
 * applications.edit_token_hash (written with the application in one batched insert during a
 * deadline rush); every link emailed later, when someone applies again with the address or when
 * the country quota puts the application on the waitlist, is added here and never replaces an
 * earlier one (ADR 0013). Only SHA-256 hashes of the tokens are stored.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('application_private_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_private_links_by_application')
    .on('application_private_links')
    .columns(['application_id', 'created_at'])
    .execute();
  // Opening a private link looks the token up here first.
  await db.schema
    .createIndex('applications_by_edit_token_hash')
    .on('applications')
    .column('edit_token_hash')
    .execute();
};

// biome-ignore lint/suspicious/noExplicitAny: see up()
export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropIndex('applications_by_edit_token_hash').execute();
  await db.schema.dropTable('application_private_links').execute();
};
