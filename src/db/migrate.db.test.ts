import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.dispose();
});

test('migrating again applies nothing', async () => {
  const report = await migrateToLatest(database.db);
  expect(report.applied).toEqual([]);
  const rows = await database.db
    // biome-ignore lint/suspicious/noExplicitAny: the migrations table is Kysely's, not ours
    .selectFrom('schema_migrations' as any)
    .select('name')
    .orderBy('name')
    .execute();
  expect(rows.map((row) => row.name)).toEqual(Object.keys(migrations));
});

test('foreign keys are enforced', async () => {
  const now = new Date().toISOString();
  await expect(
    database.db
      .insertInto('person_roles')
      .values({
        id: 'r1',
        person_id: 'nobody',
        role: 'program_coordinator',
        country_code: null,
        created_at: now,
      })
      .execute(),
  ).rejects.toThrow(/foreign key/i);
});

test('one application per email address per round', async () => {
  const now = new Date().toISOString();
  await database.db
    .insertInto('rounds')
    .values({
      id: 'round-1',
      name: 'Round 1',
      status: 'open',
      time_zone: 'Australia/Sydney',
      applications_open_at: now,
      applications_close_at: now,
      starts_on: '2027-03-01',
      ends_on: '2027-07-01',
      quota_enabled: 1,
      quota_percent: 20,
      quota_minimum_places: 5,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const application = (id: string) => ({
    id,
    round_id: 'round-1',
    person_id: null,
    email: 'a@example.org',
    name: 'A',
    country_code: 'AU',
    status: 'submitted',
    answers: '{}',
    edit_token_hash: null,
    submitted_at: now,
    updated_at: now,
  });
  await database.db.insertInto('applications').values(application('app-1')).execute();
  await expect(database.db.insertInto('applications').values(application('app-2')).execute()).rejects.toThrow(
    /unique/i,
  );
});

test('the countries table holds the ISO 3166-1 list', async () => {
  const rows = await database.db
    .selectFrom('countries')
    .selectAll()
    .where('code', 'in', ['AU', 'NG', 'PE'])
    .orderBy('code')
    .execute();
  expect(rows).toEqual([
    { code: 'AU', name: 'Australia' },
    { code: 'NG', name: 'Nigeria' },
    { code: 'PE', name: 'Peru' },
  ]);
  const count = await database.db
    .selectFrom('countries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  expect(Number(count.n)).toBeGreaterThan(240);
});

test('0016 fills in the sector and role of the applications already stored, from their answers, and undoes cleanly', async () => {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const down = await migrator.migrateTo('0013-surveys');
  expect(down.error).toBeUndefined();
  const now = new Date().toISOString();
  await sql`insert into rounds (id, name, status, time_zone, applications_open_at, applications_close_at, starts_on, ends_on, quota_enabled, quota_percent, quota_minimum_places, created_at, updated_at)
    values ('round-1', 'Round 1', 'open', 'Australia/Sydney', ${now}, ${now}, '2027-03-01', '2027-07-01', 1, 20, 5, ${now}, ${now})`.execute(
    database.db,
  );
  const answers = [
    // The partner preference's "sectors" must not be taken for the applicant's own sector.
    { sector: 'national-or-state', partnerPreference: { sectors: ['public'] } },
    {
      partnerPreference: { sectors: ['museum'] },
      sector: 'lis-education',
      role: 'Says "sector":"law" (a forgery attempt)',
    },
    { sector: 'public' },
  ];
  for (const [i, answer] of answers.entries()) {
    await sql`insert into applications (id, round_id, email, name, country_code, status, answers, submitted_at, updated_at)
      values (${`app-${i}`}, 'round-1', ${`a${i}@example.org`}, 'A', 'AU', 'pending', ${JSON.stringify(answer)}, ${now}, ${now})`.execute(
      database.db,
    );
  }
  // More than one batch of the backfill (500 rows).
  for (let start = 0; start < 1200; start += 400) {
    await database.db
      .insertInto('applications')
      .values(
        Array.from({ length: 400 }, (_, i) => ({
          id: `many-${String(start + i).padStart(4, '0')}`,
          round_id: 'round-1',
          email: `many-${start + i}@example.org`,
          name: 'M',
          country_code: 'AU',
          status: 'pending',
          answers: JSON.stringify({ sector: 'museum', role: `Role ${start + i}` }),
          submitted_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  await migrateToLatest(database.db);
  const many = await database.db
    .selectFrom('applications')
    .select(['id', 'sector', 'role'])
    .where('id', 'like', 'many-%')
    .orderBy('id')
    .execute();
  expect(many).toEqual(
    Array.from({ length: 1200 }, (_, i) => ({
      id: `many-${String(i).padStart(4, '0')}`,
      sector: 'museum',
      role: `Role ${i}`,
    })),
  );
  const rows = await database.db
    .selectFrom('applications')
    .select(['id', 'sector', 'role'])
    .where('id', 'like', 'app-%')
    .orderBy('id')
    .execute();
  expect(rows).toEqual([
    { id: 'app-0', sector: 'national-or-state', role: '' },
    { id: 'app-1', sector: 'lis-education', role: 'Says "sector":"law" (a forgery attempt)' },
    { id: 'app-2', sector: 'public', role: '' },
  ]);
});
