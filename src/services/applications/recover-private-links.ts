import { z } from 'zod';
import { DomainError, invalidInput } from '../../core/errors';
import { normalizeEmail } from '../../core/people/person';
import type { UseCaseDeps } from '../ports/deps';
import { emailPrivateLinks } from './private-links';

/** At most this many lost-link requests per network address in the window; then RATE_LIMITED. */
export const LOST_LINK_RATE_LIMIT = { windowMinutes: 60, perIpAddress: 20 } as const;

/** Links for at most this many applications go in one email (an address applies once a round). */
const MOST_LINKS = 5;

export interface RecoverPrivateLinksInput {
  email: string;
  /** The client's network address, for the per-network limit; null when unknown. */
  ipAddress: string | null;
  locale: string;
}

/**
 * Someone lost the private link to their application: the address they give gets one email with
 * a new link for each of its applications in rounds that have not finished (or, with none, its
 * latest application). No address learns anything: known and unknown ones are answered alike
 * by the caller, and only the address itself receives links. Limits: per network address
 * (LOST_LINK_RATE_LIMIT), and per application at most REQUESTED_LINKS_PER_HOUR links an hour
 * (private-links.ts), so a stranger can cause at most three emails an hour per address.
 * The result is for tests and logs only: never show it.
 */
export const recoverPrivateLinks = async (
  deps: UseCaseDeps,
  input: RecoverPrivateLinksInput,
): Promise<{ linksSent: number }> => {
  const email = normalizeEmail(input.email);
  if (!z.email().safeParse(email).success) {
    throw invalidInput([{ field: 'email', code: 'email.invalid' }]);
  }
  const now = deps.clock.now();
  const records = deps.store.applicantRecords;
  if (input.ipAddress) {
    const ipKey = deps.hashKey(`lost-link:ip:${input.ipAddress}`);
    const since = new Date(now.getTime() - LOST_LINK_RATE_LIMIT.windowMinutes * 60_000);
    if ((await records.countLinkRequestsSince(ipKey, since)) >= LOST_LINK_RATE_LIMIT.perIpAddress) {
      throw new DomainError('RATE_LIMITED', 'lostLink.tooManyFromNetwork', {
        minutes: LOST_LINK_RATE_LIMIT.windowMinutes,
      });
    }
    await records.recordLinkRequest(ipKey, now);
  }
  return sendPrivateLinksTo(deps, { email, locale: input.locale, via: 'lost-link' });
};

/**
 * The links of an address's applications, without request limits of its own: the caller has
 * applied its own (the lost-link page above, the sign-in form). Nothing is sent to an address
 * that has not applied.
 */
export const sendPrivateLinksTo = async (
  deps: UseCaseDeps,
  input: { email: string; locale: string; via: 'lost-link' | 'sign-in' },
): Promise<{ linksSent: number }> => {
  const applications = await deps.store.applications.listApplicationsByEmail(input.email);
  if (applications.length === 0) return { linksSent: 0 };
  const now = deps.clock.now();
  const linksSent = await deps.uow.transaction(async (store) => {
    const withRounds = await Promise.all(
      applications.map(async (application) => ({
        application,
        round: await store.rounds.getRound(application.roundId),
      })),
    );
    const current = withRounds.filter(({ round }) => round.status !== 'finished');
    const chosen = (current.length > 0 ? current : withRounds.slice(0, 1)).slice(0, MOST_LINKS);
    return emailPrivateLinks(deps, store, chosen, input.locale, now, input.via);
  });
  return { linksSent };
};
