import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database';
import { createPeopleRepository, type PeopleRepository } from './people-repository';

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
  expect(await people.getViewerByEmail('CC@example.org')).toEqual({
    personId: person.id,
    email: 'cc@example.org',
    name: 'Country Coordinator',
    isProgramCoordinator: false,
    coordinatedCountryCodes: ['AU', 'KE'],
  });
  expect(await people.findViewerByEmail('nobody@example.org')).toBeUndefined();
  await expect(people.getViewerByEmail('nobody@example.org')).rejects.toMatchObject({
    code: 'NOT_FOUND',
    message: 'No person has the email address nobody@example.org.',
  });
});

test('a transaction rolls back everything when its work fails', async () => {
  await expect(
    people.transaction(async (tx) => {
      await tx.createPerson({ email: 'rolled@example.org', name: 'R' }, now);
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  expect(await people.findPersonByEmail('rolled@example.org')).toBeUndefined();
});

test('audit entries are written with JSON details', async () => {
  await people.appendAuditEntry(
    { actorPersonId: null, action: 'test.done', subjectType: 'person', subjectId: 'p1', details: { a: 1 } },
    now,
  );
  const rows = await database.db.selectFrom('audit_log').selectAll().execute();
  expect(rows).toEqual([
    {
      id: rows[0]?.id,
      at: '2027-02-01T10:00:00.000Z',
      actor_person_id: null,
      action: 'test.done',
      subject_type: 'person',
      subject_id: 'p1',
      details: '{"a":1}',
    },
  ]);
});
