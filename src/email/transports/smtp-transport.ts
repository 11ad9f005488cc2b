import type { Transporter } from 'nodemailer';
import { MailDeliveryError, type MailTransport } from '../../services/ports/mail';

/**
 * Timeouts keep every send far shorter than the worker's lease (LEASE_MS, 5 minutes), so a live
 * worker always records its outcome before another worker could take the message over. Query
 * parameters in SMTP_URL (e.g. `?socketTimeout=30000`) override them.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

/** Only a recipient the server refuses outright (5xx on RCPT TO) is hopeless; everything else may pass later. */
const isPermanent = (error: SmtpError): boolean =>
  error.code === 'EENVELOPE' && typeof error.responseCode === 'number' && error.responseCode >= 500;

/** Redacts credentials from anything that might echo the URL back. */
const describe = (error: SmtpError): string =>
  [error.code, error.responseCode, error.response ?? error.message]
    .filter((part) => part !== undefined && part !== '')
    .join(' ')
    .replace(/\/\/[^@\s/]*@/g, '//***@');

/** nodemailer is loaded with the first message, so that commands that send none do not pay for it. */
export const createSmtpTransport = (options: { smtpUrl: string; mailFrom: string }): MailTransport => {
  let transporter: Promise<Transporter> | undefined;
  const connect = () => {
    transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({ ...SMTP_TIMEOUTS, url: options.smtpUrl }),
    );
    return transporter;
  };
  return {
    via: 'smtp',
    deliver: async (mail) => {
      try {
        await (await connect()).sendMail({
          from: options.mailFrom,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
        });
      } catch (error) {
        const smtpError = error as SmtpError;
        throw new MailDeliveryError(describe(smtpError), isPermanent(smtpError), { cause: error });
      }
    },
    close: () => {
      void transporter?.then((open) => open.close());
    },
  };
};
