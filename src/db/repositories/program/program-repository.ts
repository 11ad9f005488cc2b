import { type Kysely, sql } from 'kysely';
import type { ProgramRepository } from '../../../services/ports/program';
import type { Database } from '../../schema';

export const createProgramRepository = (db: Kysely<Database>): ProgramRepository => ({
  checkDatabase: async () => {
    await sql`select 1`.execute(db);
  },
  isProgramEmpty: async () => {
    const [round, person] = await Promise.all([
      db.selectFrom('rounds').select('id').limit(1).executeTakeFirst(),
      db.selectFrom('people').select('id').limit(1).executeTakeFirst(),
    ]);
    return !round && !person;
  },
  findSetting: async (key) =>
    (await db.selectFrom('program_settings').select('value').where('key', '=', key).executeTakeFirst())
      ?.value,
  saveSetting: async (key, value, now) => {
    await db
      .insertInto('program_settings')
      .values({ key, value, updated_at: now.toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString() }))
      .execute();
  },
});
