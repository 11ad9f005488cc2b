import { z } from 'zod';
import { DomainError, invalidInput } from '../../core/errors';
import { normalizeEmail, type Person } from '../../core/people/person';
import type { UseCaseDeps } from '../ports/deps';

/** At most this many sign-in requests per address and per IP address in the window. */
export const SIGN_IN_RATE_LIMIT = { windowMinutes: 15, perEmail: 5, perIpAddress: 20 } as const;

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
 * Someone asks for a sign-in link. Known people get one by email; unknown addresses get nothing,
 * and the caller answers both the same way so that the form does not reveal who has an account.
 * Every accepted request counts against the address and the IP address, known or not.
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
  const emailKey = deps.hashKey(`email:${email}`);
  const ipKey = input.ipAddress ? deps.hashKey(`ip:${input.ipAddress}`) : null;
  if ((await attempts.countSince('email', emailKey, windowStart)) >= SIGN_IN_RATE_LIMIT.perEmail) {
    throw new DomainError('RATE_LIMITED', 'signIn.tooManyForAddress');
  }
  if (ipKey && (await attempts.countSince('ip', ipKey, windowStart)) >= SIGN_IN_RATE_LIMIT.perIpAddress) {
    throw new DomainError('RATE_LIMITED', 'signIn.tooManyFromNetwork');
  }
  await attempts.record('email', emailKey, now);
  if (ipKey) await attempts.record('ip', ipKey, now);
  await attempts.pruneBefore(new Date(now.getTime() - 24 * 60 * 60_000));

  const person = await deps.store.people.findPersonByEmail(email);
  if (!person) return { linkSent: false };
  await input.issueLink(person, { next: input.next, locale: input.locale });
  return { linkSent: true };
};
