import type { Transaction } from 'kysely';
import type { Round } from '../../core/rounds';
import type { Store, UnitOfWork } from '../../services/ports/store';
import type { DatabaseHandle } from '../connection';
import { linkRequestRow } from '../repositories/applications/applicant-records-repository';
import { applicationRow, writtenApplication } from '../repositories/applications/applications-repository';
import { auditRow } from '../repositories/audit/audit-log';
import { messageRow } from '../repositories/mail/message-queue';
import type { Database } from '../schema';
import { createStore, type StoreOptions } from '../store';
import { type BatchedWrites, createBatchedWrites } from './batched-writes';
import { createGroupCommit } from './group-commit';
import { isUniqueViolation } from './transaction-unit-of-work';

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
 * application, its confirmation email, its audit entry, the counts of the applying limit) are
 * collected and written together before the commit (batched-writes.ts), and the round is read
 * under its share lock once per batch: the lock holds until the commit, so the row cannot change
 * meanwhile. Every other call first writes what was collected, so each unit still sees all that
 * the units before it wrote.
 */
const batchStoreOver = (trx: Transaction<Database>, options: StoreOptions, writes: BatchedWrites): Store => {
  const plain = createStore(trx, options);
  const lockedRounds = new Map<string, Promise<Round>>();
  const records = writingFirst(plain.applicantRecords, writes);
  const parts: Partial<Store> = {
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
    applicantRecords: {
      ...records,
      recordLinkRequest: async (keyHash, at) =>
        writes.add('application_link_requests', linkRequestRow(keyHash, at)),
      lockRoundShared: (roundId) => {
        let round = lockedRounds.get(roundId);
        if (!round) {
          round = records.lockRoundShared(roundId);
          lockedRounds.set(roundId, round);
        }
        return round;
      },
    },
    audit: {
      record: async (entry, now) => writes.add('audit_log', auditRow(entry, now)),
      recordAll: async (entries, now) => {
        for (const entry of entries) writes.add('audit_log', auditRow(entry, now));
      },
    },
    messages: {
      ...writingFirst(plain.messages, writes),
      enqueue: async (message, now, enqueueOptions) => {
        const row = messageRow(options.render, message, now);
        if (enqueueOptions?.notBefore && enqueueOptions.notBefore > now) {
          row.next_attempt_at = enqueueOptions.notBefore.toISOString();
        }
        writes.add('mail_messages', row);
        // A repeated dedupe key is dropped by the batch's INSERT … ON CONFLICT DO NOTHING.
        return { id: row.id as string, queued: true };
      },
      enqueueAll: async (messages, now) => {
        for (const message of messages) writes.add('mail_messages', messageRow(options.render, message, now));
      },
    },
  };
  const store = {} as Store;
  for (const key of Object.keys(plain) as (keyof Store)[]) {
    Object.defineProperty(store, key, {
      enumerable: true,
      get: () => {
        parts[key] ??= writingFirst(plain[key] as object, writes) as never;
        return parts[key];
      },
    });
  }
  return store;
};

/**
 * Applicants' changes commit in groups (group-commit.ts): each still runs as if in a transaction of
 * its own, and is acknowledged only once it is on disk.
 */
export const createGroupCommitUnitOfWork = (
  handle: Pick<DatabaseHandle, 'db' | 'dialect' | 'durable'>,
  options: StoreOptions,
): UnitOfWork => {
  // One store per batch transaction, shared by its units; dropped with the transaction.
  const batches = new WeakMap<Transaction<Database>, { store: Store; writes: BatchedWrites }>();
  const batchFor = (trx: Transaction<Database>) => {
    let batch = batches.get(trx);
    if (!batch) {
      const writes = createBatchedWrites(trx, handle.dialect);
      batch = { store: batchStoreOver(trx, options, writes), writes };
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
    transaction: (work) => group.run((trx) => work(batchFor(trx).store)),
    isUniqueViolation,
  };
};
