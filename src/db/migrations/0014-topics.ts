import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';

/**
 * Topics written, scheduled and delivered exactly once (row types in src/db/tables/topics.ts).
 *
 * - topics gains its moment: the wall-clock time on `publish_on` in the round's zone
 *   (`publish_time`) and the instant that gives (`due_at`, so "what is due" is one indexed
 *   comparison on both databases), and a `status`: a draft is never sent nor shown.
 * - topic_translations: an optional title and body per language (es, fr, …); English is the topic
 *   itself.
 * - topic_deliveries: one row per (topic, participant's application), written in the same
 *   transaction as the queued email. The primary key is what makes the email happen once, however
 *   many processes fan a topic out and however often one is killed half way.
 *
 * Rows that exist already were meant to be published: they become scheduled at 09:00 in their
 * round's zone. Luxon is used directly (not src/core), so this migration never changes.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .alterTable('topics')
    .addColumn('publish_time', 'text', (c) => c.notNull().defaultTo('09:00'))
    .execute();
  await db.schema.alterTable('topics').addColumn('due_at', 'text').execute();
  await db.schema
    .alterTable('topics')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled'))
    .execute();

  const existing = await db
    .selectFrom('topics')
    .innerJoin('rounds', 'rounds.id', 'topics.round_id')
    .select(['topics.id', 'topics.publish_on', 'rounds.time_zone'])
    .execute();
  for (const row of existing as { id: string; publish_on: string; time_zone: string }[]) {
    const local = DateTime.fromISO(`${row.publish_on}T09:00`, { zone: row.time_zone });
    const dueAt = (local.isValid ? local : DateTime.fromISO(`${row.publish_on}T09:00`, { zone: 'utc' }))
      .toUTC()
      .toISO();
    await db.updateTable('topics').set({ due_at: dueAt }).where('id', '=', row.id).execute();
  }
  await db.schema.createIndex('topics_due').on('topics').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('topic_translations')
    .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('topic_translations_key', ['topic_id', 'locale'])
    .execute();

  await db.schema
    .createTable('topic_deliveries')
    .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('mail_message_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('topic_deliveries_key', ['topic_id', 'application_id'])
    .execute();
  await db.schema
    .createIndex('topic_deliveries_by_mail')
    .on('topic_deliveries')
    .column('mail_message_id')
    .execute();
};

// biome-ignore lint/suspicious/noExplicitAny: see up()
export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropTable('topic_deliveries').execute();
  await db.schema.dropTable('topic_translations').execute();
  await db.schema.dropIndex('topics_due').execute();
  for (const column of ['status', 'due_at', 'publish_time']) {
    await db.schema.alterTable('topics').dropColumn(column).execute();
  }
};
