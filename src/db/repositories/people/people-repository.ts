import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type NewPerson, normalizeEmail, type Person, type PersonRole } from '../../../core/people/person';
import { toViewer } from '../../../core/people/viewer';
import type { PeopleRepository } from '../../../services/ports/people';
import type { Database } from '../../schema';
import type { PeopleTable } from '../../tables/core';

/** Statements over many rows go in slices, well under either database's limit on parameters. */
const slices = <T>(items: readonly T[], size = 500): T[][] => {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
};

const toPerson = (row: PeopleTable): Person => ({
  id: row.id,
  email: row.email,
  name: row.name,
  locale: row.locale,
  timeZone: row.time_zone,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const createPeopleRepository = (db: Kysely<Database>): PeopleRepository => {
  const findPersonByEmail = async (email: string) => {
    const row = await db
      .selectFrom('people')
      .selectAll()
      .where('email', '=', normalizeEmail(email))
      .executeTakeFirst();
    return row ? toPerson(row) : undefined;
  };

  const listRoles = async (personId: string): Promise<PersonRole[]> => {
    const rows = await db
      .selectFrom('person_roles')
      .select(['role', 'country_code'])
      .where('person_id', '=', personId)
      .orderBy('role')
      .orderBy('country_code')
      .execute();
    return rows.map((row) => ({ role: row.role, countryCode: row.country_code }));
  };

  const findViewerByEmail = async (email: string) => {
    const person = await findPersonByEmail(email);
    return person ? toViewer(person, await listRoles(person.id)) : undefined;
  };

  return {
    findPersonByEmail,
    listRoles,
    findViewerByEmail,

    findPersonById: async (id) => {
      const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toPerson(row) : undefined;
    },

    createPerson: async (input, now) => {
      const at = now.toISOString();
      const row: PeopleTable = {
        id: randomUUID(),
        email: normalizeEmail(input.email),
        name: input.name.trim(),
        locale: input.locale ?? 'en',
        time_zone: input.timeZone ?? null,
        created_at: at,
        updated_at: at,
      };
      await db.insertInto('people').values(row).execute();
      return toPerson(row);
    },

    renamePerson: async (personId, name, now) => {
      await db
        .updateTable('people')
        .set({ name: name.trim(), updated_at: now.toISOString() })
        .where('id', '=', personId)
        .execute();
    },

    setTimeZone: async (personId, timeZone, now) => {
      await db
        .updateTable('people')
        .set({ time_zone: timeZone, updated_at: now.toISOString() })
        .where('id', '=', personId)
        .execute();
    },

    grantRole: async (personId, { role, countryCode }, now) => {
      // NULL never equals NULL in a unique constraint, so the program-wide roles are checked here.
      const existing = await db
        .selectFrom('person_roles')
        .select('id')
        .where('person_id', '=', personId)
        .where('role', '=', role)
        .where((eb) =>
          countryCode === null ? eb('country_code', 'is', null) : eb('country_code', '=', countryCode),
        )
        .executeTakeFirst();
      if (existing) return false;
      await db
        .insertInto('person_roles')
        .values({
          id: randomUUID(),
          person_id: personId,
          role,
          country_code: countryCode,
          created_at: now.toISOString(),
        })
        .execute();
      return true;
    },

    ensurePeopleWithRole: async (input, { role, countryCode }, now) => {
      const at = now.toISOString();
      const wanted = new Map<string, NewPerson>();
      for (const person of input) wanted.set(normalizeEmail(person.email), person);
      const ids = new Map<string, string>();
      const emails = [...wanted.keys()];
      for (const slice of slices(emails)) {
        const rows = await db
          .selectFrom('people')
          .select(['id', 'email'])
          .where('email', 'in', slice)
          .execute();
        for (const row of rows) ids.set(row.email, row.id);
      }
      const created: PeopleTable[] = emails
        .filter((email) => !ids.has(email))
        .map((email) => {
          const person = wanted.get(email)!;
          return {
            id: randomUUID(),
            email,
            name: person.name.trim(),
            locale: person.locale ?? 'en',
            time_zone: person.timeZone ?? null,
            created_at: at,
            updated_at: at,
          };
        });
      for (const slice of slices(created)) await db.insertInto('people').values(slice).execute();
      for (const row of created) ids.set(row.email, row.id);
      const personIds = [...ids.values()];
      const holding = new Set<string>();
      for (const slice of slices(personIds)) {
        const rows = await db
          .selectFrom('person_roles')
          .select('person_id')
          .where('role', '=', role)
          .where((eb) =>
            countryCode === null ? eb('country_code', 'is', null) : eb('country_code', '=', countryCode),
          )
          .where('person_id', 'in', slice)
          .execute();
        for (const row of rows) holding.add(row.person_id);
      }
      const roles = personIds
        .filter((id) => !holding.has(id))
        .map((personId) => ({
          id: randomUUID(),
          person_id: personId,
          role,
          country_code: countryCode,
          created_at: at,
        }));
      for (const slice of slices(roles)) await db.insertInto('person_roles').values(slice).execute();
      return ids;
    },

    listCoordinators: async () => {
      const rows = await db
        .selectFrom('person_roles')
        .innerJoin('people', 'people.id', 'person_roles.person_id')
        .selectAll('people')
        .select(['person_roles.role', 'person_roles.country_code'])
        .where('person_roles.role', 'in', ['program_coordinator', 'country_coordinator'])
        .orderBy('people.name')
        .orderBy('people.email')
        .orderBy('person_roles.role')
        .orderBy('person_roles.country_code')
        .execute();
      const coordinators = new Map<string, { person: Person; roles: PersonRole[] }>();
      for (const row of rows) {
        let coordinator = coordinators.get(row.id);
        if (!coordinator) {
          coordinator = { person: toPerson(row), roles: [] };
          coordinators.set(row.id, coordinator);
        }
        coordinator.roles.push({ role: row.role, countryCode: row.country_code });
      }
      return [...coordinators.values()];
    },

    revokeRole: async (personId, { role, countryCode }) => {
      const result = await db
        .deleteFrom('person_roles')
        .where('person_id', '=', personId)
        .where('role', '=', role)
        .where((eb) =>
          countryCode === null ? eb('country_code', 'is', null) : eb('country_code', '=', countryCode),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    // An UPDATE that changes nothing takes the rows' write locks on both databases (SQLite has no
    // SELECT … FOR UPDATE); on PostgreSQL a second one waits for the first's commit and then
    // re-reads the rows, skipping any the first deleted.
    lockProgramCoordinators: async () => {
      const rows = await db
        .updateTable('person_roles')
        .set((eb) => ({ created_at: eb.ref('created_at') }))
        .where('role', '=', 'program_coordinator')
        .returning('person_id')
        .execute();
      return [...new Set(rows.map((row) => row.person_id))].sort();
    },

    ensureCountries: async (countries) => {
      if (countries.length === 0) return;
      await db
        .insertInto('countries')
        .values(countries)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    },
  };
};
