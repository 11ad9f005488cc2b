import { DomainError } from '../../core/errors';
import { explainPartnerships, type MatchSnapshot, repairMatches } from '../../core/matchmaking';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { MatchCandidate, NewPartnership, StoredPartnership } from '../ports/matching';
import type { Store } from '../ports/store';
import { introductionMessages, linkParticipants } from './introductions';
import { partnershipKey } from './match-board';
import { buildMatchSnapshot } from './match-snapshot';

/**
 * Repair during a round (core repairMatches): the people left alone when their partners left
 * (orphans) are matched among themselves and with accepted applications of the round in no
 * partnership (latecomers a coordinator admitted, or people the run could not place), under the
 * round's rules; every running partnership stays as it is. New partners are introduced by email.
 * Running it again with nothing new changes nothing.
 */
export interface RepairResult {
  /** Sorted application ids of each new partnership. */
  created: string[][];
  orphans: string[];
  newcomers: string[];
  /** Who is still waiting for a partner. */
  unmatched: string[];
}

export const assertUnderWay = (round: Round): void => {
  if (round.status !== 'under-way') {
    throw new DomainError('CONFLICT', 'partnership.roundNotUnderWay', {
      round: round.name,
      status: round.status,
    });
  }
};

const isCurrent = (member: StoredPartnership['members'][number]) => member.leftAt === null;

/** Who repair would place now, read from the round's partnerships and applications. */
export const findPeopleToPlace = (
  candidates: readonly MatchCandidate[],
  partnerships: readonly StoredPartnership[],
) => {
  const running = partnerships
    .filter((partnership) => partnership.status === 'active')
    .map((partnership) => partnership.members.filter(isCurrent).map((member) => member.applicationId));
  const members = partnerships.flatMap((partnership) => partnership.members);
  const placed = new Set(running.flat());
  // People who left on their own (withdrew, inactive) are not placed again.
  const gone = new Set(
    members.filter((m) => m.leftReason !== 'partnership-ended' && !isCurrent(m)).map((m) => m.applicationId),
  );
  const leftAlone = new Set(
    members.filter((m) => m.leftReason === 'partnership-ended').map((m) => m.applicationId),
  );
  const toPlace = candidates
    .filter((c) => c.status === 'accepted' && !placed.has(c.applicationId) && !gone.has(c.applicationId))
    .map((c) => c.applicationId);
  return {
    running,
    orphans: toPlace.filter((id) => leftAlone.has(id)),
    newcomers: toPlace.filter((id) => !leftAlone.has(id)),
  };
};

const plan = async (store: Pick<Store, 'matching'>, round: Round) => {
  const [{ snapshot, candidates }, partnerships] = await Promise.all([
    buildMatchSnapshot(store, round, 'total-fit'),
    store.matching.listPartnerships(round.id),
  ]);
  return { snapshot, candidates, ...findPeopleToPlace(candidates, partnerships) };
};

/** The repair of one round, for a coordinator's "repair now" and after someone leaves. */
export const repairRound = async (
  deps: UseCaseDeps,
  input: { roundId: string; actorPersonId: string | null },
): Promise<RepairResult> => {
  const round = await deps.store.rounds.getRound(input.roundId);
  assertUnderWay(round);
  const { snapshot, candidates, running, orphans, newcomers } = await plan(deps.store, round);
  const repaired = repairMatches({
    snapshot,
    activePartnerships: [...running, ...orphans.map((id) => [id])],
    inactive: [],
    newcomers,
  });
  const created = repaired.run.partnerships.map((partnership) => partnership.applicationIds);
  const result: RepairResult = {
    created,
    orphans,
    newcomers,
    unmatched: repaired.run.unmatched.map((u) => u.applicationId),
  };
  if (created.length === 0) return result;
  const toPlace = new Set([...orphans, ...newcomers]);
  const explainable: MatchSnapshot = {
    ...snapshot,
    applications: snapshot.applications.filter((a) => toPlace.has(a.id)),
  };
  const explanations = new Map(
    explainPartnerships(explainable, created).map((explanation) => [
      partnershipKey(explanation.applicationIds),
      explanation,
    ]),
  );
  const byId = new Map(candidates.map((candidate) => [candidate.applicationId, candidate]));
  const now = deps.clock.now();
  try {
    await deps.uow.transaction(async (store) => {
      // The same people must still be waiting: a repair or a leave since the plan means plan again.
      assertUnderWay(await store.rounds.getRound(round.id));
      const current = findPeopleToPlace(
        await store.matching.listCandidates(round.id),
        await store.matching.listPartnerships(round.id),
      );
      const waiting = new Set([...current.orphans, ...current.newcomers]);
      if (!created.flat().every((id) => waiting.has(id))) {
        throw new DomainError('CONFLICT', 'partnership.repairChanged', { round: round.name });
      }
      const members = created.flat().map((id) => byId.get(id)!);
      const personOf = await linkParticipants(store, now, members);
      const partnerships: NewPartnership[] = repaired.run.partnerships.map((details) => ({
        id: deps.ids.newId(),
        roundId: round.id,
        runId: null,
        details,
        members: details.applicationIds.map((id) => ({
          applicationId: id,
          personId: personOf.get(id) ?? null,
        })),
      }));
      await store.matching.insertPartnerships(partnerships, now);
      const hadPartner = new Set(orphans);
      for (const partnership of partnerships) {
        const ids = partnership.details.applicationIds;
        for (const message of introductionMessages({
          round,
          partnershipId: partnership.id,
          members: ids.map((id) => byId.get(id)!),
          explanation: explanations.get(partnershipKey(ids)),
          isNewPartner: (id) => hadPartner.has(id),
        })) {
          await store.messages.enqueue(message, now);
        }
      }
      await store.audit.record(
        {
          actorPersonId: input.actorPersonId,
          action: 'partnership.repaired',
          subjectType: 'round',
          subjectId: round.id,
          details: { partnerships: partnerships.map((p) => p.id), ...result },
        },
        now,
      );
    });
  } catch (error) {
    // Another repair placed the same people first (migration 0011's index).
    if (deps.uow.isUniqueViolation(error)) {
      throw new DomainError('CONFLICT', 'partnership.repairChanged', { round: round.name });
    }
    throw error;
  }
  return result;
};

/** A program coordinator's "repair now": after admitting latecomers, or to retry. */
export const repairPartnerships = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string },
): Promise<RepairResult> => {
  const viewer = assertProgramCoordinator(input.viewer, 'repair partnerships');
  return repairRound(deps, { roundId: input.roundId, actorPersonId: actorIdOf(viewer) });
};
