import type { Insertable, QueryCreator, Transaction } from 'kysely';
import type { Dialect } from '../connection';
import type { Database } from '../schema';

/** The tables a batch collects rows for, in the order they are written (referenced ones first). */
const BATCHED_TABLES = ['applications', 'mail_messages', 'audit_log', 'application_link_requests'] as const;
export type BatchedTable = (typeof BATCHED_TABLES)[number];

/**
 * Rows that the units of one group-commit batch insert (src/db/group-commit.ts), written as one
 * multi-row INSERT per table: before the batch commits, and before any other statement a unit
 * runs, so every unit still sees what the units before it wrote (see application-store.ts).
 *
 * Why: on PostgreSQL every statement is a round trip with its own parse, plan and executor start,
 * and during a deadline rush those were most of the database's work: a batch of n submissions now
 * writes 4 statements instead of 5n (the application, its email, its audit entry and the two
 * counts of the applying limit). A failed write (a second application from one address) fails
 * the batch; group commit then runs each unit alone, so the failure reaches the unit that caused
 * it, as a single-row insert would have.
 */
export interface BatchedWrites {
  add: <T extends BatchedTable>(table: T, row: Insertable<Database[T]>) => void;
  /** Writes everything collected so far (nothing when there is nothing). */
  flush: () => Promise<void>;
}

type Db = Transaction<Database> | QueryCreator<Database>;

/** The INSERT of one table's collected rows. */
const insertRows = (db: Db, table: BatchedTable, rows: unknown[]) =>
  table === 'mail_messages'
    ? // As enqueueMail: a message whose dedupe key is already queued is not queued again.
      db
        .insertInto('mail_messages')
        .values(rows as Insertable<Database['mail_messages']>[])
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
    : db.insertInto(table).values(rows as Insertable<Database[typeof table]>[]);

export const createBatchedWrites = (trx: Transaction<Database>, dialect: Dialect): BatchedWrites => {
  const pending = new Map<BatchedTable, unknown[]>();
  return {
    add: (table, row) => {
      const rows = pending.get(table);
      if (rows) rows.push(row);
      else pending.set(table, [row]);
    },
    flush: async () => {
      if (pending.size === 0) return;
      const writes = BATCHED_TABLES.flatMap((table) => {
        const rows = pending.get(table);
        return rows ? [{ table, rows }] : [];
      });
      pending.clear();
      if (dialect === 'postgres' && writes.length > 1) {
        // One round trip: every INSERT but the last as a data-modifying WITH clause. None of these
        // tables references another, so the order inside the statement does not matter.
        const last = writes.pop()!;
        let query: QueryCreator<Database> = trx;
        writes.forEach(({ table, rows }, i) => {
          query = query.with(`w${i}`, (db) =>
            insertRows(db, table, rows),
          ) as unknown as QueryCreator<Database>;
        });
        await insertRows(query, last.table, last.rows).execute();
        return;
      }
      for (const { table, rows } of writes) await insertRows(trx, table, rows).execute();
    },
  };
};
