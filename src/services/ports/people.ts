import type { NewPerson, Person, PersonRole } from '../../core/people/person';
import type { Viewer } from '../../core/people/viewer';

export interface PeopleRepository {
  findPersonByEmail: (email: string) => Promise<Person | undefined>;
  findPersonById: (id: string) => Promise<Person | undefined>;
  createPerson: (input: NewPerson, now: Date) => Promise<Person>;
  /** Sets the name of an existing person. */
  renamePerson: (personId: string, name: string, now: Date) => Promise<void>;
  /** Sets the zone the person sees times in (null: each page's own). */
  setTimeZone: (personId: string, timeZone: string | null, now: Date) => Promise<void>;
  /** Grants a role; granting one the person already has changes nothing and returns false. */
  grantRole: (personId: string, role: PersonRole, now: Date) => Promise<boolean>;
  listRoles: (personId: string) => Promise<PersonRole[]>;
  /**
   * Makes sure each of these people exists (found by email, created otherwise, never renamed) and
   * has the role. Returns their ids by normalised email. For many people at once: a published run
   * makes thousands of participants.
   */
  ensurePeopleWithRole: (
    people: readonly NewPerson[],
    role: PersonRole,
    now: Date,
  ) => Promise<Map<string, string>>;
  findViewerByEmail: (email: string) => Promise<Viewer | undefined>;
  /** Makes sure the countries named exist in the countries table (person_roles refers to it). */
  ensureCountries: (countries: { code: string; name: string }[]) => Promise<void>;
  /** Everyone with a coordinator role, with all their roles, by name. */
  listCoordinators: () => Promise<{ person: Person; roles: PersonRole[] }[]>;
  /** Takes a role away; false when the person did not have it. */
  revokeRole: (personId: string, role: PersonRole) => Promise<boolean>;
  /**
   * The program coordinators' ids, with their role rows locked until the transaction ends: of two
   * transactions removing program coordinators at once, the second waits and then sees the first's
   * change, so together they cannot remove the last one.
   */
  lockProgramCoordinators: () => Promise<string[]>;
}

export type SignInAttemptKind = 'email' | 'ip';

/** Durable counts behind the sign-in rate limit (they survive restarts and work on both databases). */
export interface SignInAttemptsRepository {
  countSince: (kind: SignInAttemptKind, keyHash: string, since: Date) => Promise<number>;
  record: (kind: SignInAttemptKind, keyHash: string, at: Date) => Promise<void>;
  /** Forgets attempts older than `before`; they no longer count for anything. */
  pruneBefore: (before: Date) => Promise<void>;
}
