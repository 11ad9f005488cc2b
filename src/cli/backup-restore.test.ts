import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { openDatabase } from '../db/connection';
import { MIGRATION_TABLE, migrateToLatest } from '../db/migrate';
import { migrations } from '../db/migrations';
import type { CliIo } from './command';
import { runCli } from './main';

// `iln backup` and `iln restore` on the embedded SQLite database, run as `iln` runs them (exit
// codes, messages), on throwaway DATA_DIRs. The round trip under load, with a real server
// writing, is tests/db/backup-restore.test.ts.

const root = resolve(import.meta.dirname, '../..');
const LATEST = Object.keys(migrations).at(-1)!;
let dir: string;
let dataDir: string;
let livePath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iln-backup-cli-'));
  dataDir = join(dir, 'data');
  livePath = join(dataDir, 'iln.sqlite');
  vi.stubEnv('NODE_ENV', 'test');
  vi.stubEnv('DATA_DIR', dataDir);
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('BASE_URL', '');
  vi.stubEnv('PORT', '3000');
  vi.stubEnv('LOG_LEVEL', 'silent');
  vi.stubEnv('AUTH_SECRET', 'x'.repeat(32));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

const cli = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '' };
  const code = await runCli(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
};

/** An ILN database at `path`, migrated up to `upTo`, with a table of labelled rows to check. */
const makeDatabase = async (path: string, labels: string[], upTo?: string) => {
  mkdirSync(resolve(path, '..'), { recursive: true });
  const handle = openDatabase({ dialect: 'sqlite', path });
  try {
    if (upTo) {
      const migrator = new Migrator({
        db: handle.db,
        provider: { getMigrations: async () => migrations },
        migrationTableName: MIGRATION_TABLE,
        migrationLockTableName: `${MIGRATION_TABLE}_lock`,
      });
      const result = await migrator.migrateTo(upTo);
      if (result.error) throw result.error;
    } else {
      await migrateToLatest(handle.db);
    }
  } finally {
    await handle.close();
  }
  addLabels(path, labels);
};

const addLabels = (path: string, labels: string[]) => {
  const database = new SQLite(path);
  try {
    database.exec('create table if not exists probe (id integer primary key, label text not null)');
    const insert = database.prepare('insert into probe (label) values (?)');
    for (const label of labels) insert.run(label);
  } finally {
    database.close();
  }
};

const labelsIn = (path: string): string[] => {
  // Read-write: a read-only connection would leave the log files behind that tests look for.
  const database = new SQLite(path, { fileMustExist: true });
  try {
    return (database.prepare('select label from probe order by id').all() as { label: string }[]).map(
      (row) => row.label,
    );
  } finally {
    database.close();
  }
};

/** One line, the verb's name first, and no stack trace. */
const expectPlainError = (stderr: string, verb: string) => {
  expect(stderr.startsWith(`iln ${verb}: `)).toBe(true);
  expect(stderr).not.toMatch(/\n\s+at /);
};

