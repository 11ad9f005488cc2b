import { DomainError } from '../../core/errors';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';
import { assertUnderWay, type RepairResult, repairRound } from './repair-partnerships';

/**
 * Someone leaves their partnership during a round: they withdrew through their private link, or a
 * program coordinator marked them inactive. The partnership goes on when two are left (a trio
 * becomes a pair) and ends otherwise; whoever stays is told by email, and whoever is left alone is
 * re-matched by the repair that follows (repair-partnerships.ts).
 */
export type LeaveReason = 'withdrawn' | 'inactive';

export interface LeftPartnership {
  partnershipId: string;
  roundId: string;
  /** True when nobody is left with a partner: they are to be re-matched. */
  ended: boolean;
}

/**
 * Inside the caller's transaction: the member leaves, the people who stay get an email, and the
 * change is audited. Undefined when the application is in no running partnership.
 */
export const leavePartnership = async (
  store: Pick<Store, 'matching' | 'applications' | 'rounds' | 'messages' | 'audit'>,
  now: Date,
  input: { applicationId: string; reason: LeaveReason; actorPersonId: string | null },
): Promise<LeftPartnership | undefined> => {
  const partnership = await store.matching.markMemberLeft(input.applicationId, input.reason, now);
  if (!partnership) return undefined;
  const round = await store.rounds.getRound(partnership.roundId);
  const ended = partnership.status === 'ended';
  const affected = partnership.members.filter(
    (member) =>
      member.applicationId !== input.applicationId &&
      (member.leftAt === null ||
        (ended && member.leftReason === 'partnership-ended' && member.leftAt.getTime() === now.getTime())),
  );
  for (const member of affected) {
    const application = await store.applications.findApplication(member.applicationId);
    if (!application) continue;
    await store.messages.enqueue(
      {
        kind: 'partnership-partner-left',
        to: application.email,
        locale: application.locale,
        dedupeKey: `partnership-partner-left:${partnership.id}:${input.applicationId}:${member.applicationId}`,
        payload: { name: application.name, roundName: round.name, isAlone: ended },
      },
      now,
    );
  }
  await store.audit.record(
    {
      actorPersonId: input.actorPersonId,
      action: 'partnership.member-left',
      subjectType: 'partnership',
      subjectId: partnership.id,
      details: { roundId: round.id, applicationId: input.applicationId, reason: input.reason, ended },
    },
    now,
  );
  return { partnershipId: partnership.id, roundId: round.id, ended };
};

/**
 * Re-matches whoever a leaving member left alone; for callers whose own change has committed
 * already (a withdrawal), so a failure here is logged and left to a coordinator's "repair now".
 */
export const repairAfterLeaving = async (
  deps: UseCaseDeps,
  left: LeftPartnership | undefined,
  actorPersonId: string | null,
): Promise<RepairResult | undefined> => {
  if (!left?.ended) return undefined;
  try {
    return await repairRound(deps, { roundId: left.roundId, actorPersonId });
  } catch (error) {
    deps.logger.warn(
      { err: error, roundId: left.roundId },
      'repair after a member left failed; repair by hand',
    );
    return undefined;
  }
};

/**
 * A program coordinator marks a participant of a round under way inactive (they stopped answering):
 * they leave their partnership as if they had withdrawn, and whoever is left alone is re-matched.
 */
export const markParticipantInactive = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; roundId: string; applicationId: string },
): Promise<{ left: LeftPartnership; repair: RepairResult | undefined }> => {
  const viewer = assertProgramCoordinator(input.viewer, 'mark a participant inactive');
  const now = deps.clock.now();
  const left = await deps.uow.transaction(async (store) => {
    const round = await store.rounds.getRound(input.roundId);
    assertUnderWay(round);
    const running = await store.matching.listActivePartnerships(round.id);
    const isMember = running.some((partnership) =>
      partnership.members.some((m) => m.applicationId === input.applicationId && m.leftAt === null),
    );
    if (!isMember) {
      throw new DomainError('NOT_FOUND', 'partnership.memberNotFound', {
        applicationId: input.applicationId,
        round: round.name,
      });
    }
    const result = await leavePartnership(store, now, {
      applicationId: input.applicationId,
      reason: 'inactive',
      actorPersonId: actorIdOf(viewer),
    });
    return result!;
  });
  return { left, repair: await repairAfterLeaving(deps, left, actorIdOf(viewer)) };
};
