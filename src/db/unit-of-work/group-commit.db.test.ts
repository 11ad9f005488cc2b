import { sql, type Transaction } from 'kysely';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { isDatabaseUnavailable } from '../database-errors';
import type { Database } from '../schema';
import { createGroupCommit } from './group-commit';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.dispose();
});

const now = '2026-01-01T00:00:00.000Z';
const setting = (key: string) => ({ key, value: '{}', updated_at: now });
const keys = async () =>
  (await database.db.selectFrom('program_settings').select('key').orderBy('key').execute()).map((r) => r.key);

test('units that arrive together commit together, in order; a failing unit is rolled back alone', async () => {
  const group = createGroupCommit(database.db, database);
  // What each unit saw last: a unit may run twice (the batch is rolled back when one fails, and
  // each unit runs again alone), and the run that counts is the last.
  const seen = new Map<string, string[]>();
  let runs = 0;
  const unit = (key: string, fail = false) =>
    group.run(async (trx) => {
      runs++;
      await trx.insertInto('program_settings').values(setting(key)).execute();
      // Each unit sees what the units before it wrote (and not a failed one's rows).
      seen.set(
        key,
        (await trx.selectFrom('program_settings').select('key').orderBy('key').execute()).map((r) => r.key),
      );
      if (fail) throw new Error(`unit ${key} failed`);
      return key;
    });
  const results = await Promise.allSettled([unit('a'), unit('b', true), unit('c'), unit('a')]);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
    'a',
    'unit b failed',
    'c',
    expect.stringMatching(/unique|duplicate/i),
  ]);
  expect(Object.fromEntries(seen)).toEqual({ a: ['a'], b: ['a', 'b'], c: ['a', 'c'] });
  expect(await keys()).toEqual(['a', 'c']);
  // The batch of four ran until b failed (a, b), then each of the four alone.
  expect(runs).toBe(6);
});

test('a batch without failures runs each unit once, in one transaction', async () => {
  const group = createGroupCommit(database.db, database);
  let runs = 0;
  await Promise.all(
    ['p', 'q', 'r'].map((key) =>
      group.run(async (trx) => {
        runs++;
        await trx.insertInto('program_settings').values(setting(key)).execute();
      }),
    ),
  );
  expect(runs).toBe(3);
  expect(await keys()).toEqual(['p', 'q', 'r']);
});

test('a unit is acknowledged only after its batch is committed and durable', async () => {
  const group = createGroupCommit(database.db, database);
  await group.run((trx) => trx.insertInto('program_settings').values(setting('x')).execute());
  // Read outside any transaction: the write is there as soon as run() resolved.
  expect(await keys()).toEqual(['x']);
});

test('more units than one batch holds are all run', async () => {
  const group = createGroupCommit(database.db, database);
  const many = Array.from({ length: 150 }, (_, i) => `k${String(i).padStart(3, '0')}`);
  await Promise.all(
    many.map((key) => group.run((trx) => trx.insertInto('program_settings').values(setting(key)).execute())),
  );
  expect(await keys()).toEqual(many);
});

test('units wait for the fsync after their commit, and a failed fsync fails them', async () => {
  let finishFsync: (() => void) | undefined;
  let failFsync: ((error: Error) => void) | undefined;
  const group = createGroupCommit(database.db, {
    durable: () =>
      new Promise<void>((resolve, reject) => {
        finishFsync = resolve;
        failFsync = reject;
      }),
  });
  let acknowledged = false;
  const first = group
    .run((trx) => trx.insertInto('program_settings').values(setting('d')).execute())
    .then(() => {
      acknowledged = true;
    });
  while (!finishFsync) await new Promise((resolve) => setImmediate(resolve));
  // Committed (visible to others) but not yet answered.
  expect(await keys()).toEqual(['d']);
  expect(acknowledged).toBe(false);
  finishFsync();
  await first;
  expect(acknowledged).toBe(true);

  finishFsync = undefined;
  const second = group.run((trx) => trx.insertInto('program_settings').values(setting('e')).execute());
  while (!failFsync || !finishFsync) await new Promise((resolve) => setImmediate(resolve));
  failFsync(new Error('EIO'));
  await expect(second).rejects.toThrow('EIO');
});

