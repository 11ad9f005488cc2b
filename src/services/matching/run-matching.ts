import { DomainError } from '../../core/errors';
import type { MatchObjective } from '../../core/matchmaking';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import type { Round, RoundStatus } from '../../core/rounds';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { MatchRunRecord } from '../ports/matching';
import { moveRound } from '../rounds/transition-round';
import { buildMatchSnapshot } from './match-snapshot';

/** Rounds whose pool is settled and not yet introduced: matching is run, and run again, here. */
const MATCHABLE: readonly RoundStatus[] = ['closed', 'matching'];

export const assertMatchable = (round: Round): void => {
  if (!MATCHABLE.includes(round.status)) {
    throw new DomainError('CONFLICT', 'match.roundNotMatchable', { round: round.name, status: round.status });
  }
};

/**
 * A program coordinator runs matching over the round's accepted applications, with the round's
 * settings, locks and exclusions. The run is recorded with its snapshot, result, explanations and
 * certificate (the same snapshot always gives the same run, and a stored run can be re-checked);
 * it proposes partnerships and changes nobody's status until it is published. A closed round moves
 * to `matching` with its first run.
 */
export const runMatching = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string; objective?: MatchObjective },
): Promise<MatchRunRecord> => {
  const viewer = assertProgramCoordinator(input.viewer, 'run matching');
  const round = await deps.store.rounds.getRound(input.roundId);
  assertMatchable(round);
  const { snapshot } = await buildMatchSnapshot(deps.store, round, input.objective ?? 'total-fit');
  const computed = await deps.matchEngine.compute(snapshot);
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const current = await store.rounds.getRound(round.id);
    assertMatchable(current);
    if (current.status === 'closed') {
      await moveRound(store, deps, { round: current, to: 'matching', now, actorPersonId: actorIdOf(viewer) });
    }
    const run = await store.matching.insertRun({
      id: deps.ids.newId(),
      roundId: round.id,
      status: 'proposed',
      result: computed.result,
      stored: computed.stored,
      seconds: computed.seconds,
      createdByPersonId: actorIdOf(viewer),
      createdAt: now,
    });
    await store.audit.record(
      {
        actorPersonId: actorIdOf(viewer),
        action: 'match.run',
        subjectType: 'match-run',
        subjectId: run.id,
        details: {
          roundId: round.id,
          number: run.number,
          objective: computed.result.objective,
          partnerships: computed.result.partnerships.length,
          unmatched: computed.result.unmatched.length,
          totalFit: computed.result.totalFit,
          optimal: computed.result.certificate.pairStage.certified,
        },
      },
      now,
    );
    return run;
  });
};
