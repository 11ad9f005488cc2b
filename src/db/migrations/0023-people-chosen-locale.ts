import type { Kysely } from 'kysely';

/**
 * The language a person chose for the program's pages (a coordinator's profile). Null: none chosen,
 * so a participant's pages follow the language they applied in and everyone else's their browser.
 * Kept apart from `people.locale`, which was always filled with the program's default and so
 * cannot tell a choice from no choice.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema.alterTable('people').addColumn('chosen_locale', 'text').execute();
};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.alterTable('people').dropColumn('chosen_locale').execute();
};
