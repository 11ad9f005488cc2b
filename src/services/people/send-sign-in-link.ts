import { SIGN_IN_LINK_MINUTES } from '../../core/people/sign-in-link';
import type { UseCaseDeps } from '../ports/deps';

export interface SendSignInLinkInput {
  email: string;
  /** The one-time token better-auth made (stored hashed by it). */
  token: string;
  /** A local path to go to after signing in. */
  next?: string | undefined;
  /** The language the person asked in; their own otherwise. */
  locale?: string | undefined;
}

/**
 * Queues the sign-in email for a person of the program. Anyone else gets nothing: the sign-in form
 * only asks for links for known people, and this is the last guard that no stranger is mailed.
 */
export const sendSignInLink = async (
  deps: UseCaseDeps,
  input: SendSignInLinkInput,
): Promise<{ sent: boolean }> => {
  const person = await deps.store.people.findPersonByEmail(input.email);
  if (!person) {
    deps.logger.warn('sign-in link requested for an address that is not a person; nothing sent');
    return { sent: false };
  }
  const now = deps.clock.now();
  await deps.uow.transaction((store) =>
    store.messages.enqueue(
      {
        kind: 'sign-in-link',
        to: person.email,
        locale: input.locale ?? person.locale,
        payload: { name: person.name, token: input.token, next: input.next, minutes: SIGN_IN_LINK_MINUTES },
      },
      now,
    ),
  );
  return { sent: true };
};
