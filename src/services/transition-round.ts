import { DomainError } from '../core/errors';
import type { Viewer } from '../core/people/viewer';
import { assertRoundTransition, type Round, type RoundStatus, transitionRound } from '../core/rounds';
import { type CarryOverWaitlistResult, carryOverWaitlist } from './carry-over-waitlist';
import { assertProgramCoordinator } from './review-access';
import type { ReviewDeps } from './review-ports';

/**
 * A program coordinator moves a round to another state (core ROUND_TRANSITIONS). An illegal move
 * is a CONFLICT whose message gives the reason. Opening a round carries over the waitlist of the
 * round before it (the latest earlier round past its application window), once.
 */
export interface TransitionRoundInput {
  viewer: Viewer | null;
  roundId: string;
  to: RoundStatus;
}

export interface TransitionRoundResult {
  round: Round;
  from: RoundStatus;
  carryOver?: CarryOverWaitlistResult & { fromRoundId: string };
}

const PAST_APPLICATIONS: readonly RoundStatus[] = ['closed', 'matching', 'under-way', 'finished'];

export const changeRoundStatus = async (
  deps: ReviewDeps,
  input: TransitionRoundInput,
): Promise<TransitionRoundResult> => {
  const viewer = assertProgramCoordinator(input.viewer, 'change the state of rounds');
  const now = deps.now();
  return deps.transaction(async (store) => {
    const round = await store.rounds.getRound(input.roundId);
    assertRoundTransition(round, input.to, now);
    const moved = transitionRound(round, input.to, now);
    await store.rounds.saveRound(moved, now);
    await store.review.appendAudit(
      {
        actorPersonId: viewer.personId,
        action: 'round.transitioned',
        subjectType: 'round',
        subjectId: round.id,
        details: { from: round.status, to: moved.status },
      },
      now,
    );
    const result: TransitionRoundResult = { round: moved, from: round.status };
    if (moved.status === 'open') {
      const previous = (await store.rounds.listRounds()).find(
        (candidate) =>
          candidate.id !== round.id &&
          candidate.startsOn < round.startsOn &&
          PAST_APPLICATIONS.includes(candidate.status),
      );
      if (previous) {
        const carried = await carryOverWaitlist(store, deps, {
          actorPersonId: viewer.personId,
          fromRoundId: previous.id,
          toRoundId: round.id,
        });
        result.carryOver = { ...carried, fromRoundId: previous.id };
      }
    }
    return result;
  });
};

/** For callers that want a plain refusal instead of an exception (the buttons on the page). */
export const isConflict = (error: unknown): error is DomainError =>
  error instanceof DomainError && error.code === 'CONFLICT';
