/**
 * The round lifecycle:
 *
 *   draft → open → closed → matching → under-way → finished
 *              ↖──────┘  ↖──────┘
 *
 * Two steps back are allowed because coordinators need them: a closed round can reopen (the
 * deadline was extended), and a round being matched can go back to closed (the pool must change
 * before partners are introduced). Nothing leaves `finished`, and nothing goes back once partners
 * have been introduced (`under-way`).
 */
import { DomainError } from '../errors';
import type { Round, RoundStatus } from './round';
import { computeRoundEndsAt } from './round-dates';

export const ROUND_TRANSITIONS: Readonly<Record<RoundStatus, readonly RoundStatus[]>> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open', 'matching'],
  matching: ['closed', 'under-way'],
  'under-way': ['finished'],
  finished: [],
};

/** Why a round may not move: data the edge words in the reader's language. */
export type TransitionRefusal =
  | { kind: 'already'; status: RoundStatus }
  | { kind: 'final'; status: RoundStatus }
  | { kind: 'not-allowed'; status: RoundStatus; allowed: readonly RoundStatus[] }
  | { kind: 'applications-closed'; closedAt: Date; timeZone: string }
  | { kind: 'not-ended'; endsOn: string; timeZone: string };

/** Why `round` may not move to `to` at `now`, or undefined when it may. */
export function findTransitionRefusal(
  round: Round,
  to: RoundStatus,
  now: Date,
): TransitionRefusal | undefined {
  const from = round.status;
  if (from === to) return { kind: 'already', status: from };
  if (!ROUND_TRANSITIONS[from].includes(to)) {
    const allowed = ROUND_TRANSITIONS[from];
    return allowed.length === 0
      ? { kind: 'final', status: from }
      : { kind: 'not-allowed', status: from, allowed };
  }
  if (to === 'open' && now.getTime() >= round.applicationsCloseAt.getTime()) {
    return {
      kind: 'applications-closed',
      closedAt: round.applicationsCloseAt,
      timeZone: round.programTimeZone,
    };
  }
  if (to === 'finished' && now.getTime() < computeRoundEndsAt(round).getTime()) {
    return { kind: 'not-ended', endsOn: round.endsOn, timeZone: round.programTimeZone };
  }
  return undefined;
}

export const canTransitionRound = (round: Round, to: RoundStatus, now: Date): boolean =>
  findTransitionRefusal(round, to, now) === undefined;

/** Throws CONFLICT naming the round, both states and the reason. */
export function assertRoundTransition(round: Round, to: RoundStatus, now: Date): void {
  const refusal = findTransitionRefusal(round, to, now);
  if (refusal !== undefined) {
    throw new DomainError('CONFLICT', 'round.transitionRefused', {
      round: round.name,
      roundId: round.id,
      from: round.status,
      to,
      refusal: refusal.kind,
    });
  }
}

/** The round in its new state; the input is not changed. */
export function transitionRound(round: Round, to: RoundStatus, now: Date): Round {
  assertRoundTransition(round, to, now);
  return { ...round, status: to };
}

/**
 * The change that is due without anyone pressing a button: an open round closes at its deadline
 * and a round under way finishes when its last day ends. Everything else is a coordinator's call.
 */
export function findDueTransition(round: Round, now: Date): RoundStatus | undefined {
  if (round.status === 'open' && now.getTime() >= round.applicationsCloseAt.getTime()) return 'closed';
  if (round.status === 'under-way' && now.getTime() >= computeRoundEndsAt(round).getTime()) return 'finished';
  return undefined;
}
