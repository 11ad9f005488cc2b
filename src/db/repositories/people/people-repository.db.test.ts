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
    timeZone: null,
  });
  // The zone the person chose to see times in travels with the viewer; null goes back to none.
  await people.setTimeZone(person.id, 'Asia/Kolkata', now);
  expect((await people.findViewerByEmail('cc@example.org'))?.timeZone).toBe('Asia/Kolkata');
  await people.setTimeZone(person.id, null, now);
  expect((await people.findViewerByEmail('cc@example.org'))?.timeZone).toBeNull();
  expect(await people.findViewerByEmail('nobody@example.org')).toBeUndefined();
});

test('ensuring many people with a role reuses people by email, creates the rest, and grants the role once', async () => {
  const existing = await people.createPerson({ email: 'old@example.org', name: 'Old Name' }, now);
  await people.grantRole(existing.id, { role: 'country_coordinator', countryCode: 'KE' }, now);
  const participant = { role: 'participant', countryCode: null } as const;
  const ids = await people.ensurePeopleWithRole(
    [
      { email: 'OLD@example.org', name: 'New Name' },
      { email: 'new@example.org', name: 'Newcomer', locale: 'pt', timeZone: 'America/Sao_Paulo' },
    ],
    participant,
    now,
  );
  expect(ids.get('old@example.org')).toBe(existing.id);
  const created = await people.findPersonByEmail('new@example.org');
  expect(created).toMatchObject({
    id: ids.get('new@example.org'),
    name: 'Newcomer',
    locale: 'pt',
    timeZone: 'America/Sao_Paulo',
  });
  // Nobody is renamed, and what they had stays.
  expect((await people.findPersonById(existing.id))?.name).toBe('Old Name');
  expect(await people.listRoles(existing.id)).toEqual([
    { role: 'country_coordinator', countryCode: 'KE' },
    { role: 'participant', countryCode: null },
  ]);
  // Again: the same ids, no second row of anything.
  const again = await people.ensurePeopleWithRole(
    [{ email: 'new@example.org', name: 'X' }],
    participant,
    now,
  );
  expect(again.get('new@example.org')).toBe(created?.id);
  expect(await people.listRoles(created!.id)).toEqual([participant]);
  expect(await database.db.selectFrom('people').select('id').execute()).toHaveLength(2);
  // Many at once, past one statement's slice.
  const many = Array.from({ length: 1200 }, (_, i) => ({ email: `p${i}@example.org`, name: `P ${i}` }));
  expect((await people.ensurePeopleWithRole(many, participant, now)).size).toBe(1200);
  expect(
    await database.db.selectFrom('person_roles').select('id').where('role', '=', 'participant').execute(),
  ).toHaveLength(1202);
});
