import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { migrations } from '../../src/db/migrations';

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or a new database on the
 * throwaway PostgreSQL cluster that scripts/test.js started (ILN_TEST_PG_URL). The vitest project
 * decides which through ILN_TEST_DB, so the same repository tests run on both.
 */
export interface TestDatabase extends DatabaseHandle {
  /** Where another process finds the same database: a SQLite file path or a postgres:// URL. */
  location: { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };
  /** Closes the connection and removes the database. */
  dispose: () => Promise<void>;
}

export const testDialect = (): 'sqlite' | 'postgres' =>
  process.env.ILN_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export const postgresAdminUrl = (): string => {
  const url = process.env.ILN_TEST_PG_URL;
  if (!url) {
    throw new Error(
      'ILN_TEST_PG_URL is not set: run the database tests through `npm test`, which starts a throwaway PostgreSQL cluster.',
    );
  }
  return url;
};

/** A connection to the cluster's own database; a connection error is its query's, never unhandled. */
const adminClient = (adminUrl: string): pg.Client => {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => undefined);
  return client;
};

const databaseUrl = (adminUrl: string, name: string): string => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * Migrating a new PostgreSQL database takes a second or two; copying a migrated template takes a
 * fraction of that. The template is made once per cluster (an advisory lock keeps parallel test
 * workers from making it twice); its name carries the migration list so a stale one is not reused.
 */
const ensureMigratedTemplate = async (admin: pg.Client, adminUrl: string): Promise<string> => {
  const names = Object.keys(migrations).join(',');
  const template = `iln_template_${createHash('sha256').update(names).digest('hex').slice(0, 12)}`;
  await admin.query('SELECT pg_advisory_lock(4242)');
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${template}`);
      const handle = openDatabase({ dialect: 'postgres', url: databaseUrl(adminUrl, template) });
      try {
        await migrateToLatest(handle.db);
      } finally {
        await handle.close();
      }
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(4242)');
  }
  return template;
};

export const createTestDatabase = async (): Promise<TestDatabase> => {
  if (testDialect() === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'iln-test-'));
    const path = join(dir, 'test.sqlite');
    const handle = openDatabase({ dialect: 'sqlite', path });
    await migrateToLatest(handle.db);
    return {
      ...handle,
      location: { dialect: 'sqlite', path },
      dispose: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = postgresAdminUrl();
  const name = `iln_test_${randomBytes(6).toString('hex')}`;
  const admin = adminClient(adminUrl);
  await admin.connect();
  try {
    const template = await ensureMigratedTemplate(admin, adminUrl);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, name);
  const handle = openDatabase({ dialect: 'postgres', url });
  return {
    ...handle,
    location: { dialect: 'postgres', url },
    // The pool first: close() waits for work in flight (a group-commit batch, a worker's pass)
    // and for every connection's socket to close, so WITH (FORCE) finds no backend of ours to
    // terminate (it used to, and the terminated connection's 57P01 surfaced as an unhandled error).
    dispose: async () => {
      await handle.close();
      const cleanup = adminClient(adminUrl);
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
};
