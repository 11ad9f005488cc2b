import type { Round } from './round';
import { findRoundPhase } from './round-schedule';

/**
 * The round a closing email invites people to: another round taking applications now (the one
 * closing soonest), else one announced and opening later (the one opening soonest). Drafts are not
 * announced, and a round whose applications have closed can no longer be joined. Undefined when
 * there is none: the email then says a next round will be announced.
 */
export interface NextRoundInvitation {
  round: Round;
  isOpenNow: boolean;
}

export const findNextRoundToJoin = (
  rounds: readonly Round[],
  now: Date,
  exceptRoundId: string,
): NextRoundInvitation | undefined => {
  const candidates = rounds
    .filter((round) => round.id !== exceptRoundId)
    .map((round) => ({ round, phase: findRoundPhase(round, now) }));
  const open = candidates
    .filter((candidate) => candidate.phase === 'accepting-applications')
    .sort((a, b) => a.round.applicationsCloseAt.getTime() - b.round.applicationsCloseAt.getTime())[0];
  if (open) return { round: open.round, isOpenNow: true };
  const soon = candidates
    .filter((candidate) => candidate.phase === 'opening-soon')
    .sort((a, b) => a.round.applicationsOpenAt.getTime() - b.round.applicationsOpenAt.getTime())[0];
  return soon ? { round: soon.round, isOpenNow: false } : undefined;
};
