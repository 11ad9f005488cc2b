import { DomainError } from '../../core/errors';
import { type LeftPartnership, leavePartnership, repairAfterLeaving } from '../matching/leave-partnership';
import type { UseCaseDeps } from '../ports/deps';
import { type DataRequester, resolveDataSubject } from './data-subject';

/**
 * A person erases their data (docs/decisions/0023-privacy-rights.md). Every application of theirs
 * still in play is withdrawn first, exactly as the private link's "withdraw" does, so that during a
 * round they leave their partnership: the partners get the usual "your partner has left" email,
 * which names nobody but its recipient, and whoever is left alone is re-matched once this has
 * committed. Then the rows are emptied in place (aggregates still add up) and the sessions end.
 * Audit entries record the erasure by ids only. Erasing again changes nothing. Coordinators are
 * removed by a program coordinator first: their records of what they did are the program's.
 */
export const erasePersonalData = async (
  deps: UseCaseDeps,
  requester: DataRequester,
): Promise<{ applications: number }> => {
  const now = deps.clock.now();
  const done = await deps.uow.transaction(async (store) => {
    const subject = await resolveDataSubject(store, requester);
    if (subject.personId) {
      const roles = await store.people.listRoles(subject.personId);
      if (roles.some((role) => role.role !== 'participant')) {
        throw new DomainError('CONFLICT', 'privacy.coordinatorCannotErase', { email: subject.email });
      }
    }
    const applications = await store.privacy.listApplicationsOf(subject);
    const left: LeftPartnership[] = [];
    let erased = 0;
    for (const application of applications) {
      if (application.erasedAt) continue;
      const round = await store.rounds.getRound(application.roundId);
      const inPlay = application.status !== 'withdrawn' && application.status !== 'declined';
      if (inPlay && round.status !== 'finished') {
        await store.applicantRecords.markWithdrawn(application.id, now);
        const leaving = await leavePartnership(store, now, {
          applicationId: application.id,
          reason: 'withdrawn',
          actorPersonId: subject.personId,
        });
        if (leaving) left.push(leaving);
      }
      await store.privacy.eraseApplication(application.id, now);
      await store.audit.record(
        {
          actorPersonId: subject.personId,
          action: 'application.erased',
          subjectType: 'application',
          subjectId: application.id,
          details: { roundId: application.roundId, reason: 'request', previousStatus: application.status },
        },
        now,
      );
      erased += 1;
    }
    await store.privacy.erasePerson(subject, now);
    if (subject.personId) {
      await store.audit.record(
        {
          actorPersonId: subject.personId,
          action: 'person.data-erased',
          subjectType: 'person',
          subjectId: subject.personId,
          details: { applications: erased },
        },
        now,
      );
    }
    return { erased, left };
  });
  for (const leaving of done.left) await repairAfterLeaving(deps, leaving, null);
  return { applications: done.erased };
};
