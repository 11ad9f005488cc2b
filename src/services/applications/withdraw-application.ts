import { DomainError } from '../../core/errors';
import { renderApplicationWithdrawnEmail } from '../../email/templates/application-withdrawn';
import type { ApplicationUnitOfWork } from '../ports/application-store';
import { getPrivateApplication } from './get-private-application';

export interface WithdrawApplicationInput {
  token: string;
  locale: string;
}

/**
 * The applicant withdraws through their private link: status `withdrawn`, a confirming email in
 * the same transaction, an audit entry. Withdrawing twice is a CONFLICT; a declined application
 * cannot be withdrawn.
 */
export const withdrawApplication = async (
  deps: { store: ApplicationUnitOfWork; now: () => Date; baseUrl: string },
  input: WithdrawApplicationInput,
): Promise<{ applicationId: string }> => {
  const now = deps.now();
  return deps.store.transaction(async (store) => {
    const current = await getPrivateApplication({ store, now: () => now }, input.token);
    const { application, round } = current;
    if (!current.canWithdraw) {
      throw new DomainError(
        'CONFLICT',
        `Application ${application.id} cannot be withdrawn: it is ${application.status} and round "${round.name}" is ${round.status}.`,
      );
    }
    await store.records.markWithdrawn(application.id, now);
    const email = renderApplicationWithdrawnEmail({
      locale: input.locale,
      name: application.answers.name,
      roundName: round.name,
      homeUrl: `${deps.baseUrl.replace(/\/+$/, '')}/`,
    });
    await store.enqueueMail(
      {
        to: application.email,
        kind: 'application-withdrawn',
        dedupeKey: `application-withdrawn:${application.id}`,
        ...email,
      },
      now,
    );
    await store.records.appendAuditEntry(
      {
        actorPersonId: null,
        action: 'application.withdrawn',
        subjectType: 'application',
        subjectId: application.id,
        details: { roundId: round.id, previousStatus: application.status },
      },
      now,
    );
    return { applicationId: application.id };
  });
};
