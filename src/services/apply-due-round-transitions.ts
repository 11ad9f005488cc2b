import type { Kysely } from 'kysely';
import { findDueTransition, transitionRound } from '../core/rounds';
import { createPeopleRepository } from '../db/repositories/people-repository';
import { createRoundsRepository } from '../db/repositories/rounds-repository';
import type { Database } from '../db/schema';

/**
 * Moves rounds whose time has come without anyone pressing a button: an open round closes at its
 * application deadline, a round under way finishes when its last day ends (core findDueTransition).
 * Each move re-reads the round in its own transaction, so a coordinator's change made meanwhile
 * wins, and running it twice changes nothing the second time.
 */
export interface AppliedTransition {
  roundId: string;
  from: string;
  to: string;
}

export const applyDueRoundTransitions = async (deps: {
  db: Kysely<Database>;
  now: () => Date;
}): Promise<AppliedTransition[]> => {
  const now = deps.now();
  const due = (await createRoundsRepository(deps.db).listRounds()).filter((round) =>
    findDueTransition(round, now),
  );
  const applied: AppliedTransition[] = [];
  for (const candidate of due) {
    const moved = await deps.db.transaction().execute(async (trx) => {
      const rounds = createRoundsRepository(trx);
      const round = await rounds.findRound(candidate.id);
      const to = round && findDueTransition(round, now);
      if (!round || !to) return undefined;
      await rounds.saveRound(transitionRound(round, to, now), now);
      await createPeopleRepository(trx).appendAuditEntry(
        {
          actorPersonId: null,
          action: 'round.transitioned',
          subjectType: 'round',
          subjectId: round.id,
          details: { from: round.status, to, reason: 'scheduled' },
        },
        now,
      );
      return { roundId: round.id, from: round.status, to };
    });
    if (moved) applied.push(moved);
  }
  return applied;
};
