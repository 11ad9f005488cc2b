import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or a new database on the
 * throwaway PostgreSQL cluster that scripts/test.js started (ILN_TEST_PG_URL). The vitest project
 * decides which through ILN_TEST_DB, so the same repository tests run on both.
 */
export interface TestDatabase extends DatabaseHandle {
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

export const createTestDatabase = async (): Promise<TestDatabase> => {
  if (testDialect() === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'iln-test-'));
    const handle = openDatabase({ dialect: 'sqlite', path: join(dir, 'test.sqlite') });
    await migrateToLatest(handle.db);
    return {
      ...handle,
      dispose: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = postgresAdminUrl();
  const name = `iln_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ dialect: 'postgres', url: url.toString() });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
};
