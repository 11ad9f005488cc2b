/**
 * The closed set of domain error codes. Core and services throw DomainError; the web edge maps
 * each code to an HTTP status in exactly one table (src/web/http-errors.ts), the CLI to exit codes.
 * Messages say what failed, for which id, and why, in words a coordinator can act on.
 */
export const DOMAIN_ERROR_CODES = [
  'VALIDATION', // input does not satisfy the rules; `details` lists field problems
  'NOT_FOUND', // the thing named does not exist (or the caller may not know it exists)
  'FORBIDDEN', // the caller is known but not allowed
  'UNAUTHENTICATED', // the caller must sign in first
  'CONFLICT', // the request clashes with the current state (duplicate, illegal transition)
  'RATE_LIMITED', // too many requests; try again later
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface FieldProblem {
  /** Dotted path of the field, e.g. `languages.0.level`. */
  field: string;
  message: string;
}

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
