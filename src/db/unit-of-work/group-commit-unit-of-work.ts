import type { Kysely, Transaction } from 'kysely';
import type { Round } from '../../core/rounds';
import type { ApplicationStore, ApplicationUnitOfWork } from '../../services/ports/application-store';
import type { DatabaseHandle } from '../connection';
import { createApplicationRecordsRepository } from '../repositories/applications/application-records-repository';
import {
  applicationRow,
  createApplicationsRepository,
  writtenApplication,
} from '../repositories/applications/applications-repository';
import { auditRow } from '../repositories/audit/audit-log';
import { enqueueMail, mailRow } from '../repositories/mail/mail-queue';
import { createRoundsRepository } from '../repositories/rounds/rounds-repository';
import type { Database } from '../schema';
import { type BatchedWrites, createBatchedWrites } from './batched-writes';
import { createGroupCommit } from './group-commit';

const storeOver = (db: Kysely<Database>, dialect: DatabaseHandle['dialect']): ApplicationStore => ({
  rounds: createRoundsRepository(db),
  applications: createApplicationsRepository(db),
  records: createApplicationRecordsRepository(db, dialect),
  enqueueMail: async (mail, now) => {
    await enqueueMail(db, mail, now);
  },
});

/** The repository with every method writing the batch's collected rows first. */
const writingFirst = <R extends object>(repository: R, writes: BatchedWrites, before?: () => void): R =>
  Object.fromEntries(
    Object.entries(repository).map(([name, method]) => [
      name,
      async (...args: unknown[]) => {
        await writes.flush();
        before?.();
        return (method as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as R;

/**
 * The store the units of one group-commit batch share. The inserts a submission makes (the
 * application, its confirmation email, its audit entry) are collected and written together
 * before the commit (batched-writes.ts), and the round is read under its share lock once per
 * batch: the lock holds until the commit, so the row cannot change meanwhile. Every other call
 * first writes what was collected, so each unit still sees all that the units before it wrote.
 */
const batchStoreOver = (
  trx: Transaction<Database>,
  dialect: DatabaseHandle['dialect'],
  writes: BatchedWrites,
): ApplicationStore => {
  const plain = storeOver(trx, dialect);
  const lockedRounds = new Map<string, Promise<Round>>();
  const records = writingFirst(plain.records, writes);
  return {
    // A unit that reads rounds through this repository might also change one: read again after.
    rounds: writingFirst(plain.rounds, writes, () => lockedRounds.clear()),
    applications: {
      ...writingFirst(plain.applications, writes),
      insertApplication: async (application) => {
        const row = applicationRow(application);
        writes.add('applications', row);
        return writtenApplication(row, application.answers);
      },
    },
    records: {
      ...records,
      lockRoundShared: (roundId) => {
        let round = lockedRounds.get(roundId);
        if (!round) {
          round = records.lockRoundShared(roundId);
          lockedRounds.set(roundId, round);
        }
        return round;
      },
      appendAuditEntry: async (entry, now) => writes.add('audit_log', auditRow(entry, now)),
    },
    enqueueMail: async (mail, now) => writes.add('mail_messages', mailRow(mail, now)),
  };
};

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
  // One store per batch transaction, shared by its units; dropped with the transaction.
  const batches = new WeakMap<Transaction<Database>, { store: ApplicationStore; writes: BatchedWrites }>();
  const batchFor = (trx: Transaction<Database>) => {
    let batch = batches.get(trx);
    if (!batch) {
      const writes = createBatchedWrites(trx, handle.dialect);
      batch = { store: batchStoreOver(trx, handle.dialect, writes), writes };
      batches.set(trx, batch);
    }
    return batch;
  };
  const group = createGroupCommit(handle.db, {
    durable: handle.durable,
    // PostgreSQL: submissions hold their round in share mode only, so batches may run side by
    // side on the pool's connections (10); SQLite has a single connection.
    concurrentBatches: handle.dialect === 'postgres' ? 4 : 1,
    beforeCommit: (trx) => batches.get(trx)?.writes.flush() ?? Promise.resolve(),
  });
  return {
    ...storeOver(handle.db, handle.dialect),
    transaction: (work) => group.run((trx) => work(batchFor(trx).store)),
    isUniqueViolation,
  };
};
