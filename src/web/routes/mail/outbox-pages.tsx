import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { Config } from '../../../config/env';
import { DomainError } from '../../../core/errors';
import type { OutboxReader } from '../../../services/mail/outbox';
import { isFromThisMachine } from '../../client-address';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { requireProgramCoordinator } from '../../middleware/require-role';
import { renderPage } from '../../views/layout';
import {
  DeadLettersView,
  MailQueueStatus,
  OutboxList,
  OutboxMessage,
  type OutboxNotice,
} from '../../views/mail/outbox-views';
import type { WebDeps } from '../../web-deps';

const LIST_LIMIT = 200;
const PROBLEM_LIMIT = 50;
const DEAD_LETTER_LIMIT = 200;

/**
 * The email HTML is shown as its own document, sandboxed: no script, no same-origin access, no
 * forms; inline styles and remote images as a mail client would allow; links open on click.
 */
export const EMAIL_HTML_CSP = [
  'sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation',
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src https: data:',
  "frame-ancestors 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Who may read mail here: program coordinators, and nobody else, since the list alone names every
 * country's applicants and coordinators. The one exception is the development outbox (not
 * production, no SMTP_URL, BASE_URL on this machine) read from this machine itself: the socket's
 * peer is a loopback address and no proxy relays the request. That is how a newcomer signs in to
 * the demo; the server also listens on loopback only there unless HOST says otherwise
 * (config/env.ts). A Host header proves nothing and is not looked at.
 */
export const isDevelopmentOutbox = (config: Pick<Config, 'isProduction' | 'smtpUrl' | 'baseUrl'>): boolean =>
  !config.isProduction && !config.smtpUrl && isLoopbackUrl(config.baseUrl);

const isLoopbackUrl = (url: string): boolean => {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
};

export const outboxPages = (ctx: Pick<WebDeps, 'config' | 'services'>) => {
  const mail = ctx.services.mail;
  const isOutbox = !ctx.config.smtpUrl;
  const notice: OutboxNotice = ctx.config.isProduction ? 'unconfigured' : 'development';
  const readerOf = (c: Context<AppEnv>): OutboxReader => ({
    viewer: c.get('viewer'),
    isLocalDevelopment: isDevelopmentOutbox(ctx.config) && isFromThisMachine(c),
  });
  // Signed-out visitors are sent to sign in and others refused here; the use cases check again.
  const programCoordinatorsOnly = requireProgramCoordinator();
  const guard: MiddlewareHandler<AppEnv> = (c, next) =>
    readerOf(c).isLocalDevelopment ? next() : programCoordinatorsOnly(c, next);

  const findOutboxMessage = async (c: Context<AppEnv>, id: string) => {
    const message = isOutbox ? await mail.findOutboxMessage(readerOf(c), id) : undefined;
    if (!message) throw new DomainError('NOT_FOUND', 'mail.notFound', { id });
    return message;
  };

  return (
    new Hono<AppEnv>()
      .use('*', async (c, next) => {
        await next();
        // Emails here hold sign-in links: keep them out of caches and search engines.
        c.header('Cache-Control', 'no-store');
        c.header('X-Robots-Tag', 'noindex');
      })
      .use('*', guard)
      .get('/', async (c) => {
        const t = c.get('t');
        if (!isOutbox) {
          const { counts, problems } = await mail.queueStatus(readerOf(c), PROBLEM_LIMIT);
          return renderPage(c, {
            title: t('mail:queue.title'),
            children: <MailQueueStatus counts={counts} problems={problems} />,
          });
        }
        const messages = await mail.listOutbox(readerOf(c), LIST_LIMIT);
        return renderPage(c, {
          title: t('mail:outbox.title'),
          children: <OutboxList messages={messages} notice={notice} limit={LIST_LIMIT} />,
        });
      })
      // The messages given up; a program coordinator (signed in: the retry is audited) sends them again.
      .get('/dead-letters', async (c) => {
        const messages = await mail.listDeadLetters({ reader: readerOf(c), limit: DEAD_LETTER_LIMIT });
        return renderPage(c, {
          title: c.get('t')('mail:deadLetters.title'),
          children: (
            <DeadLettersView
              messages={messages}
              limit={DEAD_LETTER_LIMIT}
              canRetry={c.get('viewer')?.isProgramCoordinator ?? false}
              csrfToken={c.get('csrfToken')}
            />
          ),
        });
      })
      .post('/dead-letters/retry', programCoordinatorsOnly, async (c) => {
        const t = c.get('t');
        const body = await c.req.parseBody({ all: true });
        const ids = ([] as unknown[])
          .concat(body.id ?? [])
          .filter((id): id is string => typeof id === 'string');
        const retried = await mail.retryDeadLetters({
          viewer: c.get('viewer'),
          mailIds: ids.slice(0, DEAD_LETTER_LIMIT),
        });
        setFlash(c, {
          kind: retried > 0 ? 'success' : 'info',
          message:
            retried > 0
              ? t('mail:deadLetters.retried', { count: retried })
              : t('mail:deadLetters.nothingRetried'),
        });
        return c.redirect('/outbox/dead-letters', 303);
      })
      .get('/:id', async (c) => {
        const message = await findOutboxMessage(c, c.req.param('id'));
        return renderPage(c, {
          title: c.get('t')('mail:message.title', { subject: message.subject }),
          children: <OutboxMessage message={message} notice={notice} />,
        });
      })
      .get('/:id/html', async (c) => {
        const message = await findOutboxMessage(c, c.req.param('id'));
        c.header('Content-Security-Policy', EMAIL_HTML_CSP);
        return c.html(message.html);
      })
  );
};
