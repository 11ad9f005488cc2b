import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database';
import type { PeopleRepository } from '../../../services/ports/people';
import { createPeopleRepository } from './people-repository';

let database: TestDatabase;
let people: PeopleRepository;
const now = new Date('2027-02-01T10:00:00.000Z');

beforeEach(async () => {
  database = await createTestDatabase();
  people = createPeopleRepository(database.db);
  await people.ensureCountries([
    { code: 'AU', name: 'Australia' },
    { code: 'KE', name: 'Kenya' },
  ]);
});
afterEach(async () => {
  await database.dispose();
});

test('a person is stored with a lower-cased email and found by any casing', async () => {
  const created = await people.createPerson({ email: '  Ada@Example.ORG ', name: 'Ada' }, now);
  expect(created).toEqual({
    id: created.id,
    email: 'ada@example.org',
    name: 'Ada',
    locale: 'en',
    timeZone: null,
    createdAt: '2027-02-01T10:00:00.000Z',
    updatedAt: '2027-02-01T10:00:00.000Z',
  });
  expect(await people.findPersonByEmail('ADA@example.org')).toEqual(created);
  expect(await people.findPersonById(created.id)).toEqual(created);
  expect(await people.findPersonByEmail('nobody@example.org')).toBeUndefined();
});

test('granting a role twice keeps one row, for program-wide and country roles alike', async () => {
  const person = await people.createPerson({ email: 'c@example.org', name: 'C' }, now);
  expect(await people.grantRole(person.id, { role: 'program_coordinator', countryCode: null }, now)).toBe(
    true,
  );
  expect(await people.grantRole(person.id, { role: 'program_coordinator', countryCode: null }, now)).toBe(
    false,
  );
  expect(await people.grantRole(person.id, { role: 'country_coordinator', countryCode: 'KE' }, now)).toBe(
    true,
  );
  expect(await people.grantRole(person.id, { role: 'country_coordinator', countryCode: 'KE' }, now)).toBe(
    false,
  );
  expect(await people.grantRole(person.id, { role: 'country_coordinator', countryCode: 'AU' }, now)).toBe(
    true,
  );
  expect(await people.listRoles(person.id)).toEqual([
    { role: 'country_coordinator', countryCode: 'AU' },
    { role: 'country_coordinator', countryCode: 'KE' },
    { role: 'program_coordinator', countryCode: null },
  ]);
});

test('the viewer carries the roles', async () => {
  const person = await people.createPerson({ email: 'cc@example.org', name: 'Country Coordinator' }, now);
  await people.grantRole(person.id, { role: 'country_coordinator', countryCode: 'KE' }, now);
  await people.grantRole(person.id, { role: 'country_coordinator', countryCode: 'AU' }, now);
  await people.grantRole(person.id, { role: 'participant', countryCode: null }, now);
  expect(await people.findViewerByEmail('CC@example.org')).toEqual({
    personId: person.id,
    email: 'cc@example.org',
    name: 'Country Coordinator',
    isProgramCoordinator: false,
    coordinatedCountryCodes: ['AU', 'KE'],
  });
  expect(await people.findViewerByEmail('nobody@example.org')).toBeUndefined();
});
