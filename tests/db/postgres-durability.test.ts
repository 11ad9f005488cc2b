import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../../scripts/pg-cluster.js';
import { openDatabase } from '../../src/db/connection';
import { createTestDatabase, type TestDatabase, testDialect } from '../support/test-database';

// What PostgreSQL promises the program, checked. An acknowledged commit survives a crash of
// PostgreSQL itself only if the commit waited for the log to be written (synchronous_commit on);
// it survives a power cut only if that write was also flushed to the disk (fsync on, PostgreSQL's
// default, which a program cannot set per connection). The test cluster runs with both off, for
// speed (scripts/pg-cluster.js): so the program sets synchronous_commit on its own connections
// (src/db/connection.ts), and these tests check that it does and that it matters. A power cut
// cannot be simulated here without a machine to cut; on PostgreSQL that promise rests on fsync,
// which the README asks operators to leave on.

const onPostgres = testDialect() === 'postgres';
let database: TestDatabase | undefined;
beforeAll(async () => {
  if (onPostgres) database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

test.runIf(onPostgres)(
  'the program’s connections commit synchronously, whatever the cluster’s default',
  async () => {
    const location = database!.location;
    if (location.dialect !== 'postgres') throw new Error('a PostgreSQL test database was expected');
    // The cluster's own default, as a plain client sees it: off (and fsync off).
    const plain = new pg.Client({ connectionString: location.url });
    await plain.connect();
    try {
      expect((await plain.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('off');
      expect((await plain.query('SHOW fsync')).rows[0].fsync).toBe('off');
    } finally {
      await plain.end();
    }
    // Every connection of the pool, including ones opened later under load.
    const handle = openDatabase({ dialect: 'postgres', url: location.url });
    try {
      const settings = await Promise.all(
        Array.from({ length: 10 }, () =>
          handle.db.transaction().execute(async (trx) => {
            const row = await sql<{ setting: string; pid: number }>`
            select current_setting('synchronous_commit') as setting, pg_backend_pid() as pid,
                   pg_sleep(0.05) as slept`.execute(trx);
            return row.rows[0]!;
          }),
        ),
      );
      expect(new Set(settings.map((row) => row.pid)).size).toBeGreaterThan(1);
      expect(settings.map((row) => row.setting)).toEqual(Array(10).fill('on'));
    } finally {
      await handle.close();
    }
  },
);

/**
 * PostgreSQL crashing: `pg_ctl -m immediate` kills its processes without a checkpoint or a flush of
 * the log buffers in shared memory, as a crash or an OOM kill does. The cluster is this test's own
 * (stopping the shared one would disturb the other tests), with the same non-durable defaults.
 */
let cluster: PostgresCluster | undefined;
afterAll(() => cluster?.stop());

test.runIf(onPostgres)(
  'an acknowledged commit survives PostgreSQL crashing mid-burst',
  async () => {
    cluster = await startPostgresCluster();
    const handle = openDatabase({ dialect: 'postgres', url: cluster.url });
    await sql`create table probe (id bigint primary key)`.execute(handle.db);
    const acknowledged: number[] = [];
    let next = 0;
    let crashed = false;
    const writer = async () => {
      while (!crashed) {
        const id = next++;
        try {
          await sql`insert into probe (id) values (${id})`.execute(handle.db);
          acknowledged.push(id);
        } catch {
          // PostgreSQL went away: not acknowledged.
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    while (acknowledged.length < 3000) await new Promise((resolve) => setTimeout(resolve, 5));
    await cluster.stopServer('immediate');
    crashed = true;
    await Promise.all(writers);
    await handle.close();

    await cluster.startServer();
    const reopened = new pg.Client({ connectionString: cluster.url });
    await reopened.connect();
    try {
      const stored = new Set(
        (await reopened.query<{ id: string }>('select id from probe')).rows.map((row) => Number(row.id)),
      );
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(acknowledged.length).toBeGreaterThanOrEqual(3000);
      expect(lost).toEqual([]);
    } finally {
      await reopened.end();
    }
  },
  120_000,
);
