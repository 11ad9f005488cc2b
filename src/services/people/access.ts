import { DomainError } from '../../core/errors';
import { isCoordinator, type Viewer } from '../../core/people/viewer';
import type { CountryScope } from '../ports/review';

/** The guard clauses the round and review use cases share. */
export const assertCoordinator = (viewer: Viewer | null, doing: string): Viewer => {
  if (!viewer) throw new DomainError('UNAUTHENTICATED', `Sign in to ${doing}.`);
  if (!isCoordinator(viewer)) {
    const who: Viewer = viewer;
    throw new DomainError('FORBIDDEN', `${who.email} is not a coordinator, so cannot ${doing}.`);
  }
  return viewer;
};

export const assertProgramCoordinator = (viewer: Viewer | null, doing: string): Viewer => {
  const coordinator = assertCoordinator(viewer, doing);
  if (!coordinator.isProgramCoordinator) {
    throw new DomainError(
      'FORBIDDEN',
      `Only program coordinators can ${doing}; ${coordinator.email} is a country coordinator.`,
    );
  }
  return coordinator;
};

/** Which countries' applications the viewer may see. */
export const scopeOf = (viewer: Viewer): CountryScope =>
  viewer.isProgramCoordinator
    ? { kind: 'all' }
    : { kind: 'countries', countryCodes: viewer.coordinatedCountryCodes };
