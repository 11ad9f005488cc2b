import { z } from 'zod';
import { findCountry, getCountryName } from '../../core/countries';
import { DomainError, type FieldProblem } from '../../core/errors';
import type { Viewer } from '../../core/people/viewer';
import {
  normalizeEmail,
  type PeopleRepository,
  type PersonRole,
} from '../../db/repositories/people/people-repository';

/**
 * Makes someone a coordinator: a program coordinator when no countries are named, otherwise a
 * country coordinator of each country named. Creates the person if the address is new. Running it
 * again with the same input changes nothing and is not an error.
 */
export interface CreateCoordinatorInput {
  email: string;
  /** Used when the person is new, or to rename an existing person when given. */
  name?: string;
  /** ISO 3166-1 alpha-2 codes; empty for a program coordinator. */
  countryCodes: string[];
  /** Who did it (null from the command line). */
  actorPersonId: string | null;
}

export interface CreateCoordinatorResult {
  personId: string;
  isNewPerson: boolean;
  /** The roles this call added (empty when the person already had them all). */
  grantedRoles: PersonRole[];
  viewer: Viewer;
}

export interface CreateCoordinatorDeps {
  people: PeopleRepository;
  now: () => Date;
}

const EmailSchema = z.email();

export const createCoordinator = async (
  deps: CreateCoordinatorDeps,
  input: CreateCoordinatorInput,
): Promise<CreateCoordinatorResult> => {
  const email = normalizeEmail(input.email);
  const problems: FieldProblem[] = [];
  if (!EmailSchema.safeParse(email).success) {
    problems.push({ field: 'email', message: `"${input.email}" is not an email address.` });
  }
  const countryCodes = [...new Set(input.countryCodes.map((code) => code.trim().toUpperCase()))];
  const unknown = countryCodes.filter((code) => !findCountry(code));
  if (unknown.length > 0) {
    problems.push({
      field: 'countryCodes',
      message: `Unknown country code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (use ISO 3166-1 alpha-2 codes such as AU or KE).`,
    });
  }
  if (input.name !== undefined && input.name.trim() === '') {
    problems.push({ field: 'name', message: 'The name must not be empty.' });
  }
  if (problems.length > 0) {
    throw new DomainError('VALIDATION', problems.map((problem) => problem.message).join(' '), problems);
  }

  const roles: PersonRole[] =
    countryCodes.length === 0
      ? [{ role: 'program_coordinator', countryCode: null }]
      : countryCodes.map((countryCode) => ({ role: 'country_coordinator', countryCode }));

  return deps.people.transaction(async (people) => {
    const now = deps.now();
    let person = await people.findPersonByEmail(email);
    const isNewPerson = !person;
    if (!person) {
      person = await people.createPerson(
        { email, name: input.name?.trim() || email.split('@')[0] || email },
        now,
      );
    } else if (input.name && input.name.trim() !== person.name) {
      await people.renamePerson(person.id, input.name, now);
    }
    await people.ensureCountries(countryCodes.map((code) => ({ code, name: getCountryName(code, 'en') })));
    const grantedRoles: PersonRole[] = [];
    for (const role of roles) {
      if (await people.grantRole(person.id, role, now)) grantedRoles.push(role);
    }
    if (isNewPerson || grantedRoles.length > 0) {
      await people.appendAuditEntry(
        {
          actorPersonId: input.actorPersonId,
          action: 'coordinator.created',
          subjectType: 'person',
          subjectId: person.id,
          details: { email, isNewPerson, grantedRoles },
        },
        now,
      );
    }
    return { personId: person.id, isNewPerson, grantedRoles, viewer: await people.getViewerByEmail(email) };
  });
};
