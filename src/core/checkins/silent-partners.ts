import type { CheckInAnswer } from './check-in';

/**
 * Silent partners: when a partnership needs a coordinator, as a pure function of its check-ins and
 * the time. Two documented rules, the first that applies wins:
 *
 * 1. **Reported** (`reported-not-responding`): a current member's latest answer (the answer of the
 *    latest fortnight they answered) is "my partner isn't responding". The silent partners are the
 *    other current members who have not answered "we've been in touch" since that answer (in a
 *    trio, the one still writing is left out); when every other member has, all of them are named,
 *    since the person who asked for help still says they get no answer. The episode began with the
 *    first answer of the reporter's current run of "not responding" answers, so answering it again
 *    the next fortnight is the same episode, not a new one.
 * 2. **Quiet** (`no-check-in`): nobody in the partnership has checked in (any answer) for
 *    QUIET_DAYS, counted from the last check-in of a current member, or from when the partnership
 *    began being watched (the later of its start and the round's). Every current member is silent.
 *    The episode began with that last sign of life.
 *
 * Only check-ins given in this partnership by people still in it count. A partnership with fewer
 * than two people in it is not a partnership to rescue (the repair re-matches whoever is left).
 *
 * An episode is named by its rule and the instant it began (`episodeKey`): the same state gives the
 * same key at every check, and a new silence after people were in touch again gives a new one. The
 * one friendly reminder, and a coordinator's "dismiss", are recorded per (partnership, episode).
 */
export const QUIET_DAYS = 28;
const DAY_MS = 86_400_000;

export const SILENCE_REASONS = ['reported-not-responding', 'no-check-in'] as const;
export type SilenceReason = (typeof SILENCE_REASONS)[number];

export interface PartnershipCheckIn {
  applicationId: string;
  fortnight: number;
  answer: CheckInAnswer;
  answeredAt: Date;
}

export interface WatchedPartnership {
  partnershipId: string;
  /** The later of the partnership's start and the round's. */
  watchedFrom: Date;
  /** Members still in it (application ids). */
  memberIds: readonly string[];
  /** Check-ins given while in this partnership (anyone's; those of people who left are ignored). */
  checkIns: readonly PartnershipCheckIn[];
}

export interface SilentPartnership {
  partnershipId: string;
  reason: SilenceReason;
  /** When the episode began: the first "not responding" answer of the run, or the last sign of life. */
  since: Date;
  /** When the partnership went on the list: the report, or QUIET_DAYS after the last sign of life. */
  flaggedAt: Date;
  episode: string;
  /** Who the friendly reminder goes to. */
  silentIds: string[];
  /** Who said their partner is not responding (rule 1). */
  reporterIds: string[];
}

export const episodeKey = (reason: SilenceReason, since: Date): string => `${reason}:${since.toISOString()}`;

/** Latest fortnight first; within a fortnight, the later answer first. */
const latestFirst = (a: PartnershipCheckIn, b: PartnershipCheckIn) =>
  b.fortnight - a.fortnight || b.answeredAt.getTime() - a.answeredAt.getTime();

/** The reporter's current run of "not responding" answers: its first and last answer, or undefined. */
const reportRun = (answers: readonly PartnershipCheckIn[]): { first: Date; last: Date } | undefined => {
  const run: PartnershipCheckIn[] = [];
  for (const checkIn of answers) {
    if (checkIn.answer !== 'not-responding') break;
    run.push(checkIn);
  }
  if (run.length === 0) return undefined;
  const times = run.map((checkIn) => checkIn.answeredAt.getTime());
  return { first: new Date(Math.min(...times)), last: new Date(Math.max(...times)) };
};

export const findSilentPartnership = (
  partnership: WatchedPartnership,
  now: Date,
): SilentPartnership | undefined => {
  const members = [...new Set(partnership.memberIds)].sort();
  if (members.length < 2) return undefined;
  const current = new Set(members);
  const byMember = new Map<string, PartnershipCheckIn[]>(members.map((id) => [id, []]));
  for (const checkIn of partnership.checkIns) {
    if (current.has(checkIn.applicationId)) byMember.get(checkIn.applicationId)!.push(checkIn);
  }
  for (const answers of byMember.values()) answers.sort(latestFirst);

  const reports = members.flatMap((id) => {
    const run = reportRun(byMember.get(id)!);
    return run ? [{ id, ...run }] : [];
  });
  if (reports.length > 0) {
    const reporterIds = reports.map((report) => report.id);
    const lastReport = Math.max(...reports.map((report) => report.last.getTime()));
    const others = members.filter((id) => !reporterIds.includes(id));
    const quietOthers = others.filter(
      (id) =>
        !byMember
          .get(id)!
          .some((checkIn) => checkIn.answer === 'in-touch' && checkIn.answeredAt.getTime() > lastReport),
    );
    const since = new Date(Math.min(...reports.map((report) => report.first.getTime())));
    return {
      partnershipId: partnership.partnershipId,
      reason: 'reported-not-responding',
      since,
      flaggedAt: since,
      episode: episodeKey('reported-not-responding', since),
      silentIds: quietOthers.length > 0 ? quietOthers : others,
      reporterIds,
    };
  }

  const lastSign = Math.max(
    partnership.watchedFrom.getTime(),
    ...[...byMember.values()].flat().map((checkIn) => checkIn.answeredAt.getTime()),
  );
  const flaggedAt = lastSign + QUIET_DAYS * DAY_MS;
  if (now.getTime() < flaggedAt) return undefined;
  const since = new Date(lastSign);
  return {
    partnershipId: partnership.partnershipId,
    reason: 'no-check-in',
    since,
    flaggedAt: new Date(flaggedAt),
    episode: episodeKey('no-check-in', since),
    silentIds: members,
    reporterIds: [],
  };
};

/** Every partnership that needs a coordinator at `now`, the longest on the list first. */
export const findSilentPartnerships = (
  partnerships: readonly WatchedPartnership[],
  now: Date,
): SilentPartnership[] =>
  partnerships
    .flatMap((partnership) => findSilentPartnership(partnership, now) ?? [])
    .sort(
      (a, b) =>
        a.flaggedAt.getTime() - b.flaggedAt.getTime() || a.partnershipId.localeCompare(b.partnershipId),
    );
