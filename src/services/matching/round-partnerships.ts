import type { Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import { assertCoordinator, scopeOf } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { StoredPartnership } from '../ports/matching';
import { findPeopleToPlace } from './repair-partnerships';

/**
 * A round's partnerships for coordinators, once published: who is with whom, who left and why, and
 * who is waiting for a partner (left alone, or admitted late). Names and countries only: contact
 * details are for the partners themselves. Country coordinators see partnerships with someone of
 * their countries; only program coordinators mark people inactive or repair.
 */
export interface RoundPartnershipMember {
  applicationId: string;
  name: string;
  countryCode: string;
  leftAt: Date | null;
  leftReason: string | null;
}

export interface RoundPartnerships {
  round: Round;
  partnerships: (Pick<StoredPartnership, 'id' | 'status' | 'createdAt' | 'endedAt'> & {
    fit: number;
    members: RoundPartnershipMember[];
  })[];
  /** People a repair would place now. */
  waiting: { applicationId: string; name: string; countryCode: string; isOrphan: boolean }[];
  canEdit: boolean;
}

export const listRoundPartnerships = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string },
): Promise<RoundPartnerships> => {
  const viewer = assertCoordinator(input.viewer, 'see the partnerships of a round');
  const scope = scopeOf(viewer);
  const round = await deps.store.rounds.getRound(input.roundId);
  const [candidates, partnerships] = await Promise.all([
    deps.store.matching.listCandidates(round.id),
    deps.store.matching.listPartnerships(round.id),
  ]);
  const byId = new Map(candidates.map((candidate) => [candidate.applicationId, candidate]));
  const isVisible = (ids: readonly string[]) =>
    scope.kind === 'all' || ids.some((id) => scope.countryCodes.includes(byId.get(id)?.countryCode ?? ''));
  const person = (applicationId: string) => ({
    applicationId,
    name: byId.get(applicationId)?.name ?? applicationId,
    countryCode: byId.get(applicationId)?.countryCode ?? '',
  });
  const { orphans, newcomers } =
    round.status === 'under-way'
      ? findPeopleToPlace(candidates, partnerships)
      : { orphans: [], newcomers: [] };
  return {
    round,
    partnerships: partnerships
      .filter((partnership) => isVisible(partnership.members.map((member) => member.applicationId)))
      .map((partnership) => ({
        id: partnership.id,
        status: partnership.status,
        createdAt: partnership.createdAt,
        endedAt: partnership.endedAt,
        fit: partnership.details.fit,
        members: partnership.members.map((member) => ({
          ...person(member.applicationId),
          leftAt: member.leftAt,
          leftReason: member.leftReason,
        })),
      })),
    waiting: [
      ...orphans.map((id) => ({ ...person(id), isOrphan: true })),
      ...newcomers.map((id) => ({ ...person(id), isOrphan: false })),
    ].filter((waiting) => isVisible([waiting.applicationId])),
    canEdit: viewer.isProgramCoordinator && round.status === 'under-way',
  };
};
