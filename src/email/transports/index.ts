import type { Config } from '../../config/env';
import type { MailTransport } from '../../services/ports/mail';
import { createOutboxTransport } from './outbox-transport';
import { createSmtpTransport } from './smtp-transport';

export { createOutboxTransport } from './outbox-transport';
export { createSmtpTransport } from './smtp-transport';

/** SMTP when SMTP_URL is set; otherwise the development outbox. */
export const createTransport = (config: Pick<Config, 'smtpUrl' | 'mailFrom'>): MailTransport =>
  config.smtpUrl
    ? createSmtpTransport({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom })
    : createOutboxTransport();