describe('iln backup then iln restore', () => {
  test('a round trip keeps the data, and the replaced database is kept beside it', async () => {
    await makeDatabase(livePath, ['before the backup']);
    const file = join(dir, 'backup.sqlite');
    const backup = await cli('backup', file);
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toMatch(
      new RegExp(
        `^Backed up ${livePath} to ${file} \\(\\d+\\.\\d MB, schema ${LATEST}\\) in \\d+\\.\\d s\\.$`,
      ),
    );
    // Only the backup is left in its folder: no temporary file.
    expect(readdirSync(dir).sort()).toEqual(['backup.sqlite', 'data']);

    addLabels(livePath, ['after the backup']);
    const restore = await cli('restore', file);
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    const kept = readdirSync(dataDir).find((name) => name.startsWith('iln.sqlite.before-restore-'));
    expect(kept).toMatch(/^iln\.sqlite\.before-restore-\d{8}T\d{6}Z$/);
    expect(restore.stdout).toBe(
      `Restored ${file} into ${livePath} (schema ${LATEST}).\nThe database it replaced is kept as ${join(dataDir, kept!)}.`,
    );
    expect(labelsIn(livePath)).toEqual(['before the backup']);
    expect(labelsIn(join(dataDir, kept!))).toEqual(['before the backup', 'after the backup']);
    // Nothing of the old database's log is left beside the new one.
    expect(readdirSync(dataDir).filter((name) => name.startsWith('iln.sqlite-'))).toEqual([]);
  });

  test('restoring into a fresh DATA_DIR keeps nothing aside (there was nothing)', async () => {
    const file = join(dir, 'backup.sqlite');
    await makeDatabase(join(dir, 'elsewhere', 'iln.sqlite'), ['kept']);
    vi.stubEnv('DATA_DIR', join(dir, 'elsewhere'));
    expect((await cli('backup', file)).code).toBe(0);
    vi.stubEnv('DATA_DIR', dataDir);
    const restore = await cli('restore', file);
    expect(restore).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `Restored ${file} into ${livePath} (schema ${LATEST}).`,
    });
    expect(labelsIn(livePath)).toEqual(['kept']);
  });
});

describe('iln backup', () => {
  test('copies commits still in the write-ahead log, and nothing of a transaction not yet committed', async () => {
    await makeDatabase(livePath, ['checkpointed']);
    // Another connection writes and stays open with checkpoints off: its commits exist only in
    // iln.sqlite-wal, and a copy of iln.sqlite alone would miss them.
    const writer = new SQLite(livePath);
    try {
      writer.pragma('wal_autocheckpoint = 0');
      writer.prepare("insert into probe (label) values ('only in the log')").run();
      writer.exec("begin; insert into probe (label) values ('not committed')");
      const file = join(dir, 'backup.sqlite');
      expect((await cli('backup', file)).code).toBe(0);
      expect(statSync(`${livePath}-wal`).size).toBeGreaterThan(0);
      expect(labelsIn(file)).toEqual(['checkpointed', 'only in the log']);
      writer.exec('rollback');
    } finally {
      writer.close();
    }
  });

  test('refuses to overwrite a file unless --force', async () => {
    await makeDatabase(livePath, ['new']);
    const file = join(dir, 'existing.sqlite');
    writeFileSync(file, 'precious');
    const refused = await cli('backup', file);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: `iln backup: ${file} already exists; add --force to replace it`,
    });
    expect(readFileSync(file, 'utf8')).toBe('precious');
    const forced = await cli('backup', file, '--force');
    expect(forced.code).toBe(0);
    expect(labelsIn(file)).toEqual(['new']);
  });

  test('bad targets and a missing database are one clear line and exit 1; no FILE is a usage error', async () => {
    const none = await cli('backup', join(dir, 'b.sqlite'));
    expect(none).toEqual({
      code: 1,
      stdout: '',
      stderr: `iln backup: there is no database at ${livePath} (DATA_DIR names the folder that holds iln.sqlite)`,
    });
    await makeDatabase(livePath, ['x']);
    const folder = await cli('backup', dir);
    expect(folder.stderr).toBe(
      `iln backup: ${dir} is a folder: give the backup a file name, such as ${join(dir, 'iln-backup.sqlite')}`,
    );
    expect(folder.code).toBe(1);
    const missing = await cli('backup', join(dir, 'no', 'such', 'b.sqlite'));
    expect(missing.stderr).toBe(
      `iln backup: cannot write the backup to ${join(dir, 'no', 'such', 'b.sqlite')}: the folder ${join(dir, 'no', 'such')} does not exist`,
    );
    const itself = await cli('backup', livePath, '--force');
    expect(itself.stderr).toBe(
      `iln backup: ${livePath} is the live database itself: choose another file for the backup`,
    );
    expect(labelsIn(livePath)).toEqual(['x']);
    const usage = await cli('backup');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(
      /^iln backup: name the file to write the backup to\n\nUsage: iln backup FILE/,
    );
    for (const result of [none, folder, missing, itself]) expectPlainError(result.stderr, 'backup');
  });
});

