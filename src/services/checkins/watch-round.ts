import type { CheckIn } from '../../core/checkins/check-in';
import {
  findSilentPartnerships,
  type SilentPartnership,
  type WatchedPartnership,
} from '../../core/checkins/silent-partners';
import { computeRoundStartsAt, type Round } from '../../core/rounds';
import type { StoredEpisode } from '../ports/checkins';
import type { StoredPartnership } from '../ports/matching';
import type { Store } from '../ports/store';

/**
 * A round's running partnerships as the silent-partner rules read them (core silent-partners.ts):
 * who is still in each, watched from the later of its start and the round's, with the check-ins
 * given in it; and what the rules find now, with what was recorded about each episode.
 */
export interface RoundWatch {
  partnerships: StoredPartnership[];
  checkIns: CheckIn[];
  /** On the list now (dismissed ones included; `episodeOf` tells which). */
  silent: SilentPartnership[];
  episodeOf: (finding: SilentPartnership) => StoredEpisode | undefined;
}

export const watchRound = async (
  store: Pick<Store, 'matching' | 'checkIns'>,
  round: Round,
  now: Date,
): Promise<RoundWatch> => {
  const [partnerships, checkIns, episodes] = await Promise.all([
    store.matching.listActivePartnerships(round.id),
    store.checkIns.listRoundCheckIns(round.id),
    store.checkIns.listEpisodes(round.id),
  ]);
  const roundStartsAt = computeRoundStartsAt(round).getTime();
  const byPartnership = new Map<string, CheckIn[]>();
  for (const checkIn of checkIns) {
    const list = byPartnership.get(checkIn.partnershipId) ?? [];
    list.push(checkIn);
    byPartnership.set(checkIn.partnershipId, list);
  }
  const watched: WatchedPartnership[] = partnerships.map((partnership) => ({
    partnershipId: partnership.id,
    watchedFrom: new Date(Math.max(partnership.createdAt.getTime(), roundStartsAt)),
    memberIds: partnership.members.filter((m) => m.leftAt === null).map((m) => m.applicationId),
    checkIns: byPartnership.get(partnership.id) ?? [],
  }));
  const silent = round.status === 'under-way' ? findSilentPartnerships(watched, now) : [];
  const recorded = new Map(episodes.map((e) => [`${e.partnershipId}|${e.episode}`, e]));
  return {
    partnerships,
    checkIns,
    silent,
    episodeOf: (finding) => recorded.get(`${finding.partnershipId}|${finding.episode}`),
  };
};
