import {
  checkSignedLinkToken,
  formatSignedLinkToken,
  type Sign,
  type SignedLinkToken,
  type SignedLinkTokenCheck,
} from '../links/signed-link-token';
import { CHECK_IN_ANSWERS, type CheckInAnswer } from './check-in';

/**
 * The one-click check-in links in an email. One signed link token (core/links, purpose
 * `check-in-link`) per participant and fortnight; only its hash is stored, with the application
 * and the fortnight it is for. The email carries it three times, once per answer:
 * `/check-in/<token>?answer=in-touch` and so on.
 *
 * The answer is not part of what is signed, on purpose: the token is the credential (whoever holds
 * it may answer for that participant and fortnight, any of the three answers), and the answer in
 * the address only preselects a choice on the page the link opens. Opening that page changes
 * nothing, so a mail scanner that follows every link records nothing; the person confirms with a
 * button, which posts the token and the chosen answer.
 */
export type CheckInLinkToken = SignedLinkToken;

export const formatCheckInToken = (nonce: string, expiresAt: Date, sign: Sign): CheckInLinkToken =>
  formatSignedLinkToken('check-in-link', nonce, expiresAt, sign);

export const checkCheckInToken = (token: unknown, now: Date, sign: Sign): SignedLinkTokenCheck =>
  checkSignedLinkToken('check-in-link', token, now, sign);

export const CHECK_IN_LINK_PREFIX = '/check-in';

/** The page a check-in link opens, with the answer it was clicked for preselected. */
export const checkInLinkPath = (token: string, answer?: CheckInAnswer): string =>
  `${CHECK_IN_LINK_PREFIX}/${token}${answer ? `?answer=${answer}` : ''}`;

/** The three links of one token, in the order the email lists them. */
export const checkInLinkPaths = (token: string): { answer: CheckInAnswer; path: string }[] =>
  CHECK_IN_ANSWERS.map((answer) => ({ answer, path: checkInLinkPath(token, answer) }));

/**
 * What a message carries so the email can show the three answers: the token (only its hash is
 * stored), the fortnight it is for and when it stops working (ISO-8601).
 */
export interface CheckInLinks {
  token: string;
  fortnight: number;
  expiresAt: string;
}
