import type { CheckIn, CheckInAnswer } from '../../core/checkins/check-in';
import { fortnightAt, fortnightStartsAt } from '../../core/checkins/fortnights';
import type { UseCaseDeps } from '../ports/deps';

/**
 * Check-ins for the demo's round under way, so the coordinators' check-ins page, the engagement
 * by fortnight and the participants' area show something real: in about two partnerships of five
 * both partners have been in touch every fortnight since the second, in one of five one says "not
 * yet", and in exactly one partnership one partner says the other is not responding (the silent
 * partnership: it is on the intervention list, and the silent-partner check sends its one
 * reminder when the server starts). The partnerships of the participants the home page offers as
 * sign-ins are left alone, so those people can try checking in themselves. Deterministic for a
 * pool; one transaction of a few multi-row inserts.
 */
const HOUR = 3_600_000;

export const seedDemoCheckIns = async (
  deps: UseCaseDeps,
  input: { roundId: string; leaveAlone: ReadonlySet<string> },
): Promise<{ checkIns: number; silentPartnershipId: string | undefined }> => {
  const now = deps.clock.now();
  const round = await deps.store.rounds.getRound(input.roundId);
  const current = fortnightAt(round, now);
  if (current === undefined) return { checkIns: 0, silentPartnershipId: undefined };
  const partnerships = (await deps.store.matching.listActivePartnerships(round.id))
    .map((partnership) => ({ id: partnership.id, members: [...partnership.details.applicationIds].sort() }))
    .filter((partnership) => !partnership.members.some((id) => input.leaveAlone.has(id)))
    .sort((a, b) => a.members[0]!.localeCompare(b.members[0]!));

  const checkIns: CheckIn[] = [];
  const answer = (
    partnershipId: string,
    applicationId: string,
    fortnight: number,
    value: CheckInAnswer,
    hours: number,
  ) => {
    const answeredAt = new Date(
      Math.min(fortnightStartsAt(round, fortnight).getTime() + hours * HOUR, now.getTime() - HOUR),
    );
    checkIns.push({
      applicationId,
      roundId: round.id,
      fortnight,
      partnershipId,
      answer: value,
      answeredAt,
      source: 'link',
    });
  };
  partnerships.forEach((partnership, index) => {
    const [first, second] = partnership.members as [string, string];
    if (index === 0) {
      answer(partnership.id, first, Math.max(1, current - 1), 'not-yet', 10);
      answer(partnership.id, first, current, 'not-responding', 20);
      return;
    }
    if (index % 5 === 1 || index % 5 === 2) {
      for (let fortnight = 2; fortnight <= current; fortnight++) {
        answer(partnership.id, first, fortnight, 'in-touch', 9 + (index % 24));
        answer(partnership.id, second, fortnight, 'in-touch', 30 + (index % 24));
      }
    } else if (index % 5 === 3) {
      answer(partnership.id, first, current, 'not-yet', 12 + (index % 24));
      if (current > 1) answer(partnership.id, second, current - 1, 'in-touch', 15);
    }
  });
  await deps.uow.transaction((store) => store.checkIns.insertCheckIns(checkIns, now));
  return { checkIns: checkIns.length, silentPartnershipId: partnerships[0]?.id };
};
