import { actorIdOf, type Viewer } from '../../core/people/viewer';
import type { UseCaseDeps } from '../ports/deps';
import { assertSignedIn } from './access';

/**
 * Records that a person ended every one of their sessions (sign-in itself is better-auth's, which
 * the web edge asks to revoke them first). In the audit trail with from where, so that a
 * coordinator who suspects a stolen session can show when they cut it off.
 */
export const recordSignOutEverywhere = async (deps: UseCaseDeps, viewer: Viewer | null): Promise<void> => {
  const person = assertSignedIn(viewer, 'sign out everywhere');
  const now = deps.clock.now();
  await deps.uow.transaction((store) =>
    store.audit.record(
      {
        actorPersonId: actorIdOf(person),
        action: 'person.signed-out-everywhere',
        subjectType: 'person',
        subjectId: person.personId,
        details: {},
      },
      now,
    ),
  );
};
