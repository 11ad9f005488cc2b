import type { Application } from '../../core/applications/application';
import { DomainError } from '../../core/errors';
import type { PairExplanation } from '../../core/matchmaking';
import type { Viewer } from '../../core/people/viewer';
import type { Round } from '../../core/rounds';
import { describeTimeDifference, type TimeDifferencePeriod } from '../../core/time';
import { explainMembers } from '../matching/explain-members';
import type { UseCaseDeps } from '../ports/deps';
import type { StoredPartnership } from '../ports/matching';

/**
 * The participants' area: a participant sees the partnerships they are or were in, their partners,
 * and their own application, and nothing of anyone else. Every read starts from the signed-in
 * person; a partnership they are not a member of is NOT_FOUND, exactly like one that does not exist.
 */
export interface PartnershipSummary {
  id: string;
  round: Round;
  status: StoredPartnership['status'];
  /** When the viewer left it themselves (withdrew, marked inactive). */
  youLeftAt: Date | null;
  partners: { name: string; countryCode: string }[];
}

export interface PartnerDetails {
  application: Application;
  leftAt: Date | null;
  /** Shown while both are in the partnership; null once either has left it. */
  email: string | null;
  /** Their clock minus the viewer's, over the round. */
  timeDifference: TimeDifferencePeriod[];
  /** What the two share, with call times; `mine` is the viewer's side of `pair.overlap`'s local times. */
  pair: PairExplanation | undefined;
  mine: 0 | 1;
}

export interface PartnershipDetails {
  id: string;
  round: Round;
  status: StoredPartnership['status'];
  me: Application;
  youLeftAt: Date | null;
  partners: PartnerDetails[];
}

const signedIn = (viewer: Viewer | null, doing: string): Viewer => {
  if (!viewer) throw new DomainError('UNAUTHENTICATED', 'access.signInFirst', { doing });
  return viewer;
};

const notFound = (partnershipId: string) =>
  new DomainError('NOT_FOUND', 'partnership.notFound', { id: partnershipId });

const loadApplications = async (deps: UseCaseDeps, partnership: StoredPartnership) =>
  new Map(
    (
      await Promise.all(
        partnership.members.map((m) => deps.store.applications.findApplication(m.applicationId)),
      )
    )
      .filter((application): application is Application => application !== undefined)
      .map((application) => [application.id, application]),
  );

/** The viewer's own partnership and their membership of it, or NOT_FOUND. */
const loadOwnPartnership = async (deps: UseCaseDeps, viewer: Viewer, partnershipId: string) => {
  const partnership = await deps.store.matching.findPartnership(partnershipId);
  const membership = partnership?.members.find((member) => member.personId === viewer.personId);
  if (!partnership || !membership) throw notFound(partnershipId);
  return { partnership, membership };
};

/** Every partnership the viewer is or was in, newest first. */
export const listMyPartnerships = async (
  deps: UseCaseDeps,
  viewer: Viewer | null,
): Promise<PartnershipSummary[]> => {
  const me = signedIn(viewer, 'see your partnerships');
  const partnerships = await deps.store.matching.listPartnershipsOfPerson(me.personId);
  const rounds = new Map<string, Round>();
  const summaries: PartnershipSummary[] = [];
  for (const partnership of partnerships) {
    const round = rounds.get(partnership.roundId) ?? (await deps.store.rounds.getRound(partnership.roundId));
    rounds.set(round.id, round);
    const applications = await loadApplications(deps, partnership);
    const mine = partnership.members.find((member) => member.personId === me.personId);
    summaries.push({
      id: partnership.id,
      round,
      status: partnership.status,
      youLeftAt: mine?.leftReason === 'partnership-ended' ? null : (mine?.leftAt ?? null),
      partners: partnership.members
        .filter((member) => member.personId !== me.personId)
        .flatMap((member) => {
          const application = applications.get(member.applicationId);
          return application ? [{ name: application.name, countryCode: application.countryCode }] : [];
        }),
    });
  }
  return summaries;
};

/** One of the viewer's partnerships in full: partners, what they share, call times, both clocks. */
export const getMyPartnership = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; partnershipId: string },
): Promise<PartnershipDetails> => {
  const viewer = signedIn(input.viewer, 'see a partnership');
  const { partnership, membership } = await loadOwnPartnership(deps, viewer, input.partnershipId);
  const [round, settings, applications] = await Promise.all([
    deps.store.rounds.getRound(partnership.roundId),
    deps.store.matching.findSettings(partnership.roundId),
    loadApplications(deps, partnership),
  ]);
  const me = applications.get(membership.applicationId);
  if (!me) throw notFound(input.partnershipId);
  const members = partnership.details.applicationIds.flatMap((id) => {
    const application = applications.get(id);
    return application ? [{ applicationId: id, email: application.email, answers: application.answers }] : [];
  });
  const explanation = explainMembers(round, settings, members);
  const youLeft = membership.leftAt !== null && membership.leftReason !== 'partnership-ended';
  const partners = partnership.members
    .filter((member) => member.applicationId !== me.id)
    .flatMap((member): PartnerDetails[] => {
      const application = applications.get(member.applicationId);
      if (!application) return [];
      const pair = explanation.pairs.find((p) => p.applicationIds.includes(application.id));
      const isRunning =
        partnership.status === 'active' && member.leftAt === null && membership.leftAt === null;
      return [
        {
          application,
          leftAt: member.leftReason === 'partnership-ended' ? null : member.leftAt,
          email: isRunning ? application.email : null,
          timeDifference: describeTimeDifference(me.answers.timeZone, application.answers.timeZone, round),
          pair,
          mine: pair?.applicationIds[0] === me.id ? 0 : 1,
        },
      ];
    });
  return {
    id: partnership.id,
    round,
    status: partnership.status,
    me,
    youLeftAt: youLeft ? membership.leftAt : null,
    partners,
  };
};

/** The viewer's own application to the round of one of their partnerships, to read. */
export const getMyApplication = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; partnershipId: string },
): Promise<{ partnershipId: string; round: Round; application: Application }> => {
  const viewer = signedIn(input.viewer, 'see your application');
  const { partnership, membership } = await loadOwnPartnership(deps, viewer, input.partnershipId);
  const [round, application] = await Promise.all([
    deps.store.rounds.getRound(partnership.roundId),
    deps.store.applications.findApplication(membership.applicationId),
  ]);
  if (!application) throw notFound(input.partnershipId);
  return { partnershipId: partnership.id, round, application };
};
