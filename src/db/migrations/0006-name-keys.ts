import type { Kysely } from 'kysely';
import { normaliseName } from '../../core/applications/duplicates';

/**
 * Each application's name in the folded form the duplicate check compares (core normaliseName:
 * accents folded, punctuation dropped, tokens sorted), so the check reads a country's names
 * without tokenising them again. The index holds every column that check reads, so SQLite never
 * reads the rows themselves (their answers are kilobytes). Existing rows are filled in here.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .alterTable('applications')
    .addColumn('name_key', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('applications_name_keys')
    .on('applications')
    .columns(['round_id', 'country_code', 'status', 'name_key', 'submitted_at', 'id'])
    .execute();
  const rows: { id: string; name: string }[] = await db
    .selectFrom('applications')
    .select(['id', 'name'])
    .execute();
  for (const row of rows) {
    await db
      .updateTable('applications')
      .set({ name_key: normaliseName(row.name) })
      .where('id', '=', row.id)
      .execute();
  }
};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropIndex('applications_name_keys').execute();
  await db.schema.alterTable('applications').dropColumn('name_key').execute();
};
