import { type Kysely, sql } from 'kysely';

/**
 * An application is in at most one running partnership: a member row without `left_at` is unique
 * per application. Publishing a run and repairing partnerships both insert members; when two of
 * them race (two coordinators, or a repair after a withdrawal while a coordinator presses "repair
 * now"), the second insert fails here instead of putting someone in two partnerships. A partial
 * index, which SQLite and PostgreSQL both have. Members left alone when a partnership ends are
 * marked as having left it (`partnership-ended`), so they can be placed again.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await sql`
    UPDATE partnership_members
    SET left_at = (SELECT ended_at FROM partnerships WHERE partnerships.id = partnership_members.partnership_id),
        left_reason = 'partnership-ended'
    WHERE left_at IS NULL
      AND partnership_id IN (SELECT id FROM partnerships WHERE status = 'ended')
  `.execute(db);
  await db.schema
    .createIndex('partnership_members_one_running')
    .on('partnership_members')
    .column('application_id')
    .unique()
    .where(sql.ref('left_at'), 'is', null)
    .execute();
};

// biome-ignore lint/suspicious/noExplicitAny: see up()
export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropIndex('partnership_members_one_running').execute();
};
