import type { Kysely } from 'kysely';

/**
 * Surveys (row types in src/db/tables/surveys.ts). Portable types only; JSON as text.
 *
 * - surveys: one questionnaire of a round, its definition (JSON) and its three moments.
 * - survey_deliveries: one row per (survey, participant, invitation | reminder), written in the
 *   same transaction as the email: its primary key is what makes each email go exactly once.
 * - survey_links: the hash of each personal link's token (never the token), with whom it was for.
 * - survey_respondents: who has answered (for the reminder and the response rate); its primary key
 *   is what makes a second submission count for nothing.
 * - survey_responses: the answers, with only the reporting attributes copied when they were given
 *   (country, sector, career stage) and no application, person or time, so no row of it can be
 *   joined to a person.
 * - survey_round_reports: the copy of a round's report a program coordinator published.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('remind_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('created_by_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('surveys_by_round').on('surveys').columns(['round_id', 'send_at']).execute();
  await db.schema.createIndex('surveys_by_status').on('surveys').columns(['status', 'closes_at']).execute();

  await db.schema
    .createTable('survey_deliveries')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_deliveries_key', ['survey_id', 'application_id', 'kind'])
    .execute();

  await db.schema
    .createTable('survey_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('survey_respondents')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('answered_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_respondents_key', ['survey_id', 'application_id'])
    .execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('career_stage', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_responses_by_survey')
    .on('survey_responses')
    .columns(['survey_id'])
    .execute();

  await db.schema
    .createTable('survey_round_reports')
    .addColumn('round_id', 'text', (c) => c.primaryKey().references('rounds.id').onDelete('cascade'))
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .execute();
};

// biome-ignore lint/suspicious/noExplicitAny: see up()
export const down = async (db: Kysely<any>): Promise<void> => {
  for (const table of [
    'survey_round_reports',
    'survey_responses',
    'survey_respondents',
    'survey_links',
    'survey_deliveries',
    'surveys',
  ]) {
    await db.schema.dropTable(table).execute();
  }
};
