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
}

export const isCoordinator = (viewer: Viewer | null | undefined): viewer is Viewer =>
  !!viewer && (viewer.isProgramCoordinator || viewer.coordinatedCountryCodes.length > 0);

/** Whether the viewer may see people and applications of a country. */
export const canSeeCountry = (viewer: Viewer, countryCode: string): boolean =>
  viewer.isProgramCoordinator || viewer.coordinatedCountryCodes.includes(countryCode);
