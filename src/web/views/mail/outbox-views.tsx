import type { MailMessage, MailStatusCounts } from '../../../core/mail/mail-message';
import { CsrfField, Notice } from '../components';
import { useShell } from '../shell-context';
import { Instant, TimeZoneNote } from '../times';

/** Whose outbox it is, as the page explains it. */
export type OutboxNotice = 'development' | 'unconfigured';

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;
const TRAILING_PUNCTUATION = /[).,;:!?\]]+$/;

/** Plain text with every http(s) address turned into a link, so a sign-in link works from here. */
export const TextWithLinks = ({ text }: { text: string }) => {
  const parts: (string | { url: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0];
    const url = raw.replace(TRAILING_PUNCTUATION, '');
    const start = match.index;
    parts.push(text.slice(last, start), { url });
    last = start + url.length;
  }
  parts.push(text.slice(last));
  return <>{parts.map((part) => (typeof part === 'string' ? part : <a href={part.url}>{part.url}</a>))}</>;
};

const StatusLabel = ({ message }: { message: MailMessage }) => {
  const { t } = useShell();
  if (message.status === 'sent') {
    return <>{message.deliveredVia === 'outbox' ? t('mail:status.inOutbox') : t('mail:status.sent')}</>;
  }
  return <>{t(`mail:status.${message.status}`)}</>;
};

const OutboxExplanation = ({ notice }: { notice: OutboxNotice }) => {
  const { t } = useShell();
  return (
    <Notice kind="warning" title={t(`mail:outbox.${notice}.title`)}>
      <p>{t(`mail:outbox.${notice}.body`)}</p>
    </Notice>
  );
};

