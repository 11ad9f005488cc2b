import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../schema';

/** The tables a batch collects rows for, in the order they are written (referenced ones first). */
const BATCHED_TABLES = ['applications', 'mail_messages', 'audit_log'] as const;
export type BatchedTable = (typeof BATCHED_TABLES)[number];

/**
 * Rows that the units of one group-commit batch insert (src/db/group-commit.ts), written as one
 * multi-row INSERT per table: before the batch commits, and before any other statement a unit
 * runs, so every unit still sees what the units before it wrote (see application-store.ts).
 *
 * Why: on PostgreSQL every statement is a round trip with its own parse, plan and executor start,
 * and during a deadline rush those were most of the database's work: a batch of n submissions now
 * writes 3 statements instead of 3n. A failed write (a second application from one address) fails
 * the batch; group commit then runs each unit alone, so the failure reaches the unit that caused
 * it, as a single-row insert would have.
 */
export interface BatchedWrites {
  add: <T extends BatchedTable>(table: T, row: Insertable<Database[T]>) => void;
  /** Writes everything collected so far (nothing when there is nothing). */
  flush: () => Promise<void>;
}

export const createBatchedWrites = (trx: Transaction<Database>): BatchedWrites => {
  const pending = new Map<BatchedTable, unknown[]>();
  return {
    add: (table, row) => {
      const rows = pending.get(table);
      if (rows) rows.push(row);
      else pending.set(table, [row]);
    },
    flush: async () => {
      if (pending.size === 0) return;
      for (const table of BATCHED_TABLES) {
        const rows = pending.get(table);
        if (!rows) continue;
        pending.delete(table);
        if (table === 'mail_messages') {
          // As enqueueMail: a message whose dedupe key is already queued is not queued again.
          await trx
            .insertInto('mail_messages')
            .values(rows as Insertable<Database['mail_messages']>[])
            .onConflict((oc) => oc.column('dedupe_key').doNothing())
            .execute();
        } else {
          await trx
            .insertInto(table)
            .values(rows as Insertable<Database[typeof table]>[])
            .execute();
        }
      }
    },
  };
};
