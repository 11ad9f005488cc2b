import type { Person } from '../../core/people/person';
import type { Viewer } from '../../core/people/viewer';
import type { UseCaseDeps } from '../ports/deps';

/** The person behind a signed-in session, with their roles; undefined when they no longer exist. */
export const findViewerByEmail = (deps: UseCaseDeps, email: string): Promise<Viewer | undefined> =>
  deps.store.people.findViewerByEmail(email);

/** Only people of the program may sign in (sign-in links are never mailed to anyone else). */
export const findPersonByEmail = (deps: UseCaseDeps, email: string): Promise<Person | undefined> =>
  deps.store.people.findPersonByEmail(email);
