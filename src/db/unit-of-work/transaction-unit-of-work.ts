import type { Kysely } from 'kysely';
import type { UnitOfWork } from '../../services/ports/store';
import type { Database } from '../schema';
import { createStore, type StoreOptions } from '../store';

/** SQLite: SQLITE_CONSTRAINT_UNIQUE (or _PRIMARYKEY); PostgreSQL: SQLSTATE 23505. */
export const isUniqueViolation = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

/**
 * One database transaction per call. On SQLite the durable dialect returns from the commit only
 * once it is on disk (durable-sqlite.ts); PostgreSQL's COMMIT already waits for that.
 */
export const createTransactionUnitOfWork = (db: Kysely<Database>, options: StoreOptions): UnitOfWork => ({
  transaction: (work) => db.transaction().execute((trx) => work(createStore(trx, options))),
  isUniqueViolation,
});
