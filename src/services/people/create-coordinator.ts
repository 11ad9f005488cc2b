import { z } from 'zod';
import { findCountry, getCountryName } from '../../core/countries';
import { DomainError, type FieldProblem, invalidInput } from '../../core/errors';
import { normalizeEmail, type PersonRole } from '../../core/people/person';
import type { Viewer } from '../../core/people/viewer';
import type { UseCaseDeps } from '../ports/deps';
import type { PeopleRepository } from '../ports/people';
import type { Store } from '../ports/store';

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

const EmailSchema = z.email();

const getViewer = async (people: PeopleRepository, email: string): Promise<Viewer> => {
  const viewer = await people.findViewerByEmail(email);
  if (!viewer) throw new DomainError('NOT_FOUND', 'person.notFound', { email });
  return viewer;
};

/** Checks the input; the coordinator's email and roles, or a VALIDATION error listing every problem. */
const checkCoordinatorInput = (input: CreateCoordinatorInput): { email: string; roles: PersonRole[] } => {
  const email = normalizeEmail(input.email);
  const problems: FieldProblem[] = [];
  if (!EmailSchema.safeParse(email).success) {
    problems.push({ field: 'email', code: 'coordinator.email', params: { value: input.email } });
  }
  const countryCodes = [...new Set(input.countryCodes.map((code) => code.trim().toUpperCase()))];
  const unknown = countryCodes.filter((code) => !findCountry(code));
  if (unknown.length > 0) {
    problems.push({
      field: 'countryCodes',
      code: 'coordinator.countries',
      params: { codes: unknown.join(', '), count: unknown.length },
    });
  }
  if (input.name !== undefined && input.name.trim() === '') {
    problems.push({ field: 'name', code: 'coordinator.name' });
  }
  if (problems.length > 0) {
    throw invalidInput(problems);
  }
  const roles: PersonRole[] =
    countryCodes.length === 0
      ? [{ role: 'program_coordinator', countryCode: null }]
      : countryCodes.map((countryCode) => ({ role: 'country_coordinator', countryCode }));
  return { email, roles };
};

/** Makes the person a coordinator inside the caller's transaction (the demo seeds them this way). */
export const grantCoordinator = async (
  store: Pick<Store, 'people' | 'audit'>,
  now: Date,
  input: CreateCoordinatorInput,
): Promise<CreateCoordinatorResult> => {
  const { email, roles } = checkCoordinatorInput(input);
  const { people } = store;
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
  const countryCodes = roles.flatMap((role) => (role.countryCode ? [role.countryCode] : []));
  await people.ensureCountries(countryCodes.map((code) => ({ code, name: getCountryName(code, 'en') })));
  const grantedRoles: PersonRole[] = [];
  for (const role of roles) {
    if (await people.grantRole(person.id, role, now)) grantedRoles.push(role);
  }
  if (isNewPerson || grantedRoles.length > 0) {
    await store.audit.record(
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
  return { personId: person.id, isNewPerson, grantedRoles, viewer: await getViewer(people, email) };
};

export const createCoordinator = async (
  deps: Pick<UseCaseDeps, 'uow' | 'clock'>,
  input: CreateCoordinatorInput,
): Promise<CreateCoordinatorResult> => {
  checkCoordinatorInput(input);
  const now = deps.clock.now();
  return deps.uow.transaction((store) => grantCoordinator(store, now, input));
};