describe('iln restore', () => {
  test('an older schema is migrated', async () => {
    const file = join(dir, 'old.sqlite');
    await makeDatabase(file, ['from an older version'], '0005-review');
    const restore = await cli('restore', file);
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toBe(
      `Restored ${file} into ${livePath} (schema ${LATEST}, migrated from schema 0005-review).`,
    );
    const database = new SQLite(livePath, { readonly: true });
    try {
      const names = database.prepare(`select name from ${MIGRATION_TABLE} order by name`).all();
      expect(names.map((row) => (row as { name: string }).name)).toEqual(Object.keys(migrations));
    } finally {
      database.close();
    }
    expect(labelsIn(livePath)).toEqual(['from an older version']);
  });

  test('files that are not a usable ILN database are refused, and the live database is untouched', async () => {
    await makeDatabase(livePath, ['live']);
    const text = join(dir, 'notes.txt');
    writeFileSync(
      text,
      'this is not a database, only some words that are long enough to look like a file\n'.repeat(20),
    );
    const emptyDatabase = join(dir, 'empty.sqlite');
    new SQLite(emptyDatabase).exec('create table other (x)');
    const newer = join(dir, 'newer.sqlite');
    await makeDatabase(newer, ['from the future']);
    const future = new SQLite(newer);
    future
      .prepare(`insert into ${MIGRATION_TABLE} (name, timestamp) values (?, ?)`)
      .run('9999-from-the-future', new Date().toISOString());
    future.close();
    const damaged = join(dir, 'damaged.sqlite');
    await makeDatabase(
      damaged,
      Array.from({ length: 500 }, (_, i) => `row ${i} ${'x'.repeat(200)}`),
    );
    const bytes = readFileSync(damaged);
    // Scribble over the middle of the file (the probe table's pages), keeping the header valid.
    bytes.fill(0x5a, bytes.length - 60_000, bytes.length - 20_000);
    writeFileSync(damaged, bytes);

    const cases: [string, string][] = [
      [
        join(dir, 'nothing-here.sqlite'),
        `iln restore: cannot restore from ${join(dir, 'nothing-here.sqlite')}: it does not exist`,
      ],
      [dir, `iln restore: cannot restore from ${dir}: it is not a file`],
      [text, `iln restore: ${text} is not a SQLite database`],
      [
        emptyDatabase,
        `iln restore: ${emptyDatabase} is a SQLite database but not an ILN database (it has no ${MIGRATION_TABLE} table)`,
      ],
      [
        newer,
        `iln restore: ${newer} comes from a newer version of ILN: its schema has 9999-from-the-future, which this version (schema ${LATEST}) does not know. Restore it with that version or a later one.`,
      ],
    ];
    for (const [file, message] of cases) {
      const result = await cli('restore', file);
      expect(result, file).toEqual({ code: 1, stdout: '', stderr: message });
    }
    const broken = await cli('restore', damaged);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(new RegExp(`^iln restore: ${damaged} is damaged`));
    expectPlainError(broken.stderr, 'restore');

    expect(labelsIn(livePath)).toEqual(['live']);
    // Nothing kept aside, no copy left behind: only the live database (and the secret) remain.
    expect(
      readdirSync(dataDir)
        .filter((name) => name !== 'auth-secret')
        .sort(),
    ).toEqual(['iln.sqlite']);
    expect((await cli('restore')).code).toBe(2);
  });

  test('is refused while another process has the database open, and works once it has gone', async () => {
    await makeDatabase(livePath, ['live']);
    const file = join(dir, 'backup.sqlite');
    await makeDatabase(file, ['restored']);
    // A stand-in for `iln serve`: a process with the database open in WAL mode, idle.
    const holder: ChildProcess = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(${JSON.stringify(livePath)}); db.prepare('select count(*) from probe').get(); console.log('ready'); setInterval(() => {}, 1000);`,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((done) => holder.once('exit', done));
    try {
      await new Promise<void>((ready, fail) => {
        holder.stdout?.once('data', () => ready());
        holder.once('exit', () => fail(new Error('the process holding the database exited')));
      });
      const refused = await cli('restore', file);
      expect(refused).toEqual({
        code: 1,
        stdout: '',
        stderr: `iln restore: the database ${livePath} is in use by another process (a running \`iln serve\`, or another iln command): stop it, then restore`,
      });
      expect(labelsIn(livePath)).toEqual(['live']);
    } finally {
      holder.kill('SIGKILL');
      await exited;
    }
    // Killed, not closed: the operating system dropped its lock, and nothing stale is left behind.
    const restore = await cli('restore', file);
    expect(restore.code).toBe(0);
    expect(labelsIn(livePath)).toEqual(['restored']);
  });
});

