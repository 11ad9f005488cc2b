import { z } from 'zod';
import { hashToken } from '../../core/applications/application-token';
import { DomainError, invalidInput } from '../../core/errors';
import { roundFactsOf } from '../../core/messages/messages';
import { normalizeEmail } from '../../core/people/person';
import type { UseCaseDeps } from '../ports/deps';
import { emailPrivateLinks } from './private-links';

/** At most this many previous-answers requests per address and per network address in the window. */
export const PREVIOUS_ANSWERS_RATE_LIMIT = { windowMinutes: 60, perEmail: 3, perIpAddress: 20 } as const;
/** How long the link works. */
export const PREVIOUS_ANSWERS_LINK_HOURS = 48;

export interface RequestPreviousAnswersInput {
  roundId: string;
  email: string;
  ipAddress: string | null;
  locale: string;
}

/**
 * A returning participant asks for a link that opens this round's form with their last answers
 * filled in. Known addresses get one by email (an address already in this round gets its private
 * link instead); unknown ones get nothing, and the caller answers every case the same way. Every request counts against the address and the network address.
 * The result is for tests only: never show it.
 */
export const requestPreviousAnswers = async (
  deps: UseCaseDeps,
  input: RequestPreviousAnswersInput,
): Promise<{ linkSent: boolean }> => {
  const email = normalizeEmail(input.email);
  if (!z.email().safeParse(email).success) {
    throw invalidInput([{ field: 'email', code: 'email.invalid' }]);
  }
  const now = deps.clock.now();
  const round = await deps.store.rounds.getRound(input.roundId);
  const windowStart = new Date(now.getTime() - PREVIOUS_ANSWERS_RATE_LIMIT.windowMinutes * 60_000);
  const emailKey = deps.hashKey(`previous-answers:email:${email}`);
  const ipKey = input.ipAddress ? deps.hashKey(`previous-answers:ip:${input.ipAddress}`) : null;
  const records = deps.store.applicantRecords;
  if ((await records.countLinkRequestsSince(emailKey, windowStart)) >= PREVIOUS_ANSWERS_RATE_LIMIT.perEmail) {
    throw new DomainError('RATE_LIMITED', 'previousAnswers.tooManyForAddress');
  }
  if (
    ipKey &&
    (await records.countLinkRequestsSince(ipKey, windowStart)) >= PREVIOUS_ANSWERS_RATE_LIMIT.perIpAddress
  ) {
    throw new DomainError('RATE_LIMITED', 'previousAnswers.tooManyFromNetwork');
  }
  await records.recordLinkRequest(emailKey, now);
  if (ipKey) await records.recordLinkRequest(ipKey, now);
  await records.pruneLinkRequestsBefore(new Date(now.getTime() - 24 * 60 * 60_000));

  // Already in this round (and not withdrawn): the form could only be refused, so the address
  // gets its application's private link instead (at most once an hour, as for a repeated try).
  const inThisRound = await deps.store.applications.findApplicationByEmail(round.id, email);
  if (inThisRound && inThisRound.status !== 'withdrawn') {
    const sent = await deps.uow.transaction((store) =>
      emailPrivateLinks(
        deps,
        store,
        [{ application: inThisRound, round }],
        input.locale,
        now,
        'previous-answers',
      ),
    );
    return { linkSent: sent > 0 };
  }
  const previous = await deps.store.applications.findLatestApplicationByEmail(email);
  if (!previous) return { linkSent: false };
  const token = deps.ids.newToken();
  await deps.uow.transaction(async (store) => {
    await store.applicantRecords.insertPrefillLink(
      hashToken(token),
      email,
      new Date(now.getTime() + PREVIOUS_ANSWERS_LINK_HOURS * 60 * 60_000),
      now,
    );
    await store.messages.enqueue(
      {
        kind: 'application-previous-answers',
        to: email,
        locale: input.locale,
        payload: {
          name: previous.answers.name,
          round: roundFactsOf(round),
          prefillToken: token,
          hours: PREVIOUS_ANSWERS_LINK_HOURS,
        },
      },
      now,
    );
  });
  return { linkSent: true };
};
