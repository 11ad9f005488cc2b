import type { Kysely } from 'kysely';

/**
 * The applicant side of a round: what applicants decide about their own application (declining
 * to be carried over), the likely-duplicate flag for coordinators, a decline reason, one-time
 * links that pre-fill the form with a returning participant's answers (and the counts behind
 * their rate limit), the resources page and the archive of discussion topics.
 * SQLite adds one column per ALTER TABLE, so each column is its own statement.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .alterTable('applications')
    .addColumn('declined_carry_over', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('applications').addColumn('duplicate_of', 'text').execute();
  await db.schema.alterTable('applications').addColumn('duplicate_reason', 'text').execute();
  await db.schema.alterTable('applications').addColumn('decline_reason', 'text').execute();
  await db.schema.alterTable('applications').addColumn('withdrawn_at', 'text').execute();

  await db.schema
    .createTable('prefill_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('application_link_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_link_requests_by_key')
    .on('application_link_requests')
    .columns(['key_hash', 'requested_at'])
    .execute();

  await db.schema
    .createTable('resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('publish_on', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('topics_by_round').on('topics').columns(['round_id', 'publish_on']).execute();
};

// biome-ignore lint/suspicious/noExplicitAny: see up()
export const down = async (db: Kysely<any>): Promise<void> => {
  for (const table of ['topics', 'resources', 'application_link_requests', 'prefill_links']) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of [
    'withdrawn_at',
    'decline_reason',
    'duplicate_reason',
    'duplicate_of',
    'declined_carry_over',
  ]) {
    await db.schema.alterTable('applications').dropColumn(column).execute();
  }
};
