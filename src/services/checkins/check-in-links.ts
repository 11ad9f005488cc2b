import { hashToken } from '../../core/applications/application-token';
import { type CheckInLinks, formatCheckInToken } from '../../core/checkins/check-in-link';
import { checkInLinkExpiresAt, fortnightAt, isFortnightOf } from '../../core/checkins/fortnights';
import type { Round } from '../../core/rounds';
import type { NewCheckInLink } from '../ports/checkins';
import type { UseCaseDeps } from '../ports/deps';

/**
 * The one-click check-in links of an email, for any email that asks "did you connect?": the
 * standalone check-in email, the silent partner's reminder, and the fortnightly topic email.
 *
 * For each participant, one signed token for (their application, the fortnight): the message
 * carries it (`CheckInLinks`, which the email shows as three links with `checkInChoices`), and only
 * its hash is stored. Making the tokens touches nothing; the caller stores the rows in the same
 * transaction that queues the emails, so a link exists exactly when its email does:
 *
 *   // before rendering (a topic: its moment gives the fortnight)
 *   const issued = issueCheckInLinks(deps, { round, at: topic.dueAt, applicationIds });
 *   payload.checkIn = issued.links.get(applicationId);            // undefined outside the round
 *   // in the transaction that records the deliveries and queues the emails
 *   await store.checkIns.insertLinks(issued.rows, now);
 */
export interface IssuedCheckInLinks {
  /** The fortnight the links answer for; undefined when the moment is outside the round. */
  fortnight: number | undefined;
  /** By application id. */
  links: Map<string, CheckInLinks>;
  /** To store with `store.checkIns.insertLinks` (hashes only). */
  rows: NewCheckInLink[];
}

export const issueCheckInLinks = (
  deps: Pick<UseCaseDeps, 'ids' | 'hashKey'>,
  input: {
    round: Pick<Round, 'id' | 'startsOn' | 'endsOn' | 'programTimeZone'>;
    /** The fortnight, or the moment of the email (its fortnight is used). */
    fortnight?: number | undefined;
    at?: Date | undefined;
    applicationIds: readonly string[];
  },
): IssuedCheckInLinks => {
  const { round } = input;
  const fortnight = input.fortnight ?? (input.at ? fortnightAt(round, input.at) : undefined);
  const issued: IssuedCheckInLinks = { fortnight, links: new Map(), rows: [] };
  if (fortnight === undefined || !isFortnightOf(round, fortnight)) return { ...issued, fortnight: undefined };
  const expiresAt = checkInLinkExpiresAt(round, fortnight);
  const sign = (payload: string) => deps.hashKey(payload);
  for (const applicationId of input.applicationIds) {
    const token = formatCheckInToken(deps.ids.newToken(), expiresAt, sign);
    issued.links.set(applicationId, {
      token: token.token,
      fortnight,
      expiresAt: token.expiresAt.toISOString(),
    });
    issued.rows.push({
      tokenHash: hashToken(token.token),
      applicationId,
      roundId: round.id,
      fortnight,
      expiresAt: token.expiresAt,
    });
  }
  return issued;
};
