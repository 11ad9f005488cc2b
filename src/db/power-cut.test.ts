import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { insertRound, makeOpenRound, TEST_NOW, validForm } from '../../tests/support/applicant-fixtures';
import { testServiceDeps } from '../../tests/support/mail';
import { submitApplication } from '../services/applications/submit-application';
import { type DatabaseHandle, openDatabase } from './connection';
import { migrateToLatest } from './migrate';

/**
 * A power cut, without a virtual machine. What survives one is what reached the disk, and on
 * Linux a file's bytes (and a folder's names) reach it when they are fsynced; what sits only in
 * the operating system's page cache is lost. A SIGKILL (tests/db/crash-durability.test.ts) keeps
 * the page cache, so it cannot tell a commit that was fsynced from one that was not.
 *
 * Here every fsync the program makes is watched (node:fs is wrapped below): when an fsync of a file
 * completes, the file's bytes as they were when it began are what "the disk" holds of it; when an
 * fsync of a folder completes, its names then are the names on "the disk". After each
 * acknowledgement the power is cut: a database is rebuilt from those bytes alone, as a machine
 * would find it on restart (SQLite's recovery then reads what it can of the log), and it must hold
 * everything acknowledged.
 *
 * The model needs the main database file to stay as it was at the start (SQLite writes it only at a
 * checkpoint, after fsyncing the log, and fsyncs it after); each test checks that no checkpoint ran.
 * It cannot see SQLite's own fsyncs, made in C: with `synchronous=FULL` and no driver of ours this
 * test would fail although commits would be durable. That is not how the program runs (ADR 0007),
 * and `openDatabase` is checked to run as it does.
 */
const disk = vi.hoisted(() => ({
  /** Bytes of each file as of its last completed fsync. */
  files: new Map<string, Buffer>(),
  /** Names in each folder as of its last completed fsync. */
  names: new Map<string, Set<string>>(),
  fsyncs: 0,
  /** How long each fsync takes beyond the real one: a slow disk. */
  delayMs: 0,
}));

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const fsync = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
    let path: string | undefined;
    try {
      path = actual.readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      path = undefined;
    }
    // What is in the page cache now is what this fsync puts on the disk.
    const isFolder = path !== undefined && actual.statSync(path).isDirectory();
    const snapshot =
      path === undefined ? undefined : isFolder ? actual.readdirSync(path) : actual.readFileSync(path);
    actual.fsync(fd, (error) => {
      setTimeout(() => {
        if (!error && path !== undefined) {
          disk.fsyncs++;
          if (isFolder) disk.names.set(path, new Set(snapshot as string[]));
          else disk.files.set(path, snapshot as Buffer);
        }
        done(error);
      }, disk.delayMs);
    });
  };
  return { ...actual, fsync, default: { ...actual, fsync } };
});

let dir: string;
let path: string;
let handle: DatabaseHandle;
/** The main database file when the test began: clean, closed and flushed by SQLite itself. */
let mainFile: Buffer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iln-power-cut-'));
  path = join(dir, 'iln.sqlite');
  const setup = openDatabase({ dialect: 'sqlite', path });
  await migrateToLatest(setup.db);
  await sql`create table probe (id integer primary key, label text not null)`.execute(setup.db);
  await insertRound(setup.db, makeOpenRound());
  // Closing checkpoints the log into the file, fsyncs it and deletes the log.
  await setup.close();
  mainFile = readFileSync(path);
  // The folder and the file as they are now count as on the disk.
  disk.files.clear();
  disk.names.clear();
  disk.names.set(dir, new Set(readdirSync(dir)));
  disk.fsyncs = 0;
  disk.delayMs = 0;
  handle = openDatabase({ dialect: 'sqlite', path });
});
afterEach(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The database a machine would find after losing power now. */
const afterPowerCut = (): SQLite.Database => {
  // The model's premise: no checkpoint has written the main file since the start.
  expect(readFileSync(path).equals(mainFile), 'a checkpoint wrote the database file').toBe(true);
  const image = mkdtempSync(join(tmpdir(), 'iln-after-cut-'));
  writeFileSync(join(image, 'iln.sqlite'), mainFile);
  const walPath = `${path}-wal`;
  if (disk.names.get(dir)?.has(basename(walPath))) {
    // The log's name survived; its bytes are those of its last fsync (none: an empty file).
    writeFileSync(join(image, 'iln.sqlite-wal'), disk.files.get(walPath) ?? Buffer.alloc(0));
  }
  const restarted = new SQLite(join(image, 'iln.sqlite'));
  const close = restarted.close.bind(restarted);
  restarted.close = () => {
    close();
    rmSync(image, { recursive: true, force: true });
    return restarted;
  };
  return restarted;
};

const labelsAfterPowerCut = (): string[] => {
  const restarted = afterPowerCut();
  try {
    return (restarted.prepare('select label from probe order by id').all() as { label: string }[]).map(
      (row) => row.label,
    );
  } finally {
    restarted.close();
  }
};

// biome-ignore lint/suspicious/noExplicitAny: the probe table is the test's own
const probe = () => handle.db as unknown as Kysely<any>;

test('openDatabase runs SQLite as the durable driver expects: WAL, synchronous=NORMAL', async () => {
  const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
  const level = await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db);
  expect(mode.rows[0]?.journal_mode).toBe('wal');
  // 1 = NORMAL: COMMIT does not fsync, so the driver must (what the tests below check).
  expect(level.rows[0]?.synchronous).toBe(1);
});

