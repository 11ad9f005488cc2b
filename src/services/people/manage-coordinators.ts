import { findCountry, getCountryName } from '../../core/countries';
import { DomainError, type FieldProblem, invalidInput } from '../../core/errors';
import type { PersonRole } from '../../core/people/person';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';
import { assertProgramCoordinator } from './access';
import { grantCoordinator } from './create-coordinator';

/**
 * Program coordinators manage coordinators from the web: add one (program-wide, or for some
 * countries), change a coordinator's name, kind and countries, remove one (their coordinator
 * roles; they stay a person, and a participant if they are one). Each change is audited.
 *
 * Two guards, checked inside the transaction with the program coordinators' rows locked, so two
 * coordinators acting at once cannot get round them:
 * - the last program coordinator cannot be removed or made a country coordinator (nobody would be
 *   left to manage the program from the web);
 * - a program coordinator who removes or demotes themselves must confirm it (`confirmSelf`): they
 *   lose this page at once, and it is easy to pick the wrong row.
 */
export type CoordinatorKind = 'program' | 'country';

export interface CoordinatorSummary {
  personId: string;
  name: string;
  email: string;
  isProgramCoordinator: boolean;
  countryCodes: string[];
}

export interface CoordinatorForm {
  kind?: string | undefined;
  countries?: string | readonly string[] | undefined;
  name?: string | undefined;
}

const COORDINATOR_ROLES: readonly string[] = ['program_coordinator', 'country_coordinator'];

const summaryOf = (person: { id: string; name: string; email: string }, roles: readonly PersonRole[]) => ({
  personId: person.id,
  name: person.name,
  email: person.email,
  isProgramCoordinator: roles.some((role) => role.role === 'program_coordinator'),
  countryCodes: roles
    .filter((role) => role.role === 'country_coordinator' && role.countryCode)
    .map((role) => role.countryCode as string)
    .sort(),
});

/** `KE, ng  PE` or repeated fields → `['KE', 'NG', 'PE']`. */
const splitCodes = (countries: CoordinatorForm['countries']): string[] => {
  const parts = typeof countries === 'string' ? [countries] : [...(countries ?? [])];
  return [
    ...new Set(
      parts
        .flatMap((part) => part.split(/[\s,;]+/))
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
};

/** The roles a form asks for, or the problems with it. */
const rolesFromForm = (form: CoordinatorForm): PersonRole[] => {
  const problems: FieldProblem[] = [];
  const kind = form.kind;
  if (kind !== 'program' && kind !== 'country') problems.push({ field: 'kind', code: 'coordinator.kind' });
  const codes = splitCodes(form.countries);
  const unknown = codes.filter((code) => !findCountry(code));
  if (unknown.length > 0) {
    problems.push({
      field: 'countries',
      code: 'coordinator.countries',
      params: { codes: unknown.join(', ').slice(0, 200), count: unknown.length },
    });
  } else if (kind === 'country' && codes.length === 0) {
    problems.push({ field: 'countries', code: 'coordinator.countriesMissing' });
  }
  if (form.name !== undefined && form.name.trim() === '')
    problems.push({ field: 'name', code: 'coordinator.name' });
  if (form.name !== undefined && form.name.trim().length > 200)
    problems.push({ field: 'name', code: 'coordinator.nameTooLong', params: { max: 200 } });
  if (problems.length > 0) throw invalidInput(problems);
  return kind === 'program'
    ? [{ role: 'program_coordinator', countryCode: null }]
    : codes.map((countryCode) => ({ role: 'country_coordinator', countryCode }));
};

const sameRole = (a: PersonRole, b: PersonRole) => a.role === b.role && a.countryCode === b.countryCode;

/**
 * Refuses a change that leaves no program coordinator, or that takes the viewer's own program
 * coordinator role without their confirmation. `losing` is whether the person loses that role.
 */
const guardProgramCoordinators = async (
  store: Store,
  viewer: Viewer,
  target: { personId: string; name: string; losing: boolean },
  confirmSelf: boolean,
) => {
  if (!target.losing) return;
  const programCoordinators = await store.people.lockProgramCoordinators();
  if (programCoordinators.every((id) => id === target.personId)) {
    throw new DomainError('CONFLICT', 'coordinator.lastProgramCoordinator', { name: target.name });
  }
  if (target.personId === viewer.personId && !confirmSelf) {
    throw new DomainError('CONFLICT', 'coordinator.confirmSelf', { name: target.name });
  }
};

const getCoordinator = async (store: Store, personId: string) => {
  const person = await store.people.findPersonById(personId);
  const roles = person
    ? (await store.people.listRoles(person.id)).filter((role) => COORDINATOR_ROLES.includes(role.role))
    : [];
  if (!person || roles.length === 0) throw new DomainError('NOT_FOUND', 'coordinator.notFound', { personId });
  return { person, roles };
};

export const listCoordinators = async (
  deps: UseCaseDeps,
  viewer: Viewer | null,
): Promise<CoordinatorSummary[]> => {
  assertProgramCoordinator(viewer, 'list coordinators');
  return (await deps.store.people.listCoordinators()).map(({ person, roles }) => summaryOf(person, roles));
};

export const findCoordinator = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; personId: string },
): Promise<CoordinatorSummary> => {
  assertProgramCoordinator(input.viewer, 'see a coordinator');
  const { person, roles } = await getCoordinator(deps.store, input.personId);
  return summaryOf(person, roles);
};

