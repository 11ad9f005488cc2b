import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The audit trail says from where each action came and cannot be changed.
 *
 * - `channel` (web, command-line, schedule) and `client_address` (a signed-in person's address as
 *   the web edge saw it): null for entries written before this migration.
 * - Indexes for the trail's page, which pages newest first by (at, id) and filters by actor,
 *   action or subject, each with the time order, so a page costs one index range scan however
 *   long the trail.
 * - Triggers that refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) of any row, so neither the
 *   program nor someone with its credentials at a SQL prompt edits the trail by accident or on
 *   purpose. The program has no path to change a row either (repositories/audit/audit-log.ts).
 *   Dropping the table is still possible for its owner; stopping that too needs a database role
 *   without DDL rights (README, "Audit trail").
 */
const REFUSAL = 'the audit trail cannot be changed: its entries are only ever added';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema.alterTable('audit_log').addColumn('channel', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('client_address', 'text').execute();
  await db.schema.createIndex('audit_log_by_time').on('audit_log').columns(['at', 'id']).execute();
  await db.schema
    .createIndex('audit_log_by_actor')
    .on('audit_log')
    .columns(['actor_person_id', 'at', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_log_by_action')
    .on('audit_log')
    .columns(['action', 'at', 'id'])
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '${sql.raw(REFUSAL)} (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$
    `.execute(db);
    await sql`
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()
    `.execute(db);
    await sql`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()
    `.execute(db);
  } else {
    for (const operation of ['UPDATE', 'DELETE']) {
      await sql`
        CREATE TRIGGER ${sql.raw(`audit_log_no_${operation.toLowerCase()}`)} BEFORE ${sql.raw(operation)} ON audit_log
        BEGIN SELECT RAISE(ABORT, '${sql.raw(REFUSAL)}'); END
      `.execute(db);
    }
  }
};

// biome-ignore lint/suspicious/noExplicitAny: see up()
export const down = async (db: Kysely<any>): Promise<void> => {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`DROP TRIGGER audit_log_no_truncate ON audit_log`.execute(db);
    await sql`DROP TRIGGER audit_log_no_change ON audit_log`.execute(db);
    await sql`DROP FUNCTION audit_log_refuse_change()`.execute(db);
  } else {
    await sql`DROP TRIGGER audit_log_no_update`.execute(db);
    await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
  }
  for (const index of ['audit_log_by_action', 'audit_log_by_actor', 'audit_log_by_time']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('audit_log').dropColumn('client_address').execute();
  await db.schema.alterTable('audit_log').dropColumn('channel').execute();
};
