import { hashToken, isWellFormedToken } from '../../core/applications/application-token';
import { DomainError } from '../../core/errors';
import type { Viewer } from '../../core/people/viewer';
import type { DataSubject } from '../ports/privacy';
import type { Store } from '../ports/store';

/**
 * Who is asking, as a data subject: the signed-in person (their address and id), or the holder of
 * an application's private link (email-first: the link is the credential for its address, and
 * the person with that address if there is one).
 */
export type DataRequester = { viewer: Viewer | null } | { token: string };

export const resolveDataSubject = async (
  store: Pick<Store, 'applications' | 'people'>,
  requester: DataRequester,
): Promise<DataSubject> => {
  if ('viewer' in requester) {
    if (!requester.viewer)
      throw new DomainError('UNAUTHENTICATED', 'access.signInFirst', { doing: 'your data' });
    return { email: requester.viewer.email, personId: requester.viewer.personId };
  }
  const unknown = () => new DomainError('NOT_FOUND', 'privateLink.unknown');
  if (!isWellFormedToken(requester.token)) throw unknown();
  const application = await store.applications.findApplicationByTokenHash(hashToken(requester.token));
  if (!application) throw unknown();
  const person = application.personId
    ? { id: application.personId }
    : await store.people.findPersonByEmail(application.email);
  return { email: application.email, personId: person?.id ?? null };
};
