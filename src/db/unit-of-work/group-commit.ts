import type { Kysely, Transaction } from 'kysely';
import { isDatabaseUnavailable } from '../database-errors';
import type { Database } from '../schema';

/**
 * Group commit: units of work that arrive while a transaction is being written share the next
 * one. The units run in arrival order, each seeing exactly what it would have seen in a
 * transaction of its own after the ones before it; all are acknowledged after the one commit is on
 * disk. If one fails, the batch is rolled back and each unit runs again alone, so a failure is only
 * ever its own unit's. A deadline rush then pays one commit
 * (an fsync on SQLite, a round trip and an fsync on PostgreSQL) per batch instead of per
 * submission, and on SQLite the next batch runs while the previous one's fsync is under way.
 *
 * On PostgreSQL several batches may run at once, each on its own pooled connection
 * (`concurrentBatches`): units that need to see each other's writes in order must then take row
 * locks, as submissions do on their round. SQLite has one connection, so one batch at a time.
 *
 * A unit must not start another group transaction itself (it would wait for a batch that waits
 * for it); the stores handed to units have no transaction method, so the types prevent that.
 */
export interface GroupCommit {
  run: <T>(work: (trx: Transaction<Database>) => Promise<T>) => Promise<T>;
}

interface Pending {
  work: (trx: Transaction<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Units per transaction at most: a batch also holds the connection, so it stays short. */
const MAX_BATCH = 64;

export interface GroupCommitOptions {
  /** Resolves once everything committed so far is on disk (see DatabaseHandle.durable). */
  durable: () => Promise<void>;
  /** Batches that may run at once, each on its own connection (PostgreSQL only; default 1). */
  concurrentBatches?: number;
  /**
   * Runs in the batch's transaction after its last unit and before the commit: for writes the
   * units left to the batch (batched-writes.ts). A failure here counts as a unit's: the batch is
   * rolled back and, if it had several units, each runs again alone, so the failure lands on the
   * unit whose write caused it.
   */
  beforeCommit?: (trx: Transaction<Database>) => Promise<void>;
}

export const createGroupCommit = (db: Kysely<Database>, options: GroupCommitOptions): GroupCommit => {
  const maxBatches = options.concurrentBatches ?? 1;
  const queue: Pending[] = [];
  let running = 0;
  let isScheduled = false;

  type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

  /**
   * Runs units one after another in one transaction and commits: their outcomes, or the first
   * failure, after which nothing of the batch is kept. A connection or commit failure throws.
   */
  const runTogether = async (units: Pending[]): Promise<{ values: unknown[] } | { error: unknown }> => {
    const trx = await db.startTransaction().execute();
    const values: unknown[] = [];
    try {
      try {
        for (const unit of units) values.push(await unit.work(trx));
        await options.beforeCommit?.(trx);
      } catch (error) {
        await trx.rollback().execute();
        return { error };
      }
      await trx.commit().execute();
      return { values };
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      throw error;
    }
  };

  /** Runs one batch to its commit; the returned promise settles the units once it is durable. */
  const flush = async (): Promise<void> => {
    const batch = queue.splice(0, MAX_BATCH);
    let outcomes: Outcome[];
    try {
      const together = await runTogether(batch);
      if ('values' in together) {
        outcomes = together.values.map((value) => ({ ok: true, value }));
      } else if (batch.length === 1 || isDatabaseUnavailable(together.error)) {
        // A unit met the database going away (or locked): not its own failure, and running the
        // units again alone would only meet it again, each after its own wait.
        outcomes = batch.map(() => ({ ok: false, error: together.error }));
      } else {
        // Rare (an address that already applied, a round that just closed): the batch was rolled
        // back, so each unit runs again in a transaction of its own, in the same order, and sees
        // what it would have seen without the others' failure. Units only touch the database, so
        // running one again is safe. No savepoints in the common case: two round trips fewer per
        // unit on PostgreSQL.
        outcomes = [];
        for (const unit of batch) {
          let alone: Awaited<ReturnType<typeof runTogether>>;
          try {
            alone = await runTogether([unit]);
          } catch (error) {
            // The connection died or the commit was refused: this unit is not stored, and nor is
            // any after it (they are not tried); those before it committed and keep their outcome.
            while (outcomes.length < batch.length) outcomes.push({ ok: false, error });
            break;
          }
          outcomes.push(
            'values' in alone ? { ok: true, value: alone.values[0] } : { ok: false, error: alone.error },
          );
        }
      }
    } catch (error) {
      // The batch as a whole failed (connection lost, commit refused): nothing was stored. Each
      // unit's promise is rejected; the callers answer (503 when the database is unavailable).
      for (const pending of batch) pending.reject(error);
      return;
    }
    // Committed. The next batch may start now; these units are answered once the commit is on
    // disk (a controlled transaction's commit returns before SQLite's log is fsynced, see
    // durable-sqlite.ts). Fsyncs finish in order, so acknowledgements keep the batches' order.
    void options.durable().then(
      () =>
        batch.forEach((pending, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) pending.resolve(outcome.value);
          else pending.reject(outcome.error);
        }),
      (error) => {
        for (const pending of batch) pending.reject(error);
      },
    );
  };

  /** Starts batches while there are units waiting and a batch slot is free. */
  const pump = () => {
    while (queue.length > 0 && running < maxBatches) {
      running++;
      void flush().finally(() => {
        running--;
        pump();
      });
    }
  };

  return {
    run: <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!isScheduled && running < maxBatches) {
          isScheduled = true;
          // Wait one turn of the event loop so requests that arrived together join the batch:
          // with better-sqlite3 a whole batch otherwise runs in microtasks, one unit at a time.
          setImmediate(() => {
            isScheduled = false;
            pump();
          });
        }
      }),
  };
};
