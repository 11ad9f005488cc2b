import type { Kysely } from 'kysely';
import { enqueueMail } from '../../email/mail-queue';
import type { ApplicationStore, ApplicationUnitOfWork } from '../../services/application-store';
import type { DatabaseHandle } from '../connection';
import { createGroupCommit } from '../group-commit';
import type { Database } from '../schema';
import { createApplicationRecordsRepository } from './application-records-repository';
import { createApplicationsRepository } from './applications-repository';
import { createRoundsRepository } from './rounds-repository';

const storeOver = (db: Kysely<Database>, dialect: DatabaseHandle['dialect']): ApplicationStore => ({
  rounds: createRoundsRepository(db),
  applications: createApplicationsRepository(db),
  records: createApplicationRecordsRepository(db, dialect),
  enqueueMail: async (mail, now) => {
    await enqueueMail(db, mail, now);
  },
});

/** SQLite: SQLITE_CONSTRAINT_UNIQUE (or _PRIMARYKEY); PostgreSQL: SQLSTATE 23505. */
export const isUniqueViolation = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

/**
 * Applicants' changes commit in groups (src/db/group-commit.ts): each still runs as if in a
 * transaction of its own, and is acknowledged only once it is on disk.
 */
export const createApplicationUnitOfWork = (
  handle: Pick<DatabaseHandle, 'db' | 'dialect' | 'durable'>,
): ApplicationUnitOfWork => {
  const group = createGroupCommit(handle.db, {
    durable: handle.durable,
    // PostgreSQL: submissions hold their round in share mode only, so batches may run side by
    // side on the pool's connections (10); SQLite has a single connection.
    concurrentBatches: handle.dialect === 'postgres' ? 4 : 1,
  });
  return {
    ...storeOver(handle.db, handle.dialect),
    transaction: (work) => group.run((trx) => work(storeOver(trx, handle.dialect))),
    isUniqueViolation,
  };
};
