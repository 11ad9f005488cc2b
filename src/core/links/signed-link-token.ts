/**
 * The token of a personal link sent by email (a survey, a check-in): `<nonce>.<expires>.<signature>`,
 * where the nonce is 32 random bytes (base64url), `expires` the Unix time in seconds after which
 * the link no longer works, and the signature a keyed hash (HMAC with the program's secret) of
 * both and of the link's purpose.
 *
 * The signature lets the edge tell a forged or mangled link from an expired one without asking
 * the database; the expiry is inside what is signed, so it cannot be moved; the purpose is too, so
 * a token made for one kind of link never opens another. Only a hash of the whole token is stored
 * (beside what the link is for), so a copy of the database opens nothing. Pure: the keyed hash is
 * passed in.
 */
export type Sign = (payload: string) => string;

/** What a link is for; part of what is signed. */
export type LinkPurpose = 'survey-link' | 'check-in-link';

export interface SignedLinkToken {
  token: string;
  expiresAt: Date;
}

const NONCE = /^[A-Za-z0-9_-]{43}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{20,100}$/;
const SECONDS = /^\d{1,12}$/;

const payloadOf = (purpose: LinkPurpose, nonce: string, seconds: string) => `${purpose}:${nonce}.${seconds}`;

export const formatSignedLinkToken = (
  purpose: LinkPurpose,
  nonce: string,
  expiresAt: Date,
  sign: Sign,
): SignedLinkToken => {
  if (!NONCE.test(nonce)) throw new RangeError('a link nonce is 32 random bytes as base64url');
  const seconds = String(Math.floor(expiresAt.getTime() / 1000));
  return {
    token: `${nonce}.${seconds}.${sign(payloadOf(purpose, nonce, seconds))}`,
    expiresAt: new Date(Number(seconds) * 1000),
  };
};

export type SignedLinkTokenCheck =
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

/** What a token from a link is: valid, expired (but really ours, for this purpose), or not ours at all. */
export const checkSignedLinkToken = (
  purpose: LinkPurpose,
  token: unknown,
  now: Date,
  sign: Sign,
): SignedLinkTokenCheck => {
  if (typeof token !== 'string' || token.length > 200) return { status: 'invalid' };
  const [nonce, seconds, signature, ...rest] = token.split('.');
  if (rest.length > 0 || !nonce || !seconds || !signature) return { status: 'invalid' };
  if (!NONCE.test(nonce) || !SECONDS.test(seconds) || !SIGNATURE.test(signature))
    return { status: 'invalid' };
  if (!isSameText(signature, sign(payloadOf(purpose, nonce, seconds)))) return { status: 'invalid' };
  const expiresAt = new Date(Number(seconds) * 1000);
  return now.getTime() >= expiresAt.getTime()
    ? { status: 'expired', expiresAt }
    : { status: 'valid', expiresAt };
};
