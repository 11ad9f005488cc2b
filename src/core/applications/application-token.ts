import { createHash } from 'node:crypto';

/**
 * Private links (`/applications/<token>`, the previous-answers link) carry 32 random bytes as
 * base64url; only the SHA-256 of a token is stored, so a copy of the database opens nothing.
 */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** True for strings shaped like a token (43 base64url characters); anything else is not looked up. */
export const isWellFormedToken = (value: unknown): value is string =>
  typeof value === 'string' && TOKEN_PATTERN.test(value);

/** The stored form of a token: SHA-256, base64url. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
