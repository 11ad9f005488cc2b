import { DomainError } from '../../core/errors';
import type { UseCaseDeps } from '../ports/deps';
import { getPrivateApplication } from './get-private-application';

/**
 * A waitlisted applicant says they do not want to be carried into the next round. They stay on
 * this round's waitlist (a place may still free up).
 */
export const declineCarryOver = async (
  deps: UseCaseDeps,
  input: { token: string },
): Promise<{ applicationId: string }> => {
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const current = await getPrivateApplication(store, now, input.token);
    const { application } = current;
    if (!current.canDeclineCarryOver) {
      throw current.flags.declinedCarryOver
        ? new DomainError('CONFLICT', 'carryOver.alreadyDeclined', { applicationId: application.id })
        : new DomainError('CONFLICT', 'carryOver.notWaitlisted', {
            applicationId: application.id,
            status: application.status,
          });
    }
    await store.applicantRecords.setDeclinedCarryOver(application.id, now);
    await store.audit.record(
      {
        actorPersonId: null,
        action: 'application.carry-over-declined',
        subjectType: 'application',
        subjectId: application.id,
        details: { roundId: application.roundId },
      },
      now,
    );
    return { applicationId: application.id };
  });
};
