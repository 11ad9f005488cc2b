import { afterEach, beforeEach, expect, test } from 'vitest';
import { testServiceDeps } from '../../../tests/support/mail';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { createPeopleRepository } from '../../db/repositories/people/people-repository';
import type { UseCaseDeps } from '../ports/deps';
import type { PeopleRepository } from '../ports/people';
import { createCoordinator } from './create-coordinator';

let database: TestDatabase;
let people: PeopleRepository;
let deps: UseCaseDeps;
const now = () => new Date('2027-02-01T10:00:00.000Z');

beforeEach(async () => {
  database = await createTestDatabase();
  people = createPeopleRepository(database.db);
  deps = testServiceDeps(database, { now });
});
afterEach(async () => {
  await database.dispose();
});

const auditRows = () => database.db.selectFrom('audit_log').selectAll().orderBy('at').execute();

test('without countries the person becomes a program coordinator, and an audit row is written', async () => {
  const result = await createCoordinator(deps, {
    email: 'Lead@Example.org',
    name: 'Lead',
    countryCodes: [],
    actorPersonId: null,
  });
  expect(result).toEqual({
    personId: result.personId,
    isNewPerson: true,
    grantedRoles: [{ role: 'program_coordinator', countryCode: null }],
    viewer: {
      personId: result.personId,
      email: 'lead@example.org',
      name: 'Lead',
      isProgramCoordinator: true,
      coordinatedCountryCodes: [],
      // Not chosen yet: pages show times in the program's zone, in the browser's language.
      timeZone: null,
      locale: null,
    },
  });
  const audit = await auditRows();
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({
    action: 'coordinator.created',
    subject_type: 'person',
    subject_id: result.personId,
    actor_person_id: null,
  });
  expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({
    email: 'lead@example.org',
    isNewPerson: true,
    grantedRoles: [{ role: 'program_coordinator', countryCode: null }],
  });
});

test('with countries the person coordinates those countries, which are in the countries table', async () => {
  const result = await createCoordinator(deps, {
    email: 'cc@example.org',
    countryCodes: ['ke', 'AU'],
    actorPersonId: null,
  });
  expect(result.viewer).toMatchObject({
    name: 'cc',
    isProgramCoordinator: false,
    coordinatedCountryCodes: ['AU', 'KE'],
  });
  const countries = await database.db
    .selectFrom('countries')
    .selectAll()
    .where('code', 'in', ['AU', 'KE'])
    .orderBy('code')
    .execute();
  expect(countries).toEqual([
    { code: 'AU', name: 'Australia' },
    { code: 'KE', name: 'Kenya' },
  ]);
});

test('running it again changes nothing and writes no second audit row', async () => {
  const input = { email: 'cc@example.org', name: 'CC', countryCodes: ['KE'], actorPersonId: null };
  const first = await createCoordinator(deps, input);
  const second = await createCoordinator(deps, input);
  expect(second).toEqual({ ...first, isNewPerson: false, grantedRoles: [] });
  expect(await people.listRoles(first.personId)).toEqual([
    { role: 'country_coordinator', countryCode: 'KE' },
  ]);
  expect(await auditRows()).toHaveLength(1);
});

test('an existing person gains a further role and keeps the others', async () => {
  const first = await createCoordinator(deps, {
    email: 'cc@example.org',
    countryCodes: ['KE'],
    actorPersonId: null,
  });
  const second = await createCoordinator(deps, {
    email: 'cc@example.org',
    name: 'Renamed',
    countryCodes: ['AU', 'KE'],
    actorPersonId: first.personId,
  });
  expect(second.grantedRoles).toEqual([{ role: 'country_coordinator', countryCode: 'AU' }]);
  expect(second.viewer).toMatchObject({ name: 'Renamed', coordinatedCountryCodes: ['AU', 'KE'] });
  // One entry by nobody (the first grant), one by the person; the clock stands still, so no order.
  expect((await auditRows()).map((row) => row.actor_person_id ?? 'nobody').sort()).toEqual(
    ['nobody', first.personId].sort(),
  );
});

test('unknown country codes are a VALIDATION error naming them, and nothing is written', async () => {
  await expect(
    createCoordinator(deps, {
      email: 'cc@example.org',
      countryCodes: ['KE', 'XX', 'zz'],
      actorPersonId: null,
    }),
  ).rejects.toMatchObject({
    code: 'VALIDATION',
    details: [
      { field: 'countryCodes', code: 'coordinator.countries', params: { codes: 'XX, ZZ', count: 2 } },
    ],
  });
  expect(await people.findPersonByEmail('cc@example.org')).toBeUndefined();
  expect(await auditRows()).toEqual([]);
});

test('a malformed email address is a VALIDATION error', async () => {
  await expect(
    createCoordinator(deps, { email: 'not-an-email', countryCodes: [], actorPersonId: null }),
  ).rejects.toMatchObject({
    code: 'VALIDATION',
    details: [{ field: 'email', code: 'coordinator.email', params: { value: 'not-an-email' } }],
  });
});
