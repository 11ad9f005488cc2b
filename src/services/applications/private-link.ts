import { randomBytes } from 'node:crypto';

/** 32 random bytes as base64url: a private link's token (stored only as its hash). */
export const createToken = (): string => randomBytes(32).toString('base64url');

/** The applicant's private page for an application. */
export const privateLinkFor = (baseUrl: string, token: string): string =>
  `${baseUrl.replace(/\/+$/, '')}/applications/${token}`;
