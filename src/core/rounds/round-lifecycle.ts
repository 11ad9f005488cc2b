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
import { DateTime } from 'luxon';
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

const formatInstant = (at: Date, zone: string) =>
  DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd HH:mm '('z', 'ZZZZ')'");

/** Why `round` may not move to `to` at `now`, or undefined when it may. */
export function findTransitionRefusal(round: Round, to: RoundStatus, now: Date): string | undefined {
  const from = round.status;
  if (from === to) return `it is already ${from}`;
  if (!ROUND_TRANSITIONS[from].includes(to)) {
    const allowed = ROUND_TRANSITIONS[from];
    return allowed.length === 0
      ? `a ${from} round cannot change any more`
      : `a ${from} round can only become ${allowed.join(' or ')}`;
  }
  if (to === 'open' && now.getTime() >= round.applicationsCloseAt.getTime()) {
    return `its applications closed at ${formatInstant(round.applicationsCloseAt, round.programTimeZone)}; move the closing date later first`;
  }
  if (to === 'finished' && now.getTime() < computeRoundEndsAt(round).getTime()) {
    return `it runs until the end of ${round.endsOn} (${round.programTimeZone}); change the end date to finish it early`;
  }
  return undefined;
}

export const canTransitionRound = (round: Round, to: RoundStatus, now: Date): boolean =>
  findTransitionRefusal(round, to, now) === undefined;

/** Throws CONFLICT naming the round, both states and the reason. */
export function assertRoundTransition(round: Round, to: RoundStatus, now: Date): void {
  const refusal = findTransitionRefusal(round, to, now);
  if (refusal !== undefined) {
    throw new DomainError(
      'CONFLICT',
      `Round "${round.name}" (${round.id}) cannot go from ${round.status} to ${to}: ${refusal}`,
    );
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
