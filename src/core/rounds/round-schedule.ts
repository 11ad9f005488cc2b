import type { Round } from './round';
import { computeRoundStartsAt } from './round-dates';

/** True while the round is open and `now` is inside its application window [openAt, closeAt). */
export const isAcceptingApplications = (round: Round, now: Date): boolean =>
  round.status === 'open' &&
  round.applicationsOpenAt.getTime() <= now.getTime() &&
  now.getTime() < round.applicationsCloseAt.getTime();

export type RoundPhase = 'accepting-applications' | 'opening-soon' | 'in-progress';

/** How the public sees a round at `now`; undefined for drafts and finished rounds, which are not shown. */
export function findRoundPhase(round: Round, now: Date): RoundPhase | undefined {
  if (isAcceptingApplications(round, now)) return 'accepting-applications';
  if (round.status === 'open' && now.getTime() < round.applicationsOpenAt.getTime()) return 'opening-soon';
  if (
    round.status === 'open' ||
    round.status === 'closed' ||
    round.status === 'matching' ||
    round.status === 'under-way'
  )
    return 'in-progress';
  return undefined;
}

const PHASE_PRIORITY: Record<RoundPhase, number> = {
  'accepting-applications': 0,
  'opening-soon': 1,
  'in-progress': 2,
};

/**
 * The round the public home page talks about. A round taking applications wins (the one closing
 * soonest), then one announced but not yet taking them (opening soonest) — a future applicant
 * cares more about the next chance to apply than about a round they cannot join — then the round
 * in progress (starting earliest). Drafts and finished rounds are never shown.
 */
export function findCurrentOrNextRound(
  rounds: readonly Round[],
  now: Date,
): { round: Round; phase: RoundPhase } | undefined {
  const sortKey = (round: Round, phase: RoundPhase) =>
    phase === 'accepting-applications'
      ? round.applicationsCloseAt.getTime()
      : phase === 'opening-soon'
        ? round.applicationsOpenAt.getTime()
        : computeRoundStartsAt(round).getTime();
  let best: { round: Round; phase: RoundPhase; key: number } | undefined;
  for (const round of rounds) {
    const phase = findRoundPhase(round, now);
    if (phase === undefined) continue;
    const key = sortKey(round, phase);
    if (
      best === undefined ||
      PHASE_PRIORITY[phase] < PHASE_PRIORITY[best.phase] ||
      (PHASE_PRIORITY[phase] === PHASE_PRIORITY[best.phase] && key < best.key)
    ) {
      best = { round, phase, key };
    }
  }
  return best && { round: best.round, phase: best.phase };
}
