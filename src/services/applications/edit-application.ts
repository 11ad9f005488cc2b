import { type ApplicationAnswers, validateApplicationForm } from '../../core/applications';
import { DomainError, invalidInput } from '../../core/errors';
import type { UseCaseDeps } from '../ports/deps';
import type { Store } from '../ports/store';
import { getPrivateApplication } from './get-private-application';
import { assertAcceptingApplications } from './submit-application';

export interface EditApplicationInput {
  token: string;
  form: Record<string, unknown>;
}

/**
 * The applicant changes their answers through their private link, until the round stops taking
 * applications. The email address stays the one applied with (it is what makes an application
 * unique in its round; to use another, withdraw and apply again). A change of country needs nothing
 * more: the quota is decided for everyone when applications close, at each application's original
 * place in submission order.
 */
export const editApplication = async (
  deps: UseCaseDeps,
  input: EditApplicationInput,
): Promise<{ applicationId: string; answers: ApplicationAnswers }> => {
  const now = deps.clock.now();
  return deps.uow.transaction(async (store: Store) => {
    const current = await getPrivateApplication(store, now, input.token);
    const { application, round } = current;
    if (!current.canEdit) {
      throw application.status === 'withdrawn' || application.status === 'declined'
        ? new DomainError('CONFLICT', 'application.noLongerChangeable', {
            applicationId: application.id,
            status: application.status,
          })
        : new DomainError('CONFLICT', 'application.roundClosedForChanges', {
            applicationId: application.id,
            round: round.name,
          });
    }
    const validation = validateApplicationForm({ ...input.form, email: application.email });
    if (!validation.ok) {
      throw invalidInput(validation.problems, { applicationId: application.id });
    }
    const answers = validation.value;
    // Read under the round's shared lock, as submitting does: no change lands after the quota is settled.
    assertAcceptingApplications(await store.applicantRecords.lockRoundShared(round.id), now);
    await store.applications.updateAnswers(application.id, answers, now);
    const changed = Object.keys(answers).filter(
      (key) =>
        JSON.stringify(answers[key as keyof ApplicationAnswers]) !==
        JSON.stringify(application.answers[key as keyof ApplicationAnswers]),
    );
    await store.audit.record(
      {
        actorPersonId: null,
        action: 'application.edited',
        subjectType: 'application',
        subjectId: application.id,
        details: { roundId: round.id, changed },
      },
      now,
    );
    return { applicationId: application.id, answers };
  });
};
