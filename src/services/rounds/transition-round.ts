import { DomainError } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { assertRoundTransition, type Round, type RoundStatus, transitionRound } from '../../core/rounds';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';
import { type CarryOverWaitlistResult, carryOverWaitlist } from './carry-over-waitlist';
import { endRoundPartnerships } from './end-round';
import { type QuotaSettlementResult, settleCountryQuota } from './settle-country-quota';

/**
 * A program coordinator moves a round to another state (core ROUND_TRANSITIONS). An illegal move
 * is a CONFLICT whose message gives the reason. What a move sets off happens in the same
 * transaction (moveRound): closing applications settles the country quota, and opening a round
 * carries over the waitlist of the round before it (the latest earlier round past its
 * application window), once.
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
  quota?: QuotaSettlementResult;
  /** Partnerships that ended with the round (a round under way finishing). */
  partnershipsEnded?: number;
}

const PAST_APPLICATIONS: readonly RoundStatus[] = ['closed', 'matching', 'under-way', 'finished'];

export const changeRoundStatus = async (
  deps: UseCaseDeps,
  input: TransitionRoundInput,
): Promise<TransitionRoundResult> => {
  const viewer = assertProgramCoordinator(input.viewer, 'change the state of rounds');
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const round = await store.rounds.getRound(input.roundId);
    assertRoundTransition(round, input.to, now);
    return moveRound(store, deps, { round, to: input.to, now, actorPersonId: actorIdOf(viewer) });
  });
};

/**
 * Saves a move already judged legal, with its audit entry and what it sets off. The one place a
 * round changes state, for coordinators and for the schedule alike (apply-due-round-transitions).
 * Runs inside the caller's transaction.
 */
export const moveRound = async (
  store: Store,
  deps: Pick<UseCaseDeps, 'ids'>,
  move: { round: Round; to: RoundStatus; now: Date; actorPersonId: string | null; reason?: string },
): Promise<TransitionRoundResult> => {
  const { round, now } = move;
  const moved = transitionRound(round, move.to, now);
  // Only from the status this move was judged from: two servers (or a coordinator and the
  // schedule) moving the same round at once move it once, with one audit entry.
  if (!(await store.rounds.saveRoundIfStatus(moved, round.status, now))) {
    throw new DomainError('CONFLICT', 'round.movedMeanwhile', { name: round.name, roundId: round.id });
  }
  await store.audit.record(
    {
      actorPersonId: move.actorPersonId,
      action: 'round.transitioned',
      subjectType: 'round',
      subjectId: round.id,
      details: { from: round.status, to: moved.status, ...(move.reason ? { reason: move.reason } : {}) },
    },
    now,
  );
  const result: TransitionRoundResult = { round: moved, from: round.status };
  if (round.status === 'open' && moved.status === 'closed') {
    // After saveRound: on PostgreSQL the row update waited for submissions holding the round in
    // share mode, so every application that will ever land in this window is visible here.
    result.quota = await settleCountryQuota(store, deps, moved, {
      now,
      actorPersonId: move.actorPersonId,
    });
  }
  if (round.status === 'under-way' && moved.status === 'finished') {
    result.partnershipsEnded = await endRoundPartnerships(store, {
      round: moved,
      now,
      actorPersonId: move.actorPersonId,
    });
  }
  if (moved.status === 'open') {
    const previous = (await store.rounds.listRounds()).find(
      (candidate) =>
        candidate.id !== round.id &&
        candidate.startsOn < round.startsOn &&
        PAST_APPLICATIONS.includes(candidate.status),
    );
    if (previous) {
      const carried = await carryOverWaitlist(store, deps, now, {
        actorPersonId: move.actorPersonId,
        fromRoundId: previous.id,
        toRoundId: round.id,
      });
      result.carryOver = { ...carried, fromRoundId: previous.id };
    }
  }
  return result;
};

/** For callers that want a plain refusal instead of an exception (the buttons on the page). */
export const isConflict = (error: unknown): error is DomainError =>
  error instanceof DomainError && error.code === 'CONFLICT';
