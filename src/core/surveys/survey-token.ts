import {
  checkSignedLinkToken,
  formatSignedLinkToken,
  type Sign,
  type SignedLinkToken,
  type SignedLinkTokenCheck,
} from '../links/signed-link-token';

/**
 * The personal link in a survey email: a signed link token (core/links/signed-link-token.ts) for
 * the purpose `survey-link`, expiring when the survey closes. Only a hash of the token is stored,
 * beside the survey and the participant it was sent to.
 */
export type { Sign } from '../links/signed-link-token';
export type SurveyLinkToken = SignedLinkToken;
export type SurveyTokenCheck = SignedLinkTokenCheck;

export const formatSurveyToken = (nonce: string, expiresAt: Date, sign: Sign): SurveyLinkToken =>
  formatSignedLinkToken('survey-link', nonce, expiresAt, sign);

/** What a token from a link is: valid, expired (but really ours), or not ours at all. */
export const checkSurveyToken = (token: unknown, now: Date, sign: Sign): SurveyTokenCheck =>
  checkSignedLinkToken('survey-link', token, now, sign);

/** The path a survey link opens: the answer form, which changes nothing when opened. */
export const surveyLinkPath = (token: string): string => `/survey/${token}`;
