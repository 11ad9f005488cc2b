import { isDomainError } from '../../core/errors';
import { findDueTransition, type RoundStatus } from '../../core/rounds';
import type { UseCaseDeps } from '../ports/deps';
import { moveRound } from './transition-round';

/**
 * Moves rounds whose time has come without anyone pressing a button: an open round closes at its
 * application deadline (settling the country quota), a round under way finishes when its last day
 * ends (core findDueTransition). Each move re-reads the round in its own transaction, so a
 * coordinator's change made meanwhile wins, and running it twice changes nothing the second time.
 */
export interface AppliedTransition {
  roundId: string;
  from: RoundStatus;
  to: RoundStatus;
}

/** The rounds whose next move is due now (core findDueTransition over every round). */
export const listDueRoundTransitions = async (deps: UseCaseDeps): Promise<{ roundId: string }[]> => {
  const now = deps.clock.now();
  return (await deps.store.rounds.listRounds())
    .filter((round) => findDueTransition(round, now))
    .map((round) => ({ roundId: round.id }));
};

/** Moves one round if its move is still due; undefined when it no longer is. */
export const applyDueRoundTransition = async (
  deps: UseCaseDeps,
  roundId: string,
): Promise<AppliedTransition | undefined> => {
  const now = deps.clock.now();
  try {
    return await deps.uow.transaction(async (store) => {
      const round = await store.rounds.findRound(roundId);
      const to = round && findDueTransition(round, now);
      if (!round || !to) return undefined;
      await moveRound(store, deps, { round, to, now, actorPersonId: null, reason: 'scheduled' });
      return { roundId: round.id, from: round.status, to };
    });
  } catch (error) {
    // Another server's schedule (or a coordinator) moved it first: nothing is left to do.
    if (isDomainError(error) && error.reason === 'round.movedMeanwhile') return undefined;
    throw error;
  }
};

export const applyDueRoundTransitions = async (deps: UseCaseDeps): Promise<AppliedTransition[]> => {
  const applied: AppliedTransition[] = [];
  for (const { roundId } of await listDueRoundTransitions(deps)) {
    const moved = await applyDueRoundTransition(deps, roundId);
    if (moved) applied.push(moved);
  }
  return applied;
};