test('an acknowledged write outside a transaction survives a power cut', async () => {
  const acknowledged: string[] = [];
  for (const label of ['first', 'second', 'third']) {
    await probe().insertInto('probe').values({ label }).execute();
    acknowledged.push(label);
    expect(labelsAfterPowerCut()).toEqual(acknowledged);
  }
  // Only what was fsynced counts: the log was, and its folder once, when it was created.
  expect(disk.names.get(dir)?.has('iln.sqlite-wal')).toBe(true);
  expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
});

test('an acknowledged transaction survives a power cut whole', async () => {
  await probe()
    .transaction()
    .execute(async (trx) => {
      for (const label of ['a', 'b', 'c']) await trx.insertInto('probe').values({ label }).execute();
    });
  expect(labelsAfterPowerCut()).toEqual(['a', 'b', 'c']);
  await probe()
    .transaction()
    .execute(async (trx) => {
      await trx.updateTable('probe').set({ label: 'B' }).where('label', '=', 'b').execute();
      await trx.deleteFrom('probe').where('label', '=', 'c').execute();
    });
  expect(labelsAfterPowerCut()).toEqual(['a', 'B']);
});

test('writes that commit while an fsync is under way are acknowledged only after the next one', async () => {
  // A slow disk, and a write every 2 ms: most writes commit while an earlier fsync is running,
  // and that fsync, begun before them, does not cover them.
  disk.delayMs = 15;
  const labels = Array.from({ length: 20 }, (_, i) => `w${i}`);
  const acknowledged: string[] = [];
  const lost: string[][] = [];
  const writes: Promise<void>[] = [];
  for (const label of labels) {
    writes.push(
      (async () => {
        await probe().insertInto('probe').values({ label }).execute();
        acknowledged.push(label);
        const survived = new Set(labelsAfterPowerCut());
        const missing = acknowledged.filter((done) => !survived.has(done));
        if (missing.length > 0) lost.push(missing);
      })(),
    );
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(writes);
  expect(lost).toEqual([]);
  expect(acknowledged.sort()).toEqual([...labels].sort());
  // Shared: fewer fsyncs than writes.
  expect(disk.fsyncs).toBeLessThan(labels.length);
});

test('an application acknowledged by the applicant path (group commit) survives a power cut', async () => {
  let now = new Date(TEST_NOW);
  const deps = testServiceDeps(handle, {
    now: () => {
      now = new Date(now.getTime() + 1000);
      return now;
    },
  });
  const applicant = { ...deps, uow: deps.applicantUow };
  const round = makeOpenRound();
  // Submitted together, so they share batches; each is checked once its own call has returned.
  const emails = Array.from({ length: 12 }, (_, i) => `cut-${i}@example.org`);
  const acknowledged: string[] = [];
  await Promise.all(
    emails.map(async (email, i) => {
      await submitApplication(applicant, {
        roundId: round.id,
        form: validForm({ email, name: `Person ${i} ${'abcdefghijkl'[i]}` }),
        locale: 'en',
      });
      acknowledged.push(email);
      const restarted = afterPowerCut();
      try {
        const stored = restarted.prepare('select email from applications').all() as { email: string }[];
        const mails = restarted.prepare('select to_address from mail_messages').all() as {
          to_address: string;
        }[];
        const storedEmails = stored.map((row) => row.email);
        for (const done of acknowledged) {
          expect(storedEmails).toContain(done);
          expect(mails.map((row) => row.to_address)).toContain(done);
        }
      } finally {
        restarted.close();
      }
    }),
  );
  expect(acknowledged).toHaveLength(12);
  // Grouped: fewer fsyncs than submissions (each batch's log fsync is shared).
  expect(disk.fsyncs).toBeLessThan(12 + 2);
});

test('the model sees a commit that was never fsynced as lost (the test can fail)', async () => {
  // A second connection without the driver: SQLite commits to the page cache only.
  const bypass = new SQLite(path);
  try {
    bypass.pragma('synchronous = NORMAL');
    bypass.prepare("insert into probe (label) values ('never fsynced')").run();
    expect(bypass.prepare('select count(*) as n from probe').get()).toEqual({ n: 1 });
    expect(labelsAfterPowerCut()).toEqual([]);
  } finally {
    bypass.close();
  }
});

// The folder entry of a file created by SQLite is durable only once its folder is fsynced.
test('the log file’s name is made durable before the first acknowledgement', async () => {
  await probe().insertInto('probe').values({ label: 'x' }).execute();
  expect(disk.names.get(dirname(path))?.has('iln.sqlite-wal')).toBe(true);
  expect(fs.existsSync(`${path}-wal`)).toBe(true);
});
