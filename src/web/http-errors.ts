import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainErrorCode } from '../core/errors';

/** The one table from domain error codes to HTTP statuses. */
export const HTTP_STATUS_BY_CODE: Record<DomainErrorCode, ContentfulStatusCode> = {
  VALIDATION: 422,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** The body of every JSON API error. */
export interface ApiErrorBody {
  error: { code: string; reason?: string; message: string; details?: { field: string; message: string }[] };
}
