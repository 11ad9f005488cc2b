import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError } from '../../../core/errors';
import type { Viewer } from '../../../core/people/viewer';
import type { Database } from '../../schema';
import type { PeopleTable, PersonRolesTable } from '../../tables/core';
import { type AuditEntry, insertAuditEntry } from '../audit/audit-log';

/** A person as the rest of the program sees them (rows ⇄ core types happens here only). */
export interface Person {
  id: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string | null;
  createdAt: string;
  updatedAt: string;
}

export type RoleName = PersonRolesTable['role'];

export interface PersonRole {
  role: RoleName;
  /** Set for country coordinators only. */
  countryCode: string | null;
}

export interface NewPerson {
  email: string;
  name: string;
  locale?: string;
  timeZone?: string | null;
}

export type { AuditEntry };

export interface PeopleRepository {
  findPersonByEmail: (email: string) => Promise<Person | undefined>;
  findPersonById: (id: string) => Promise<Person | undefined>;
  createPerson: (input: NewPerson, now: Date) => Promise<Person>;
  /** Sets the name of an existing person. */
  renamePerson: (personId: string, name: string, now: Date) => Promise<void>;
  /** Grants a role; granting one the person already has changes nothing and returns false. */
  grantRole: (personId: string, role: PersonRole, now: Date) => Promise<boolean>;
  listRoles: (personId: string) => Promise<PersonRole[]>;
  findViewerByEmail: (email: string) => Promise<Viewer | undefined>;
  /** Like findViewerByEmail, but a missing person is a NOT_FOUND error. */
  getViewerByEmail: (email: string) => Promise<Viewer>;
  /** Makes sure the countries named exist in the countries table (person_roles refers to it). */
  ensureCountries: (countries: { code: string; name: string }[]) => Promise<void>;
  appendAuditEntry: (entry: AuditEntry, now: Date) => Promise<void>;
  /** Runs `work` in one transaction with a repository bound to it. */
  transaction: <T>(work: (people: PeopleRepository) => Promise<T>) => Promise<T>;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const toPerson = (row: PeopleTable): Person => ({
  id: row.id,
  email: row.email,
  name: row.name,
  locale: row.locale,
  timeZone: row.time_zone,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const toViewer = (person: Person, roles: PersonRole[]): Viewer => ({
  personId: person.id,
  email: person.email,
  name: person.name,
  isProgramCoordinator: roles.some((role) => role.role === 'program_coordinator'),
  coordinatedCountryCodes: [
    ...new Set(
      roles
        .filter((role) => role.role === 'country_coordinator' && role.countryCode)
        .map((role) => role.countryCode as string),
    ),
  ].sort(),
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

    getViewerByEmail: async (email) => {
      const viewer = await findViewerByEmail(email);
      if (!viewer)
        throw new DomainError('NOT_FOUND', `No person has the email address ${normalizeEmail(email)}.`);
      return viewer;
    },

    ensureCountries: async (countries) => {
      if (countries.length === 0) return;
      await db
        .insertInto('countries')
        .values(countries)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    },

    appendAuditEntry: (entry, now) => insertAuditEntry(db, entry, now),

    transaction: (work) =>
      db.isTransaction
        ? work(createPeopleRepository(db))
        : db.transaction().execute((trx) => work(createPeopleRepository(trx))),
  };
};
