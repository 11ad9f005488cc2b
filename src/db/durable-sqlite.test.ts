import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { createWalSync, DurableSqliteDialect, type WalSync } from './durable-sqlite';

/** A WAL sync whose fsyncs finish only when the test says so. */
const controlledSync = () => {
  const pending: (() => void)[] = [];
  const wal: WalSync = {
    sync: () => new Promise<void>((resolve) => pending.push(resolve)),
    close: async () => undefined,
  };
  const finishAll = () => {
    for (const resolve of pending.splice(0)) resolve();
  };
  return { wal, pending, finishAll };
};

const flush = () => new Promise((resolve) => setImmediate(resolve));

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (wal: WalSync) => {
  dir = mkdtempSync(join(tmpdir(), 'durable-'));
  const database = new SQLite(join(dir, 'test.sqlite'));
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.exec('create table t (id integer primary key, v text)');
  // biome-ignore lint/suspicious/noExplicitAny: a throwaway table
  return new Kysely<any>({ dialect: new DurableSqliteDialect({ database }, wal) });
};

describe('DurableSqliteDialect', () => {
  test('a transaction is not done until the log is fsynced after its commit', async () => {
    const control = controlledSync();
    const db = open(control.wal);
    let done = false;
    const transaction = db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('t').values({ v: 'a' }).execute();
        await trx.insertInto('t').values({ v: 'b' }).execute();
      })
      .then(() => {
        done = true;
      });
    await flush();
    // Committed but not acknowledged: one fsync asked for, at the commit, and not yet done.
    expect(control.pending).toHaveLength(1);
    expect(done).toBe(false);
    control.finishAll();
    await transaction;
    expect(done).toBe(true);
    await db.destroy();
  });

  test('reads need no fsync; a write outside a transaction waits for one', async () => {
    const control = controlledSync();
    const db = open(control.wal);
    await db.selectFrom('t').selectAll().execute();
    await sql`select 1`.execute(db);
    expect(control.pending).toHaveLength(0);
    let written = false;
    const write = db
      .insertInto('t')
      .values({ v: 'c' })
      .execute()
      .then(() => {
        written = true;
      });
    await flush();
    expect(written).toBe(false);
    expect(control.pending).toHaveLength(1);
    control.finishAll();
    await write;
    expect(written).toBe(true);
    await db.destroy();
  });
});

describe('createWalSync', () => {
  /** An fs whose fsync calls wait for the test; everything else answers at once. */
  const fakeFs = () => {
    const fsyncs: ((error: null) => void)[] = [];
    let opened = 0;
    const fs = {
      stat: (_path: string, done: (e: null, s: { ino: number }) => void) => done(null, { ino: 7 }),
      fstat: (_fd: number, done: (e: null, s: { ino: number }) => void) => done(null, { ino: 7 }),
      open: (_path: string, _flags: string, done: (e: null, fd: number) => void) =>
        done(null, 100 + opened++),
      close: (_fd: number, done: (e: null) => void) => done(null),
      fsync: (_fd: number, done: (e: null) => void) => {
        fsyncs.push(done);
      },
    };
    // biome-ignore lint/suspicious/noExplicitAny: the callback shapes of node:fs, narrowed for the fake
    return { fs: fs as any, fsyncs, opened: () => opened };
  };
  const settle = async () => {
    for (let i = 0; i < 10; i++) await flush();
  };

  test('callers arriving during an fsync share the next one, which starts after it', async () => {
    const fake = fakeFs();
    const wal = createWalSync('/data/iln.sqlite', fake.fs);
    const order: string[] = [];
    const first = wal.sync().then(() => order.push('first'));
    await settle();
    // Opening the log also fsyncs its directory once.
    expect(fake.fsyncs).toHaveLength(1);
    fake.fsyncs.shift()!(null);
    await settle();
    expect(fake.fsyncs).toHaveLength(1); // the log itself
    const second = wal.sync().then(() => order.push('second'));
    const third = wal.sync().then(() => order.push('third'));
    await settle();
    // Still one fsync in flight: the later callers wait for a fresh one.
    expect(fake.fsyncs).toHaveLength(1);
    fake.fsyncs.shift()!(null);
    await settle();
    expect(order).toEqual(['first']);
    expect(fake.fsyncs).toHaveLength(1);
    fake.fsyncs.shift()!(null);
    await Promise.all([first, second, third]);
    expect(order).toEqual(['first', 'second', 'third']);
    expect(fake.opened()).toBe(2); // the log and, once, its directory
    await wal.close();
  });

  test('an fsync error reaches the caller (nothing is acknowledged that may not be on disk)', async () => {
    const fake = fakeFs();
    fake.fs.fsync = (_fd: number, done: (e: Error) => void) => done(new Error('EIO: disk gone'));
    const wal = createWalSync('/data/iln.sqlite', fake.fs);
    await expect(wal.sync()).rejects.toThrow('EIO');
  });
});