test('with DATABASE_URL set, both verbs explain pg_dump and pg_restore, write nothing and exit 1', async () => {
  vi.stubEnv('DATABASE_URL', 'postgres://iln@db.example.org/iln');
  for (const verb of ['backup', 'restore'] as const) {
    const file = join(dir, `${verb}.dump`);
    if (verb === 'restore') writeFileSync(file, 'a dump');
    const result = await cli(verb, file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`iln ${verb}: this installation uses PostgreSQL (DATABASE_URL is set)`);
    expect(result.stderr).toContain('  pg_dump --format=custom --file=iln.dump "$DATABASE_URL"');
    expect(result.stderr).toContain(
      '  pg_restore --no-owner --exit-on-error --dbname="$DATABASE_URL" iln.dump',
    );
  }
  expect(existsSync(join(dir, 'backup.dump'))).toBe(false);
  expect(
    existsSync(dataDir) ? readdirSync(dataDir).filter((name) => name.startsWith('iln.sqlite')) : [],
  ).toEqual([]);
});

describe('without permission', () => {
  // As root every file is readable and writable, so the command runs as `nobody` there.
  const isRoot = process.getuid?.() === 0;
  const nobody = () => {
    const id = (flag: string) =>
      Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
    return { uid: id('-u'), gid: id('-g') };
  };
  const ilnAs = (args: string[]) => {
    const result = spawnSync(process.execPath, [join(root, 'bin/iln.js'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: {
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        AUTH_SECRET: 'x'.repeat(32),
        LOG_LEVEL: 'silent',
        // tsx keeps a cache in the temporary folder; nobody gets its own.
        TMPDIR: join(dir, 'tmp'),
      },
      ...(isRoot ? nobody() : {}),
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
  };
  const handOver = (path: string) => {
    if (isRoot) chownSync(path, nobody().uid, nobody().gid);
  };

  test('backup into a folder it cannot write, and restore from a file it cannot read: a clear message, exit 1', async () => {
    chmodSync(dir, 0o755);
    await makeDatabase(livePath, ['live']);
    mkdirSync(join(dir, 'tmp'));
    for (const path of [join(dir, 'tmp'), dataDir, livePath]) handOver(path);
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    chmodSync(locked, 0o555);
    const backup = ilnAs(['backup', join(locked, 'b.sqlite')]);
    expect(backup).toMatchObject({
      code: 1,
      stderr: `iln backup: cannot write the backup in the folder ${locked}: permission denied`,
    });

    const secret = join(dir, 'secret.sqlite');
    await makeDatabase(secret, ['secret']);
    chmodSync(secret, 0o600);
    if (!isRoot) chmodSync(secret, 0o000);
    const restore = ilnAs(['restore', secret]);
    expect(restore).toMatchObject({
      code: 1,
      stderr: `iln restore: cannot restore from ${secret}: permission denied`,
    });
    expect(labelsIn(livePath)).toEqual(['live']);
  }, 60_000);
});
