import type { Kysely } from 'kysely';

/**
 * The language each applicant used to apply, so that the emails sent about their application
 * later (the waitlist at the close, a coordinator's decision, a carry-over) are written in it, as
 * the confirmation was. Rows that exist already get the program's default language.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .alterTable('applications')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.alterTable('applications').dropColumn('locale').execute();
};
