import { randomUUID } from 'node:crypto';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type {} from 'hono/request-id';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { isDomainError } from '../../core/errors';
import { type ShownProblem, translateError, translateProblems } from '../../i18n/problems';
import type { DatabaseHealth } from '../../services/ports/health';
import type { AppEnv } from '../env';
import { type ApiErrorBody, HTTP_STATUS_BY_CODE } from '../http-errors';
import { renderErrorPage } from '../views/error-page';
import { pageValuesOf } from '../views/layout';
import type { WebDeps } from '../web-deps';
import { CsrfError } from './csrf';

/**
 * Every failure becomes a friendly page in the layout, or `{"error":{"code","message"}}` for
 * /api/ paths and clients that ask for JSON. Unexpected errors are logged with a request id and
 * only the id is shown: never a stack trace or an internal message.
 */
interface Problem {
  status: ContentfulStatusCode;
  code: string;
  /** Key under `errors.` in common.json for the page title and explanation. */
  textKey: string;
  /** Shown to the person; only for messages written for people (domain errors, our own 4xx). */
  message?: string | undefined;
  details?: ShownProblem[];
  /** The domain error's reason key, for API clients that act on it. */
  reason?: string;
  isUnexpected?: boolean;
  /** The database is down or locked for now (db/database-errors.ts): 503, logged once per outage. */
  isDatabaseOutage?: boolean;
}

const TEXT_KEY_BY_STATUS: Partial<Record<number, [code: string, textKey: string]>> = {
  400: ['BAD_REQUEST', 'badRequest'],
  401: ['UNAUTHENTICATED', 'unauthenticated'],
  403: ['FORBIDDEN', 'forbidden'],
  404: ['NOT_FOUND', 'notFound'],
  405: ['METHOD_NOT_ALLOWED', 'methodNotAllowed'],
  409: ['CONFLICT', 'conflict'],
  413: ['PAYLOAD_TOO_LARGE', 'tooLarge'],
  422: ['VALIDATION', 'validation'],
  429: ['RATE_LIMITED', 'rateLimited'],
  503: ['UNAVAILABLE', 'unavailable'],
};

const problemForStatus = (status: ContentfulStatusCode, message?: string): Problem => {
  const known = TEXT_KEY_BY_STATUS[status];
  if (known) return { status, code: known[0], textKey: known[1], message };
  if (status >= 500) return { status, code: 'INTERNAL', textKey: 'internal' };
  return { status, code: 'BAD_REQUEST', textKey: 'badRequest', message };
};

const isJsonBody = (c: Context) => /\bjson\b/i.test(c.req.header('content-type') ?? '');

/** Seconds a client is asked to wait when the database is unavailable. */
const RETRY_AFTER_SECONDS = 5;

export const describeError = (
  error: unknown,
  c: Context,
  health: Pick<DatabaseHealth, 'isUnavailable'>,
): Problem => {
  if (health.isUnavailable(error)) {
    return { status: 503, code: 'UNAVAILABLE', textKey: 'databaseUnavailable', isDatabaseOutage: true };
  }
  if (error instanceof CsrfError) return { status: 403, code: 'CSRF', textKey: 'csrf' };
  if (isDomainError(error)) {
    const { t } = pageValuesOf(c);
    const problem = problemForStatus(HTTP_STATUS_BY_CODE[error.code], translateError(t, error));
    return {
      ...problem,
      code: error.code,
      reason: error.reason,
      details: translateProblems(t, error.details),
    };
  }
  if (error instanceof z.core.$ZodError) {
    const { t } = pageValuesOf(c);
    return {
      ...problemForStatus(422),
      details: error.issues.map((issue) => ({
        field: issue.path.join('.'),
        message: t(issue.message, { defaultValue: issue.message }),
      })),
    };
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return status >= 500
      ? { ...problemForStatus(status), isUnexpected: true }
      : problemForStatus(status, error.message || undefined);
  }
  // c.req.json() on a body that is not JSON.
  if (error instanceof SyntaxError && isJsonBody(c)) {
    return problemForStatus(400);
  }
  return { status: 500, code: 'INTERNAL', textKey: 'internal', isUnexpected: true };
};

export const wantsJson = (c: Context): boolean => {
  if (c.req.path.startsWith('/api/')) return true;
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
};

const respond = (c: Context<AppEnv>, problem: Problem, requestId?: string) => {
  const { t } = pageValuesOf(c);
  const title = t(`errors.${problem.textKey}.title`);
  if (wantsJson(c)) {
    const body: ApiErrorBody = {
      error: {
        code: problem.code,
        ...(problem.reason ? { reason: problem.reason } : {}),
        message: problem.message ?? title,
      },
    };
    if (problem.details && problem.details.length > 0) body.error.details = problem.details;
    return c.json(requestId ? { ...body, requestId } : body, problem.status);
  }
  return renderErrorPage(c, {
    title,
    body: t(`errors.${problem.textKey}.body`),
    message: problem.message,
    details: problem.details,
    requestId,
    showSignIn: problem.status === 401,
    status: problem.status,
  });
};

export const handleError =
  (ctx: Pick<WebDeps, 'logger' | 'health'>): ErrorHandler<AppEnv> =>
  (error, c) => {
    // An HTTPException built around a ready response (e.g. a redirect) is passed through.
    if (error instanceof HTTPException && error.res) return error.getResponse();
    const problem = describeError(error, c, ctx.health);
    const requestId = c.get('requestId') ?? randomUUID();
    const where = { requestId, method: c.req.method, path: c.req.path };
    if (problem.isDatabaseOutage) {
      ctx.health.failed(error, `${c.req.method} ${c.req.path}`);
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return respond(c, problem);
    }
    if (problem.isUnexpected) {
      ctx.logger.error({ ...where, err: error }, 'request failed');
      return respond(c, problem, requestId);
    }
    if (error instanceof CsrfError) ctx.logger.warn({ ...where, reason: error.reason }, 'CSRF check failed');
    else ctx.logger.debug({ ...where, status: problem.status, code: problem.code }, 'request refused');
    return respond(c, problem);
  };

export const handleNotFound: NotFoundHandler<AppEnv> = (c) => respond(c, problemForStatus(404));
