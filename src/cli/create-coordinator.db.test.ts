import { expect, test } from 'vitest';
import { captureCliIo, useCliEnvironment } from '../../tests/support/cli-environment';
import { loadConfig } from '../config/env';
import { openDatabase } from '../db/connection';
import { createPeopleRepository } from '../db/repositories/people/people-repository';
import { databaseTargetFor } from '../main';
import { UsageError } from './command';
import { createCoordinatorCommand } from './create-coordinator';

// The verb opens the database the environment names: the embedded SQLite file in DATA_DIR, or
// on the PostgreSQL run a fresh database given as DATABASE_URL.
useCliEnvironment();
const capture = captureCliIo;

test('creates a program coordinator, then a country coordinator, idempotently', async () => {
  const first = capture();
  const code = await createCoordinatorCommand.run(['Lead@Example.org', '--name', 'Kim Lead'], first.io);
  expect(first.err).toEqual([]);
  expect(code).toBe(0);
  expect(first.out).toEqual([
    'Created Kim Lead <lead@example.org>, program coordinator. Sign in at http://localhost:3000/sign-in',
  ]);
  const second = capture();
  expect(
    await createCoordinatorCommand.run(['w@example.org', '--country', 'ke', '--country=UG'], second.io),
  ).toBe(0);
  expect(second.out).toEqual([
    'Created w <w@example.org>, country coordinator for KE, UG. Sign in at http://localhost:3000/sign-in',
  ]);
  const again = capture();
  expect(await createCoordinatorCommand.run(['w@example.org', '--country', 'KE'], again.io)).toBe(0);
  expect(again.out[0]).toMatch(/^Unchanged/);

  const database = openDatabase(databaseTargetFor(loadConfig()));
  try {
    const viewer = await createPeopleRepository(database.db).findViewerByEmail('w@example.org');
    expect(viewer?.coordinatedCountryCodes).toEqual(['KE', 'UG']);
  } finally {
    await database.close();
  }
});

test('a bad email or an unknown country is a clear message and exit 2, before the database is opened', async () => {
  const badEmail = capture();
  expect(await createCoordinatorCommand.run(['not-an-email'], badEmail.io)).toBe(2);
  expect(badEmail.err).toEqual(['iln create-coordinator: "not-an-email" is not an email address']);
  const badCountry = capture();
  expect(
    await createCoordinatorCommand.run(
      ['a@example.org', '--country', 'XX', '--country', 'KE'],
      badCountry.io,
    ),
  ).toBe(2);
  expect(badCountry.err).toEqual([
    'iln create-coordinator: unknown country code XX (use ISO 3166-1 alpha-2 codes such as AU or KE)',
  ]);
  await expect(createCoordinatorCommand.run([], capture().io)).rejects.toThrow(UsageError);
  await expect(createCoordinatorCommand.run(['a@example.org', '--role', 'x'], capture().io)).rejects.toThrow(
    'unknown option --role',
  );
});
