import { DomainError } from '../../core/errors';
import { compareMatchRuns, type RunComparison } from '../../core/matchmaking';
import type { Viewer } from '../../core/people/viewer';
import { assertCoordinator, scopeOf } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';

/** Two runs of a round side by side: who has another partner, and how the total fit changed. */
export const compareRuns = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string; beforeRunId: string; afterRunId: string },
): Promise<RunComparison & { beforeNumber: number; afterNumber: number }> => {
  const viewer = assertCoordinator(input.viewer, 'compare match runs');
  const round = await deps.store.rounds.getRound(input.roundId);
  const [before, after, candidates] = await Promise.all([
    deps.store.matching.findRun(round.id, input.beforeRunId),
    deps.store.matching.findRun(round.id, input.afterRunId),
    deps.store.matching.listCandidates(round.id),
  ]);
  if (!before || !after) {
    throw new DomainError('NOT_FOUND', 'match.runNotFound', {
      runId: !before ? input.beforeRunId : input.afterRunId,
      roundId: round.id,
    });
  }
  const comparison = compareMatchRuns(before.result, after.result);
  const scope = scopeOf(viewer);
  if (scope.kind === 'countries') {
    const countryOf = new Map(candidates.map((c) => [c.applicationId, c.countryCode]));
    comparison.changes = comparison.changes.filter((change) =>
      scope.countryCodes.includes(countryOf.get(change.applicationId) ?? ''),
    );
  }
  return { ...comparison, beforeNumber: before.number, afterNumber: after.number };
};