export const OutboxList = ({
  messages,
  notice,
  limit,
}: {
  messages: MailMessage[];
  notice: OutboxNotice;
  limit: number;
}) => {
  const { t } = useShell();
  return (
    <>
      <h1>{t('mail:outbox.title')}</h1>
      <OutboxExplanation notice={notice} />
      <TimeZoneNote pageTimeZone="UTC" pageZone="utc" />
      <p>
        <a href="/outbox/dead-letters">{t('mail:deadLetters.link')}</a>
      </p>
      {messages.length === 0 ? (
        <p>{t('mail:outbox.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table table--stack">
            <caption>{t('mail:outbox.caption', { count: messages.length, limit })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mail:fields.subject')}</th>
                <th scope="col">{t('mail:fields.to')}</th>
                <th scope="col">{t('mail:fields.kind')}</th>
                <th scope="col">{t('mail:fields.queuedAt')}</th>
                <th scope="col">{t('mail:fields.status')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr>
                  <td>
                    <a href={`/outbox/${encodeURIComponent(message.id)}`}>{message.subject}</a>
                  </td>
                  <td data-label={t('mail:fields.to')}>{message.to}</td>
                  <td data-label={t('mail:fields.kind')}>{message.kind}</td>
                  <td data-label={t('mail:fields.queuedAt')}>
                    <Instant at={message.createdAt} pageTimeZone="UTC" />
                  </td>
                  <td data-label={t('mail:fields.status')}>
                    <StatusLabel message={message} />
                    {message.status === 'pending' && (
                      <span class="table__sub">
                        {t('mail:outbox.notBefore')} <Instant at={message.nextAttemptAt} pageTimeZone="UTC" />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};

export const OutboxMessage = ({ message, notice }: { message: MailMessage; notice: OutboxNotice }) => {
  const { t } = useShell();
  const base = `/outbox/${encodeURIComponent(message.id)}`;
  return (
    <>
      <p>
        <a href="/outbox">{t('mail:message.back')}</a>
      </p>
      <h1>{message.subject}</h1>
      <OutboxExplanation notice={notice} />
      <TimeZoneNote pageTimeZone="UTC" pageZone="utc" />
      <dl class="details">
        <dt>{t('mail:fields.to')}</dt>
        <dd>{message.to}</dd>
        <dt>{t('mail:fields.kind')}</dt>
        <dd>{message.kind}</dd>
        <dt>{t('mail:fields.status')}</dt>
        <dd>
          <StatusLabel message={message} />
        </dd>
        <dt>{t('mail:fields.queuedAt')}</dt>
        <dd>
          <Instant at={message.createdAt} pageTimeZone="UTC" />
        </dd>
        {message.status === 'pending' && (
          <>
            <dt>{t('mail:fields.notBefore')}</dt>
            <dd>
              <Instant at={message.nextAttemptAt} pageTimeZone="UTC" />
            </dd>
          </>
        )}
        {message.sentAt && (
          <>
            <dt>{t('mail:fields.sentAt')}</dt>
            <dd>
              <Instant at={message.sentAt} pageTimeZone="UTC" />
            </dd>
          </>
        )}
        {message.messageId && (
          <>
            <dt>{t('mail:fields.messageId')}</dt>
            <dd>
              <code>{message.messageId}</code>
            </dd>
          </>
        )}
      </dl>
      <h2>{t('mail:message.textVersion')}</h2>
      <pre class="mail-text">
        <TextWithLinks text={message.text} />
      </pre>
      <p>
        <a href={`${base}/html`}>{t('mail:message.htmlVersion')}</a>
      </p>
    </>
  );
};

export const MailQueueStatus = ({
  counts,
  problems,
}: {
  counts: MailStatusCounts;
  problems: MailMessage[];
}) => {
  const { t } = useShell();
  const statuses = ['pending', 'sending', 'sent', 'failed'] as const;
  return (
    <>
      <h1>{t('mail:queue.title')}</h1>
      <p>{t('mail:queue.intro')}</p>
      <div class="table-scroll">
        <table class="table">
          <caption>{t('mail:queue.countsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mail:fields.status')}</th>
              <th scope="col">{t('mail:queue.messages')}</th>
            </tr>
          </thead>
          <tbody>
            {statuses.map((status) => (
              <tr>
                <th scope="row">{t(`mail:status.${status}`)}</th>
                <td>{counts[status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href="/outbox/dead-letters">{t('mail:deadLetters.link')}</a>
      </p>
      <h2>{t('mail:queue.problemsTitle')}</h2>
      {problems.length === 0 ? (
        <p>{t('mail:queue.noProblems')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table">
            <caption>{t('mail:queue.problemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mail:fields.subject')}</th>
                <th scope="col">{t('mail:fields.to')}</th>
                <th scope="col">{t('mail:fields.status')}</th>
                <th scope="col">{t('mail:fields.attempts')}</th>
                <th scope="col">{t('mail:fields.nextAttemptAt')}</th>
                <th scope="col">{t('mail:fields.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((message) => (
                <tr>
                  <td>{message.subject}</td>
                  <td>{message.to}</td>
                  <td>
                    <StatusLabel message={message} />
                  </td>
                  <td>{message.attempts}</td>
                  <td>
                    {message.status === 'pending' ? (
                      <Instant at={message.nextAttemptAt} pageTimeZone="UTC" />
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <code>{message.lastError}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};

/**
 * The dead letters: emails the queue gave up. Program coordinators may send them again, one by
 * one or all that are listed; the list is readable by every coordinator.
 */
export const DeadLettersView = ({
  messages,
  limit,
  canRetry,
  csrfToken,
}: {
  messages: MailMessage[];
  limit: number;
  canRetry: boolean;
  csrfToken: string;
}) => {
  const { t } = useShell();
  return (
    <>
      <p>
        <a href="/outbox">{t('mail:message.back')}</a>
      </p>
      <h1>{t('mail:deadLetters.title')}</h1>
      <p>{t('mail:deadLetters.intro')}</p>
      {messages.length === 0 ? (
        <p>{t('mail:deadLetters.empty')}</p>
      ) : (
        <>
          {canRetry ? (
            <form method="post" action="/outbox/dead-letters/retry">
              <CsrfField token={csrfToken} />
              {messages.map((message) => (
                <input type="hidden" name="id" value={message.id} />
              ))}
              <p>
                <button type="submit" class="button">
                  {t('mail:deadLetters.retryAll')}
                </button>
              </p>
            </form>
          ) : (
            <p>{t('mail:deadLetters.programOnly')}</p>
          )}
          <div class="table-scroll">
            <table class="table">
              <caption>{t('mail:deadLetters.caption', { count: messages.length, limit })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mail:fields.subject')}</th>
                  <th scope="col">{t('mail:fields.to')}</th>
                  <th scope="col">{t('mail:fields.kind')}</th>
                  <th scope="col">{t('mail:fields.attempts')}</th>
                  <th scope="col">{t('mail:fields.lastError')}</th>
                  {canRetry && <th scope="col">{t('mail:deadLetters.retry')}</th>}
                </tr>
              </thead>
              <tbody>
                {messages.map((message) => (
                  <tr data-mail-id={message.id}>
                    <td>{message.subject}</td>
                    <td>{message.to}</td>
                    <td>{message.kind}</td>
                    <td>{message.attempts}</td>
                    <td>
                      <code>{message.lastError}</code>
                    </td>
                    {canRetry && (
                      <td>
                        <form method="post" action="/outbox/dead-letters/retry">
                          <CsrfField token={csrfToken} />
                          <input type="hidden" name="id" value={message.id} />
                          <button type="submit" class="link-button">
                            {t('mail:deadLetters.retry')}
                            <span class="visually-hidden"> {message.subject}</span>
                          </button>
                        </form>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
};