test('with several batches at once, every unit runs once and a failing one fails alone', async () => {
  const group = createGroupCommit(database.db, { durable: database.durable, concurrentBatches: 3 });
  const many = Array.from({ length: 200 }, (_, i) => `m${String(i).padStart(3, '0')}`);
  const results = await Promise.allSettled(
    many.map((key, i) =>
      group.run(async (trx) => {
        await trx.insertInto('program_settings').values(setting(key)).execute();
        if (i % 50 === 7) throw new Error(`unit ${key} failed`);
        return key;
      }),
    ),
  );
  expect(results.filter((r) => r.status === 'rejected')).toHaveLength(4);
  expect(await keys()).toEqual(many.filter((_, i) => i % 50 !== 7));
});

test('a unit alone in its batch that fails leaves nothing behind', async () => {
  const group = createGroupCommit(database.db, database);
  await expect(
    group.run(async (trx) => {
      await trx.insertInto('program_settings').values(setting('lonely')).execute();
      throw new Error('lonely unit failed');
    }),
  ).rejects.toThrow('lonely unit failed');
  expect(await keys()).toEqual([]);
  await group.run((trx) => trx.insertInto('program_settings').values(setting('next')).execute());
  expect(await keys()).toEqual(['next']);
});

test('writes left to the end of the batch: a failure there lands on the unit that caused it', async () => {
  // Units leave their keys for beforeCommit, which writes them all in one statement.
  const left = new Map<unknown, string[]>();
  const group = createGroupCommit(database.db, {
    durable: database.durable,
    beforeCommit: async (trx) => {
      const pending = left.get(trx) ?? [];
      left.delete(trx);
      if (pending.length > 0) await trx.insertInto('program_settings').values(pending.map(setting)).execute();
    },
  });
  let statements = 0;
  const unit = (key: string) =>
    group.run(async (trx) => {
      statements++;
      left.set(trx, [...(left.get(trx) ?? []), key]);
      return key;
    });
  const results = await Promise.allSettled([unit('f'), unit('g'), unit('f'), unit('h')]);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([
    'f',
    'g',
    'failed',
    'h',
  ]);
  expect(await keys()).toEqual(['f', 'g', 'h']);
  // Four units in one batch whose write failed at the end, then each alone.
  expect(statements).toBe(8);
});

test('when the connection dies mid-batch, its units are rejected cleanly and the next batch works', async () => {
  const group = createGroupCommit(database.db, database);
  let runs = 0;
  // On PostgreSQL the unit really loses its connection (the server terminates it, as a restart or
  // failover does); on SQLite it meets the database locked by another process.
  const loseConnection = async (trx: Transaction<Database>) => {
    if (database.dialect === 'postgres')
      await sql`select pg_terminate_backend(pg_backend_pid())`.execute(trx);
    else throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  };
  const unit = (key: string, dies = false) =>
    group.run(async (trx) => {
      runs++;
      await trx.insertInto('program_settings').values(setting(key)).execute();
      if (dies) await loseConnection(trx);
      return key;
    });
  const results = await Promise.allSettled([unit('s'), unit('t', true), unit('u')]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  for (const result of results) {
    expect(isDatabaseUnavailable((result as PromiseRejectedResult).reason)).toBe(true);
  }
  // Not run again one by one: the failure was the database's, not a unit's.
  expect(runs).toBe(2);
  expect(await keys()).toEqual([]);
  // The pool replaces the lost connection.
  await expect(unit('v')).resolves.toBe('v');
  expect(await keys()).toEqual(['v']);
});
