import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SignInAttemptsRepository } from '../../../services/ports/people';
import type { Database } from '../../schema';

export const createSignInAttemptsRepository = (db: Kysely<Database>): SignInAttemptsRepository => ({
  countSince: async (kind, keyHash, since) => {
    const row = await db
      .selectFrom('sign_in_attempts')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('kind', '=', kind)
      .where('key_hash', '=', keyHash)
      .where('attempted_at', '>', since.toISOString())
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },
  record: async (kind, keyHash, at) => {
    await db
      .insertInto('sign_in_attempts')
      .values({ id: randomUUID(), kind, key_hash: keyHash, attempted_at: at.toISOString() })
      .execute();
  },
  pruneBefore: async (before) => {
    await db.deleteFrom('sign_in_attempts').where('attempted_at', '<', before.toISOString()).execute();
  },
});
