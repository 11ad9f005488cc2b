import type { Viewer } from '../../core/people/viewer';
import type { UseCaseDeps } from '../ports/deps';
import type { RoundSummary } from '../ports/review';
import { assertCoordinator, scopeOf } from './access';

export interface CoordinatorDashboard {
  rounds: RoundSummary[];
  /** Null for program coordinators (every country). */
  countryCodes: string[] | null;
}

/** What a coordinator sees first: every round, with application counts for their countries only. */
export const loadCoordinatorDashboard = async (
  deps: UseCaseDeps,
  viewer: Viewer | null,
): Promise<CoordinatorDashboard> => {
  const coordinator = assertCoordinator(viewer, 'see the coordinator dashboard');
  const scope = scopeOf(coordinator);
  return {
    rounds: await deps.store.dashboard.listRoundSummaries(scope),
    countryCodes: scope.kind === 'all' ? null : scope.countryCodes,
  };
};
