/**
 * The personal link in a survey email: `<nonce>.<expires>.<signature>`, where the nonce is 32
 * random bytes (base64url), `expires` the Unix time in seconds after which the link no longer
 * opens the survey, and the signature a keyed hash (HMAC with the program's secret) of both.
 *
 * The signature lets the edge tell a forged or mangled link from an expired one without asking
 * the database, and the expiry is inside what is signed, so it cannot be moved. Only a hash of
 * the whole token is stored (beside the survey and the participant it was sent to), so a copy of
 * the database opens no survey. Pure: the keyed hash is passed in.
 */
export type Sign = (payload: string) => string;

export interface SurveyLinkToken {
  token: string;
  expiresAt: Date;
}

const NONCE = /^[A-Za-z0-9_-]{43}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{20,100}$/;
const SECONDS = /^\d{1,12}$/;

const payloadOf = (nonce: string, seconds: string) => `survey-link:${nonce}.${seconds}`;

export const formatSurveyToken = (nonce: string, expiresAt: Date, sign: Sign): SurveyLinkToken => {
  if (!NONCE.test(nonce)) throw new RangeError('a survey link nonce is 32 random bytes as base64url');
  const seconds = String(Math.floor(expiresAt.getTime() / 1000));
  return {
    token: `${nonce}.${seconds}.${sign(payloadOf(nonce, seconds))}`,
    expiresAt: new Date(Number(seconds) * 1000),
  };
};

export type SurveyTokenCheck =
  | { status: 'valid'; expiresAt: Date }
  | { status: 'expired'; expiresAt: Date }
  | { status: 'invalid' };

/** Compares in time independent of where the strings differ. */
const isSameText = (a: string, b: string): boolean => {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return difference === 0;
};

/** What a token from a link is: valid, expired (but really ours), or not ours at all. */
export const checkSurveyToken = (token: unknown, now: Date, sign: Sign): SurveyTokenCheck => {
  if (typeof token !== 'string' || token.length > 200) return { status: 'invalid' };
  const [nonce, seconds, signature, ...rest] = token.split('.');
  if (rest.length > 0 || !nonce || !seconds || !signature) return { status: 'invalid' };
  if (!NONCE.test(nonce) || !SECONDS.test(seconds) || !SIGNATURE.test(signature))
    return { status: 'invalid' };
  if (!isSameText(signature, sign(payloadOf(nonce, seconds)))) return { status: 'invalid' };
  const expiresAt = new Date(Number(seconds) * 1000);
  return now.getTime() >= expiresAt.getTime()
    ? { status: 'expired', expiresAt }
    : { status: 'valid', expiresAt };
};

/** The path a survey link opens: the answer form, which changes nothing when opened. */
export const surveyLinkPath = (token: string): string => `/survey/${token}`;
