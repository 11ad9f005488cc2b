import { CHECK_IN_ANSWERS, type CheckInAnswer } from '../../core/checkins/check-in';
import { countFortnights, fortnightAt } from '../../core/checkins/fortnights';
import type { SilenceReason } from '../../core/checkins/silent-partners';
import { DomainError } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import { assertCoordinator, scopeOf } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import { type RoundWatch, watchRound } from './watch-round';

/**
 * A round's check-ins for coordinators: the intervention list (partnerships the silent-partner
 * rules put there, not dismissed for their current episode), how many answered what each
 * fortnight, and the latest answers. Country coordinators see partnerships with someone of their
 * countries, and counts of those people only. While the round is under way, program coordinators
 * mark a silent partner inactive from the list (which starts the repair), and any coordinator who
 * sees a partnership may dismiss it for this episode (they have been in touch themselves). A
 * finished round is history: shown, never changed.
 */
export interface InterventionMember {
  applicationId: string;
  name: string;
  countryCode: string;
  isSilent: boolean;
  isReporter: boolean;
  latest: { fortnight: number; answer: CheckInAnswer; answeredAt: Date } | undefined;
}

export interface Intervention {
  partnershipId: string;
  reason: SilenceReason;
  since: Date;
  flaggedAt: Date;
  episode: string;
  remindedAt: Date | null;
  members: InterventionMember[];
}

export interface FortnightEngagement {
  fortnight: number;
  /** People in partnerships (in the viewer's scope) who answered, by answer. */
  counts: Record<CheckInAnswer, number>;
}

export interface RecentCheckIn {
  name: string;
  countryCode: string;
  partnerNames: string[];
  fortnight: number;
  answer: CheckInAnswer;
  answeredAt: Date;
}

export interface RoundCheckIns {
  round: Round;
  currentFortnight: number | undefined;
  interventions: Intervention[];
  dismissed: number;
  engagement: FortnightEngagement[];
  recent: RecentCheckIn[];
  /** Program coordinators, while the round is under way. */
  canMarkInactive: boolean;
  canDismiss: boolean;
}

const RECENT = 25;

/**
 * The intervention list of a watched round as `isVisible` (members still in a partnership → seen
 * by this coordinator) lets it be seen: the findings not dismissed for their episode, and how many
 * were. The check-ins page and the dashboard's count both read it, so they always agree.
 */
export const listInterventions = (
  watch: RoundWatch,
  isVisible: (memberIds: readonly string[]) => boolean,
) => {
  const partnerships = new Map(watch.partnerships.map((p) => [p.id, p]));
  let dismissed = 0;
  const open = [];
  for (const finding of watch.silent) {
    const partnership = partnerships.get(finding.partnershipId)!;
    const memberIds = partnership.members.filter((m) => m.leftAt === null).map((m) => m.applicationId);
    if (!isVisible(memberIds)) continue;
    const episode = watch.episodeOf(finding);
    if (episode?.dismissedAt) dismissed++;
    else open.push({ finding, partnership, memberIds, episode });
  }
  return { open, dismissed };
};

