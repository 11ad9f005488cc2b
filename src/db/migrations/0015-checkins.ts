import { type Kysely, sql } from 'kysely';

/**
 * Check-ins, silent partners and the end of a round (row types in src/db/tables/checkins.ts).
 *
 * - check_in_links: the hash of each one-click check-in link's token (never the token), with the
 *   participant's application and the fortnight it answers for.
 * - check_ins: one answer per (application, fortnight), its primary key; a later answer in the
 *   same fortnight replaces it. The partnership they were in when they answered is kept, so a
 *   check-in from before a repair never counts for the new partnership.
 * - check_in_prompts: the standalone "did you connect?" email of a fortnight without a topic, one
 *   row per (application, fortnight) written with the email: its primary key makes it go once.
 * - silent_partner_episodes: a partnership's stay on the intervention list (core silent-partners
 *   episodeKey): the one friendly reminder (`reminded_at`) and a coordinator's dismissal, once
 *   per (partnership, episode).
 * - round_closing_emails: the closing email of a finished round, once per (round, application).
 *
 * Rounds that finished before this migration left their partnerships running; they end now, as
 * they would have with the round, and their members are recorded as having had the closing email
 * (nobody is written to about a round that ended long ago).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('check_in_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('fortnight', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('check_ins')
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('fortnight', 'integer', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_ins_key', ['application_id', 'fortnight'])
    .execute();
  await db.schema
    .createIndex('check_ins_by_round')
    .on('check_ins')
    .columns(['round_id', 'fortnight'])
    .execute();
  await db.schema
    .createIndex('check_ins_by_partnership')
    .on('check_ins')
    .columns(['partnership_id'])
    .execute();

  await db.schema
    .createTable('check_in_prompts')
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('fortnight', 'integer', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_in_prompts_key', ['application_id', 'fortnight'])
    .execute();

  await db.schema
    .createTable('silent_partner_episodes')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('episode', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reminded_at', 'text')
    .addColumn('dismissed_at', 'text')
    .addColumn('dismissed_by_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('silent_partner_episodes_key', ['partnership_id', 'episode'])
    .execute();
  await db.schema
    .createIndex('silent_partner_episodes_by_round')
    .on('silent_partner_episodes')
    .columns(['round_id'])
    .execute();

  await db.schema
    .createTable('round_closing_emails')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_closing_emails_key', ['round_id', 'application_id'])
    .execute();

  const finished = sql`(SELECT id FROM rounds WHERE status = 'finished')`;
  const endedAt = sql`(SELECT updated_at FROM rounds WHERE rounds.id = partnerships.round_id)`;
  await sql`
    UPDATE partnerships SET status = 'ended', ended_at = ${endedAt}, end_reason = 'round-ended'
    WHERE status = 'active' AND round_id IN ${finished}
  `.execute(db);
  await sql`
    INSERT INTO round_closing_emails (round_id, application_id, recorded_at)
    SELECT p.round_id, m.application_id, p.ended_at
    FROM partnership_members m JOIN partnerships p ON p.id = m.partnership_id
    WHERE p.end_reason = 'round-ended' AND m.left_at IS NULL
  `.execute(db);
  await sql`
    UPDATE partnership_members
    SET left_at = (SELECT ended_at FROM partnerships WHERE partnerships.id = partnership_members.partnership_id),
        left_reason = 'partnership-ended'
    WHERE left_at IS NULL
      AND partnership_id IN (SELECT id FROM partnerships WHERE end_reason = 'round-ended')
  `.execute(db);
};

// biome-ignore lint/suspicious/noExplicitAny: see up()
export const down = async (db: Kysely<any>): Promise<void> => {
  for (const table of [
    'round_closing_emails',
    'silent_partner_episodes',
    'check_in_prompts',
    'check_ins',
    'check_in_links',
  ]) {
    await db.schema.dropTable(table).execute();
  }
};
