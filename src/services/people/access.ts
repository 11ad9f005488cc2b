import { DomainError } from '../../core/errors';
import { isCoordinator, type Viewer } from '../../core/people/viewer';
import type { CountryScope } from '../ports/review';

/**
 * The guard clauses the use cases share. `doing` names what was attempted, for the log
 * (`review applications`); people see the reason's translation.
 */
export const assertSignedIn = (viewer: Viewer | null, doing: string): Viewer => {
  if (!viewer) throw new DomainError('UNAUTHENTICATED', 'access.signInFirst', { doing });
  return viewer;
};

export const assertCoordinator = (viewer: Viewer | null, doing: string): Viewer => {
  if (!viewer) throw new DomainError('UNAUTHENTICATED', 'access.signInFirst', { doing });
  if (!isCoordinator(viewer)) {
    const who: Viewer = viewer;
    throw new DomainError('FORBIDDEN', 'access.coordinatorsOnly', { doing, email: who.email });
  }
  return viewer;
};

export const assertProgramCoordinator = (viewer: Viewer | null, doing: string): Viewer => {
  const coordinator = assertCoordinator(viewer, doing);
  if (!coordinator.isProgramCoordinator) {
    throw new DomainError('FORBIDDEN', 'access.programCoordinatorsOnly', { doing, email: coordinator.email });
  }
  return coordinator;
};

/** Which countries' applications the viewer may see. */
export const scopeOf = (viewer: Viewer): CountryScope =>
  viewer.isProgramCoordinator
    ? { kind: 'all' }
    : { kind: 'countries', countryCodes: viewer.coordinatedCountryCodes };
