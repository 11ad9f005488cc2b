import { DomainError } from '../../core/errors';
import { isCoordinator, type Viewer } from '../../core/people/viewer';
import type {
  CoordinatorDashboardRepository,
  CountryScope,
  RoundSummary,
} from '../../db/repositories/review/coordinator-dashboard-repository';

export interface CoordinatorDashboard {
  rounds: RoundSummary[];
  /** Null for program coordinators (every country). */
  countryCodes: string[] | null;
}

/** What a coordinator sees first: every round, with application counts for their countries only. */
export const loadCoordinatorDashboard = async (
  deps: { dashboard: CoordinatorDashboardRepository },
  viewer: Viewer | null,
): Promise<CoordinatorDashboard> => {
  if (!viewer) throw new DomainError('UNAUTHENTICATED', 'Sign in to see the coordinator dashboard.');
  const { email } = viewer;
  if (!isCoordinator(viewer)) {
    throw new DomainError('FORBIDDEN', `${email} is not a coordinator, so cannot see the dashboard.`);
  }
  const scope: CountryScope = viewer.isProgramCoordinator
    ? { kind: 'all' }
    : { kind: 'countries', countryCodes: viewer.coordinatedCountryCodes };
  return {
    rounds: await deps.dashboard.listRoundSummaries(scope),
    countryCodes: scope.kind === 'all' ? null : scope.countryCodes,
  };
};
