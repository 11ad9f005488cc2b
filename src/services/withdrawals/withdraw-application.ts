// Withdrawing spans two features: the application (applications/) and, during a round, the
// partnership it is in (matching/). It lives above both so neither depends on the other.
import { DomainError } from '../../core/errors';
import { getPrivateApplication } from '../applications/get-private-application';
import { leavePartnership, repairAfterLeaving } from '../matching/leave-partnership';
import type { UseCaseDeps } from '../ports/deps';

export interface WithdrawApplicationInput {
  token: string;
  locale: string;
}

/**
 * The applicant withdraws through their private link: status `withdrawn`, a confirming email in
 * the same transaction, an audit entry. Withdrawing twice is a CONFLICT; a declined application
 * cannot be withdrawn. During a round a participant also leaves their partnership (their partners
 * are told), and whoever is left alone is re-matched once the withdrawal has committed.
 */
export const withdrawApplication = async (
  deps: UseCaseDeps,
  input: WithdrawApplicationInput,
): Promise<{ applicationId: string }> => {
  const now = deps.clock.now();
  const withdrawn = await deps.uow.transaction(async (store) => {
    const current = await getPrivateApplication(store, now, input.token);
    const { application, round } = current;
    if (!current.canWithdraw) {
      throw new DomainError('CONFLICT', 'application.cannotWithdraw', {
        applicationId: application.id,
        status: application.status,
        round: round.name,
        roundStatus: round.status,
      });
    }
    await store.applicantRecords.markWithdrawn(application.id, now);
    const left = await leavePartnership(store, now, {
      applicationId: application.id,
      reason: 'withdrawn',
      actorPersonId: null,
    });
    await store.messages.enqueue(
      {
        kind: 'application-withdrawn',
        to: application.email,
        locale: input.locale,
        dedupeKey: `application-withdrawn:${application.id}`,
        payload: {
          name: application.answers.name,
          roundName: round.name,
          // canEdit: the round takes applications, so applying again makes a fresh one.
          roundId: current.canEdit ? round.id : undefined,
        },
      },
      now,
    );
    await store.audit.record(
      {
        actorPersonId: null,
        action: 'application.withdrawn',
        subjectType: 'application',
        subjectId: application.id,
        details: { roundId: round.id, previousStatus: application.status },
      },
      now,
    );
    return { applicationId: application.id, left };
  });
  await repairAfterLeaving(deps, withdrawn.left, null);
  return { applicationId: withdrawn.applicationId };
};