/** Adds a coordinator; someone who is one already is changed on their own page instead. */
export const addCoordinator = async (
  deps: UseCaseDeps,
  input: CoordinatorForm & { viewer: Viewer | null; email?: string | undefined },
): Promise<CoordinatorSummary> => {
  const viewer = assertProgramCoordinator(input.viewer, 'add coordinators');
  const roles = rolesFromForm({ ...input, name: input.name?.trim() === '' ? undefined : input.name });
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const existing = await store.people.findPersonByEmail(input.email ?? '');
    if (existing) {
      const held = await store.people.listRoles(existing.id);
      if (held.some((role) => COORDINATOR_ROLES.includes(role.role))) {
        throw new DomainError('CONFLICT', 'coordinator.exists', { email: existing.email });
      }
    }
    const created = await grantCoordinator(store, now, {
      email: input.email ?? '',
      ...(input.name?.trim() ? { name: input.name } : {}),
      countryCodes: roles.flatMap((role) => (role.countryCode ? [role.countryCode] : [])),
      actorPersonId: actorIdOf(viewer),
    });
    const person = (await store.people.findPersonById(created.personId))!;
    return summaryOf(person, await store.people.listRoles(person.id));
  });
};

/** Sets a coordinator's name, kind and countries to what the form says. */
export const changeCoordinator = async (
  deps: UseCaseDeps,
  input: CoordinatorForm & { viewer: Viewer | null; personId: string; confirmSelf?: boolean },
): Promise<CoordinatorSummary> => {
  const viewer = assertProgramCoordinator(input.viewer, 'change coordinators');
  const wanted = rolesFromForm(input);
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const { person, roles } = await getCoordinator(store, input.personId);
    const isProgram = roles.some((role) => role.role === 'program_coordinator');
    const staysProgram = wanted.some((role) => role.role === 'program_coordinator');
    await guardProgramCoordinators(
      store,
      viewer,
      { personId: person.id, name: person.name, losing: isProgram && !staysProgram },
      input.confirmSelf === true,
    );
    const removed = roles.filter((role) => !wanted.some((other) => sameRole(role, other)));
    const added = wanted.filter((role) => !roles.some((other) => sameRole(role, other)));
    const name = input.name?.trim();
    const renamed = name !== undefined && name !== person.name;
    if (removed.length === 0 && added.length === 0 && !renamed) return summaryOf(person, roles);
    await store.people.ensureCountries(
      added.flatMap((role) =>
        role.countryCode ? [{ code: role.countryCode, name: getCountryName(role.countryCode, 'en') }] : [],
      ),
    );
    for (const role of removed) await store.people.revokeRole(person.id, role);
    for (const role of added) await store.people.grantRole(person.id, role, now);
    if (renamed) await store.people.renamePerson(person.id, name, now);
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'coordinator.changed',
        subjectType: 'person',
        subjectId: person.id,
        details: {
          email: person.email,
          removedRoles: removed,
          grantedRoles: added,
          ...(renamed ? { name: { from: person.name, to: name } } : {}),
        },
      },
      now,
    );
    const after = (await store.people.listRoles(person.id)).filter((role) =>
      COORDINATOR_ROLES.includes(role.role),
    );
    return summaryOf({ ...person, name: renamed ? name : person.name }, after);
  });
};

/** Takes every coordinator role from a person (they stay in the program otherwise). */
export const removeCoordinator = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; personId: string; confirmSelf?: boolean },
): Promise<CoordinatorSummary> => {
  const viewer = assertProgramCoordinator(input.viewer, 'remove coordinators');
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const { person, roles } = await getCoordinator(store, input.personId);
    await guardProgramCoordinators(
      store,
      viewer,
      {
        personId: person.id,
        name: person.name,
        losing: roles.some((role) => role.role === 'program_coordinator') || person.id === viewer.personId,
      },
      input.confirmSelf === true,
    );
    for (const role of roles) await store.people.revokeRole(person.id, role);
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'coordinator.removed',
        subjectType: 'person',
        subjectId: person.id,
        details: { email: person.email, removedRoles: roles },
      },
      now,
    );
    return summaryOf(person, roles);
  });
};
