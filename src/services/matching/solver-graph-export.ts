import { DomainError } from '../../core/errors';
import { type SolverGraph, toSolverGraph } from '../../core/matchmaking';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';

/**
 * The scored graph a run's two-person stage solved, rebuilt from the run's stored snapshot, in the
 * format `iln solve-matching` reads plus the application id of each vertex: so that another solver
 * (or an old run re-checked) can be given exactly the same problem.
 */
export const exportSolverGraph = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string; runId: string },
): Promise<SolverGraph> => {
  const viewer = assertProgramCoordinator(input.viewer, 'export a match run’s graph');
  const run = await deps.store.matching.findRun(input.roundId, input.runId);
  if (!run)
    throw new DomainError('NOT_FOUND', 'match.runNotFound', { runId: input.runId, roundId: input.roundId });
  const minFit = run.result.certificate.pairStage.bottleneckFit;
  const graph = toSolverGraph(run.snapshot, minFit === undefined ? {} : { minFit });
  // The graph names every applicant of the run by id: an export of the round's data, recorded.
  const now = deps.clock.now();
  await deps.uow.transaction((store) =>
    store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'match.graph-exported',
        subjectType: 'match-run',
        subjectId: run.id,
        details: { roundId: input.roundId },
      },
      now,
    ),
  );
  return graph;
};
