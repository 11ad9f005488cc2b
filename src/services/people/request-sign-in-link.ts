import { z } from 'zod';
import { DomainError, invalidInput } from '../../core/errors';
import { normalizeEmail, type Person } from '../../core/people/person';
import { sendPrivateLinksTo } from '../applications/recover-private-links';
import type { UseCaseDeps } from '../ports/deps';

/**
 * The sign-in limits, in a window of `windowMinutes` (ADR 0013):
 * - per network address: at most `perIpAddress` requests; the next are refused (429), so one
 *   client cannot flood the form;
 * - per email address: at most `emailsPerAddress` emails. Further requests are answered exactly as
 *   any other ("check your email") but send nothing. A stranger asking for someone's link from many
 *   networks therefore cannot lock its owner out: the owner never sees a refusal, every link sent
 *   went to the owner's inbox and works for SIGN_IN_LINK_MINUTES (as long as the window), and once
 *   the oldest email of the window is that old a new request sends a fresh link. Nor can anyone
 *   learn whether an address has an account: known and unknown addresses get the same answer.
 */
export const SIGN_IN_RATE_LIMIT = { windowMinutes: 15, emailsPerAddress: 3, perIpAddress: 20 } as const;

export interface RequestSignInLinkInput {
  email: string;
  /** Null when the address of the client is unknown; only the per-email limit applies then. */
  ipAddress: string | null;
  /** A local path to go to after signing in. */
  next?: string | undefined;
  locale: string;
}

/** Creates the one-time link and queues the email (better-auth's magic link, passed in by the web edge). */
export type IssueSignInLink = (
  person: Person,
  options: { next?: string | undefined; locale: string },
) => Promise<void>;

/**
 * Someone asks for a sign-in link. Known people get one by email, within the limits above; an
 * address that has only applied gets its applications' private links (sendPrivateLinksTo); others
 * get nothing, and the caller answers every case the same way so that the form reveals
 * neither who has an account nor whether a limit was reached. Every request counts against the
 * network address; only emails sent count against the email address.
 * The result is for logs and tests only; never show it.
 */
export const requestSignInLink = async (
  deps: UseCaseDeps,
  input: RequestSignInLinkInput & { issueLink: IssueSignInLink },
): Promise<{ linkSent: boolean }> => {
  const email = normalizeEmail(input.email);
  if (!z.email().safeParse(email).success) {
    throw invalidInput([{ field: 'email', code: 'email.invalid' }]);
  }
  const now = deps.clock.now();
  const attempts = deps.store.signInAttempts;
  const windowStart = new Date(now.getTime() - SIGN_IN_RATE_LIMIT.windowMinutes * 60_000);
  const ipKey = input.ipAddress ? deps.hashKey(`ip:${input.ipAddress}`) : null;
  if (ipKey && (await attempts.countSince('ip', ipKey, windowStart)) >= SIGN_IN_RATE_LIMIT.perIpAddress) {
    throw new DomainError('RATE_LIMITED', 'signIn.tooManyFromNetwork');
  }
  if (ipKey) await attempts.record('ip', ipKey, now);
  await attempts.pruneBefore(new Date(now.getTime() - 24 * 60 * 60_000));

  const person = await deps.store.people.findPersonByEmail(email);
  if (!person) {
    // Applicants are not people who sign in (yet): an address that has applied gets the private
    // links to its applications instead, at most one per application an hour. Answered the same.
    await sendPrivateLinksTo(deps, { email, locale: input.locale, via: 'sign-in' });
    return { linkSent: false };
  }
  const emailKey = deps.hashKey(`email:${email}`);
  if ((await attempts.countSince('email', emailKey, windowStart)) >= SIGN_IN_RATE_LIMIT.emailsPerAddress) {
    deps.logger.info(
      { personId: person.id },
      'sign-in link not sent: enough were sent to this address lately',
    );
    return { linkSent: false };
  }
  await attempts.record('email', emailKey, now);
  // The person's own choice of language wins over the page's (a browser's or another's).
  await input.issueLink(person, { next: input.next, locale: person.chosenLocale ?? input.locale });
  return { linkSent: true };
};
