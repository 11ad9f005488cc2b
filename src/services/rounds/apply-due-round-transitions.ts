import { findDueTransition } from '../../core/rounds';
import type { ReviewDeps } from '../ports/review-ports';
import { moveRound } from './transition-round';

/**
 * Moves rounds whose time has come without anyone pressing a button: an open round closes at its
 * application deadline (settling the country quota), a round under way finishes when its last day
 * ends (core findDueTransition). Each move re-reads the round in its own transaction, so a
 * coordinator's change made meanwhile wins, and running it twice changes nothing the second time.
 */
export interface AppliedTransition {
  roundId: string;
  from: string;
  to: string;
}

export const applyDueRoundTransitions = async (deps: ReviewDeps): Promise<AppliedTransition[]> => {
  const now = deps.now();
  const due = (await deps.rounds.listRounds()).filter((round) => findDueTransition(round, now));
  const applied: AppliedTransition[] = [];
  for (const candidate of due) {
    const moved = await deps.transaction(async (store) => {
      const round = await store.rounds.findRound(candidate.id);
      const to = round && findDueTransition(round, now);
      if (!round || !to) return undefined;
      await moveRound(store, deps, { round, to, now, actorPersonId: null, reason: 'scheduled' });
      return { roundId: round.id, from: round.status, to };
    });
    if (moved) applied.push(moved);
  }
  return applied;
};
