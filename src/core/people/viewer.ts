/**
 * Who is making a request, as the rules see them. Country coordinators act for a set of
 * countries; program coordinators for everyone. Derived from person_roles at sign-in time.
 */
export interface Viewer {
  personId: string;
  email: string;
  name: string;
  isProgramCoordinator: boolean;
  /** ISO 3166-1 alpha-2 codes this person coordinates. */
  coordinatedCountryCodes: string[];
  /** The IANA zone the person chose to see times in; none: each page's own (a round's, or UTC). */
  timeZone?: string | null;
}

/**
 * Whoever runs `iln` on the server: a program coordinator's powers, and nobody in the people table
 * (audit entries record no person for them, as for the schedule).
 */
export const COMMAND_LINE_OPERATOR: Viewer = {
  personId: '',
  email: '',
  name: '',
  isProgramCoordinator: true,
  coordinatedCountryCodes: [],
};

/** The person to record as having acted: none for the command-line operator. */
export const actorIdOf = (viewer: Viewer): string | null => (viewer.personId === '' ? null : viewer.personId);

export const isCoordinator = (viewer: Viewer | null | undefined): viewer is Viewer =>
  !!viewer && (viewer.isProgramCoordinator || viewer.coordinatedCountryCodes.length > 0);

/** Whether the viewer may see people and applications of a country. */
export const canSeeCountry = (viewer: Viewer, countryCode: string): boolean =>
  viewer.isProgramCoordinator || viewer.coordinatedCountryCodes.includes(countryCode);

/** The viewer a person is, given their roles. */
export const toViewer = (
  person: { id: string; email: string; name: string; timeZone?: string | null },
  roles: readonly { role: string; countryCode: string | null }[],
): Viewer => ({
  personId: person.id,
  email: person.email,
  name: person.name,
  timeZone: person.timeZone ?? null,
  isProgramCoordinator: roles.some((role) => role.role === 'program_coordinator'),
  coordinatedCountryCodes: [
    ...new Set(
      roles
        .filter((role) => role.role === 'country_coordinator' && role.countryCode)
        .map((role) => role.countryCode as string),
    ),
  ].sort(),
});
