/**
 * The closed set of domain error codes. Core and services throw DomainError; the web edge maps
 * each code to an HTTP status in exactly one table (src/web/http-errors.ts), the CLI to exit codes.
 *
 * No English leaves core or services: an error names its `reason` (a key of the `problems`
 * translation namespace, e.g. `round.notFound`) with `params` to fill in, and each field problem
 * names its `code` (a key of the `validation` namespace). Both are translated once, at the web edge
 * (or the CLI, or when an email is rendered), in the reader's language. Error.message carries the
 * reason and params for logs only.
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

/** Values a message template fills in: names, ids, counts. */
export type MessageParams = Record<string, string | number>;

export interface FieldProblem {
  /** Dotted path of the field, e.g. `languages.0.level`. */
  field: string;
  /** Key of the `validation` namespace, e.g. `languages.missing`. */
  code: string;
  params?: MessageParams;
}

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    /** Key of the `problems` namespace saying what went wrong, e.g. `round.notFound`. */
    readonly reason: string,
    readonly params: MessageParams = {},
    readonly details: FieldProblem[] = [],
  ) {
    super(Object.keys(params).length > 0 ? `${reason} ${JSON.stringify(params)}` : reason);
  }
}

/** A VALIDATION error whose field problems say everything (the form is shown again with them). */
export const invalidInput = (details: FieldProblem[], params: MessageParams = {}): DomainError =>
  new DomainError('VALIDATION', 'form.invalid', { ...params, problems: details.length }, details);

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
