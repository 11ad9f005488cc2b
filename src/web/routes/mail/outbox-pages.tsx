import { Hono, type MiddlewareHandler } from 'hono';
import type { Config } from '../../../config/env';
import { DomainError } from '../../../core/errors';
import type { AppEnv } from '../../env';
import { setFlash } from '../../flash';
import { requireCoordinator, requireProgramCoordinator } from '../../middleware/require-role';
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
 * Who may read mail here. On a development copy served from this machine (BASE_URL on localhost)
 * without SMTP_URL anyone may: it is how a newcomer signs in to the demo, and no real email exists.
 * Anywhere else only coordinators, and message bodies (which hold other people's sign-in links)
 * only program coordinators: a server put on the internet with NODE_ENV left unset must not hand
 * out sign-in links to whoever asks.
 */
export const isOutboxOpen = (config: Pick<Config, 'isProduction' | 'smtpUrl' | 'baseUrl'>): boolean =>
  !config.isProduction && !config.smtpUrl && isLoopbackUrl(config.baseUrl);

const isLoopbackUrl = (url: string): boolean => {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
};

const passThrough: MiddlewareHandler<AppEnv> = async (_c, next) => {
  await next();
};

export const outboxPages = (ctx: Pick<WebDeps, 'config' | 'services'>) => {
  const mail = ctx.services.mail;
  const isOpen = isOutboxOpen(ctx.config);
  const isOutbox = !ctx.config.smtpUrl;
  const notice: OutboxNotice = ctx.config.isProduction ? 'unconfigured' : 'development';
  const forList = isOpen ? passThrough : requireCoordinator();
  const forBodies = isOpen ? passThrough : requireProgramCoordinator();

  const findOutboxMessage = async (id: string) => {
    const message = isOutbox ? await mail.findOutboxMessage(id) : undefined;
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
      .get('/', forList, async (c) => {
        const t = c.get('t');
        if (!isOutbox) {
          const { counts, problems } = await mail.queueStatus(PROBLEM_LIMIT);
          return renderPage(c, {
            title: t('mail:queue.title'),
            children: <MailQueueStatus counts={counts} problems={problems} />,
          });
        }
        const messages = await mail.listOutbox(LIST_LIMIT);
        return renderPage(c, {
          title: t('mail:outbox.title'),
          children: <OutboxList messages={messages} notice={notice} limit={LIST_LIMIT} />,
        });
      })
      // Dead letters name other people's addresses: coordinators only, even on an open outbox.
      .get('/dead-letters', requireCoordinator(), async (c) => {
        const viewer = c.get('viewer');
        const messages = await mail.listDeadLetters({ viewer, limit: DEAD_LETTER_LIMIT });
        return renderPage(c, {
          title: c.get('t')('mail:deadLetters.title'),
          children: (
            <DeadLettersView
              messages={messages}
              limit={DEAD_LETTER_LIMIT}
              canRetry={viewer?.isProgramCoordinator ?? false}
              csrfToken={c.get('csrfToken')}
            />
          ),
        });
      })
      .post('/dead-letters/retry', requireProgramCoordinator(), async (c) => {
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
      .get('/:id', forBodies, async (c) => {
        const message = await findOutboxMessage(c.req.param('id'));
        return renderPage(c, {
          title: c.get('t')('mail:message.title', { subject: message.subject }),
          children: <OutboxMessage message={message} notice={notice} />,
        });
      })
      .get('/:id/html', forBodies, async (c) => {
        const message = await findOutboxMessage(c.req.param('id'));
        c.header('Content-Security-Policy', EMAIL_HTML_CSP);
        return c.html(message.html);
      })
  );
};
