import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { PARTICIPANT_AREA_PATH } from '../core/people/participant-area';
import { MAX_IMPORT_BYTES } from '../services/review/import-applications';
import { clientAddressMiddleware } from './client-address';
import type { AppEnv } from './env';
import { auditOrigin } from './middleware/audit-origin';
import { csrfProtection } from './middleware/csrf';
import { handleError, handleNotFound } from './middleware/errors';
import { formBody } from './middleware/form-body';
import { i18nMiddleware } from './middleware/i18n';
import { securityHeaders } from './middleware/security-headers';
import { sessionMiddleware } from './middleware/session';
import { applicationPages } from './routes/applications/application-pages';
import { checkInLinkPages } from './routes/checkins/check-in-link-pages';
import { outboxPages } from './routes/mail/outbox-pages';
import { participantPages } from './routes/participant/participant-pages';
import { authPages } from './routes/people/auth-pages';
import { coordinatorPages } from './routes/people/coordinator-pages';
import { dataErasedPages } from './routes/privacy/my-data-pages';
import { publicPages } from './routes/public/public-pages';
import { coordinatorResourcePages, resourcePages } from './routes/resources/resources-pages';
import { apiApplications } from './routes/review/api-applications';
import { roundPages } from './routes/rounds/round-pages';
import { coordinatorSurveyPages } from './routes/surveys/coordinator-survey-pages';
import { publicReportPages } from './routes/surveys/public-report-pages';
import { surveyLinkPages } from './routes/surveys/survey-link-pages';
import { healthRoutes } from './routes/system/health';
import { staticRoutes } from './routes/system/static';
import { coordinatorTopicPages, publicTopicPages } from './routes/topics/topic-pages';
import type { WebDeps } from './web-deps';

/** Requests larger than this are refused with 413: every form of the program is text. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The one exception: a coordinator's spreadsheet upload (the import checks its own limit). */
const CSV_UPLOAD_PATH = /^\/coordinator\/rounds\/[^/]+\/imports$/;
const MAX_UPLOAD_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new HTTPException(413);
    },
  });

/**
 * The web application. Order matters: a request id, security headers and error handling wrap
 * everything; static files and health checks come before sessions so they stay cheap; CSRF
 * protection sits in front of every route that changes state.
 */
export const createApp = (ctx: WebDeps) => {
  const { auth } = ctx;
  const app = new Hono<AppEnv>();
  app.onError(handleError(ctx));
  app.notFound(handleNotFound);
  app.use('*', requestId());
  app.use('*', clientAddressMiddleware(ctx.config.trustProxy));
  app.use('*', securityHeaders(ctx));
  // Pages are text and people are on slow connections: the application form is ~100 kB of
  // HTML and ~10 kB gzipped. Static files arrive already compressed and are left alone.
  app.use('*', compress());
  app.route('/', staticRoutes());
  app.route('/', healthRoutes(ctx));
  const formLimit = limitBody(MAX_BODY_BYTES);
  const uploadLimit = limitBody(MAX_UPLOAD_BYTES);
  app.use('*', (c, next) => (CSV_UPLOAD_PATH.test(c.req.path) ? uploadLimit(c, next) : formLimit(c, next)));
  app.use('*', async (c, next) => {
    c.set('isOutboxEnabled', !ctx.config.smtpUrl);
    await next();
  });
  app.use('*', i18nMiddleware());
  app.use('*', formBody());
  app.use('*', sessionMiddleware(ctx, auth));
  app.use('*', auditOrigin());
  app.use('*', csrfProtection(ctx));
  app.route('/', publicPages(ctx));
  app.route('/', roundPages(ctx));
  app.route('/', applicationPages(ctx));
  app.route('/', resourcePages(ctx));
  app.route('/coordinator/resources', coordinatorResourcePages(ctx));
  app.route('/', publicTopicPages(ctx));
  app.route('/coordinator', coordinatorTopicPages(ctx));
  app.route('/', authPages(ctx, auth));
  app.route('/survey', surveyLinkPages(ctx));
  app.route('/check-in', checkInLinkPages(ctx));
  app.route('/reports', publicReportPages(ctx));
  app.route('/coordinator/surveys', coordinatorSurveyPages(ctx));
  app.route('/coordinator', coordinatorPages(ctx));
  app.route(PARTICIPANT_AREA_PATH, participantPages(ctx));
  app.route('/', dataErasedPages());
  app.route('/outbox', outboxPages(ctx));
  app.route('/api', apiApplications(ctx));
  return app;
};

export type App = ReturnType<typeof createApp>;