export const loadRoundCheckIns = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string },
): Promise<RoundCheckIns> => {
  const viewer = assertCoordinator(input.viewer, 'see the check-ins of a round');
  const scope = scopeOf(viewer);
  const round = await deps.store.rounds.getRound(input.roundId);
  const now = deps.clock.now();
  const [watch, candidates, allPartnerships] = await Promise.all([
    watchRound(deps.store, round, now),
    deps.store.matching.listCandidates(round.id),
    deps.store.matching.listPartnerships(round.id),
  ]);
  const people = new Map(candidates.map((c) => [c.applicationId, c]));
  const isVisiblePerson = (id: string) =>
    scope.kind === 'all' || scope.countryCodes.includes(people.get(id)?.countryCode ?? '');
  const isVisible = (ids: readonly string[]) => ids.some(isVisiblePerson);
  const person = (id: string) => ({
    name: people.get(id)?.name ?? id,
    countryCode: people.get(id)?.countryCode ?? '',
  });
  const latestOf = (applicationId: string, partnershipId: string) =>
    watch.checkIns
      .filter((c) => c.applicationId === applicationId && c.partnershipId === partnershipId)
      .sort((a, b) => b.fortnight - a.fortnight)[0];

  const listed = listInterventions(watch, isVisible);
  const dismissed = listed.dismissed;
  const interventions: Intervention[] = [];
  for (const { finding, partnership, memberIds, episode } of listed.open) {
    interventions.push({
      partnershipId: finding.partnershipId,
      reason: finding.reason,
      since: finding.since,
      flaggedAt: finding.flaggedAt,
      episode: finding.episode,
      remindedAt: episode?.remindedAt ?? null,
      members: memberIds.map((id) => {
        const latest = latestOf(id, partnership.id);
        return {
          applicationId: id,
          ...person(id),
          isSilent: finding.silentIds.includes(id),
          isReporter: finding.reporterIds.includes(id),
          latest: latest && {
            fortnight: latest.fortnight,
            answer: latest.answer,
            answeredAt: latest.answeredAt,
          },
        };
      }),
    });
  }

  const visibleCheckIns = watch.checkIns.filter((c) => isVisiblePerson(c.applicationId));
  const engagement: FortnightEngagement[] = [];
  for (let fortnight = 1; fortnight <= countFortnights(round); fortnight++) {
    const counts = Object.fromEntries(CHECK_IN_ANSWERS.map((a) => [a, 0])) as Record<CheckInAnswer, number>;
    for (const checkIn of visibleCheckIns) if (checkIn.fortnight === fortnight) counts[checkIn.answer]++;
    engagement.push({ fortnight, counts });
  }
  const partnersOf = new Map<string, string[]>();
  for (const partnership of allPartnerships) {
    for (const member of partnership.members) {
      partnersOf.set(
        `${partnership.id}|${member.applicationId}`,
        partnership.members
          .filter((m) => m.applicationId !== member.applicationId)
          .map((m) => person(m.applicationId).name),
      );
    }
  }
  const recent = [...visibleCheckIns]
    .sort((a, b) => b.answeredAt.getTime() - a.answeredAt.getTime())
    .slice(0, RECENT)
    .map((c) => ({
      ...person(c.applicationId),
      partnerNames: partnersOf.get(`${c.partnershipId}|${c.applicationId}`) ?? [],
      fortnight: c.fortnight,
      answer: c.answer,
      answeredAt: c.answeredAt,
    }));

  const isUnderWay = round.status === 'under-way';
  return {
    round,
    currentFortnight: isUnderWay ? fortnightAt(round, now) : undefined,
    interventions,
    dismissed,
    engagement,
    recent,
    canMarkInactive: isUnderWay && viewer.isProgramCoordinator,
    canDismiss: isUnderWay,
  };
};

/**
 * A coordinator takes a partnership off the intervention list for its current episode (they have
 * been in touch with the partners). It comes back with a new episode: a new "not responding"
 * answer, or four more quiet weeks after a check-in. Audited.
 */
export const dismissIntervention = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string; partnershipId: string; episode: string },
): Promise<{ dismissed: boolean }> => {
  const viewer = assertCoordinator(input.viewer, 'dismiss a partnership from the intervention list');
  const scope = scopeOf(viewer);
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const round = await store.rounds.getRound(input.roundId);
    if (round.status !== 'under-way') {
      throw new DomainError('CONFLICT', 'checkIn.roundNotUnderWay', {
        round: round.name,
        status: round.status,
      });
    }
    const watch = await watchRound(store, round, now);
    const finding = watch.silent.find(
      (f) => f.partnershipId === input.partnershipId && f.episode === input.episode,
    );
    const partnership = watch.partnerships.find((p) => p.id === input.partnershipId);
    const countries =
      scope.kind === 'all' || !partnership
        ? []
        : await Promise.all(
            partnership.members.map(
              async (m) => (await store.applications.findApplication(m.applicationId))?.countryCode ?? '',
            ),
          );
    if (!finding || (scope.kind === 'countries' && !countries.some((c) => scope.countryCodes.includes(c)))) {
      throw new DomainError('NOT_FOUND', 'checkIn.interventionNotFound', {
        partnershipId: input.partnershipId,
        round: round.name,
      });
    }
    const dismissed = await store.checkIns.dismissEpisode({
      partnershipId: finding.partnershipId,
      episode: finding.episode,
      roundId: round.id,
      reason: finding.reason,
      personId: actorIdOf(viewer),
      now,
    });
    if (dismissed) {
      await store.audit.record(
        {
          actorPersonId: actorIdOf(viewer),
          action: 'partnership.intervention-dismissed',
          subjectType: 'partnership',
          subjectId: finding.partnershipId,
          details: { roundId: round.id, episode: finding.episode, reason: finding.reason },
        },
        now,
      );
    }
    return { dismissed };
  });
};
