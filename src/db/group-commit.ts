import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * Group commit: units of work that arrive while a transaction is being written share the next
 * one. Each unit runs in its own savepoint, in arrival order, so a unit that fails is rolled back
 * alone and sees exactly what it would have seen in a transaction of its own after the ones before
 * it; all are acknowledged after the one commit is on disk. A deadline rush then pays one commit
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

export const createGroupCommit = (
  db: Kysely<Database>,
  options: { durable: () => Promise<void>; concurrentBatches?: number },
): GroupCommit => {
  const maxBatches = options.concurrentBatches ?? 1;
  const queue: Pending[] = [];
  let running = 0;
  let isScheduled = false;

  /** One unit of a shared transaction, in its own savepoint so that its failure is its own. */
  const runInSavepoint = async (
    trx: ControlledTransaction<Database>,
    pending: Pending,
    index: number,
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> => {
    const name = `unit_${index}`;
    const unit = await trx.savepoint(name).execute();
    try {
      const value = await pending.work(unit);
      await unit.releaseSavepoint(name).execute();
      return { ok: true, value };
    } catch (error) {
      await unit.rollbackToSavepoint(name).execute();
      await unit.releaseSavepoint(name).execute();
      return { ok: false, error };
    }
  };

  /** Runs one batch to its commit; the returned promise settles the units once it is durable. */
  const flush = async (): Promise<void> => {
    const batch = queue.splice(0, MAX_BATCH);
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    const rejectAll = (error: unknown) => {
      for (const pending of batch) pending.reject(error);
    };
    try {
      const trx = await db.startTransaction().execute();
      try {
        if (batch.length === 1) {
          // Alone in its transaction, a unit needs no savepoint (two round trips fewer on
          // PostgreSQL): if it fails, the rollback below undoes only its own work.
          outcomes.push({ ok: true, value: await batch[0]!.work(trx) });
        } else {
          for (let i = 0; i < batch.length; i++) outcomes.push(await runInSavepoint(trx, batch[i]!, i));
        }
        await trx.commit().execute();
      } catch (error) {
        await trx
          .rollback()
          .execute()
          .catch(() => undefined);
        throw error;
      }
    } catch (error) {
      // The batch as a whole failed (connection lost, commit refused, or its only unit failed):
      // nothing was stored, and each unit learns why.
      rejectAll(error);
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
      rejectAll,
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
