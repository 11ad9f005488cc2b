import { connect, type Socket } from 'node:net';
import type { Transporter } from 'nodemailer';
import { MailDeliveryError, type MailTransport } from '../../services/ports/mail';

/**
 * Timeouts keep every send well within what the worker's renewed lease allows (LEASE_MS, renewed
 * while the send runs). Query parameters in SMTP_URL (e.g. `?socketTimeout=30000`) override them.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/**
 * A few kept-open connections, each carrying up to 100 messages before it is renewed: a topic to
 * thousands of participants is then thousands of SMTP transactions over a handful of connections,
 * not thousands of connections (and TLS handshakes). Query parameters in SMTP_URL override these
 * too (`?maxConnections=2`).
 */
const SMTP_POOL = { pool: true, maxConnections: 5, maxMessages: 100 } as const;

type SmtpOptions = Record<string, unknown> & { host: string; port: number; secure: boolean };
type GetSocket = (
  options: { connectionTimeout?: number },
  callback: (error: Error | null, socket?: { connection: Socket }) => void,
) => void;

/**
 * Opens the TCP connection of a plain (`smtp://`, STARTTLS) connection with Nagle's algorithm off.
 * SMTP is a conversation of small writes each waiting for an answer; with Nagle on, a small write
 * behind an unacknowledged one waits for the receiver's delayed ACK (40 ms on Linux), which made
 * every message cost about 45 ms on a fast link instead of about 2 ms. nodemailer offers no option
 * for it, only this hook. The socket is handed over while it connects, so nodemailer's own
 * handlers see a refused connection or a silent server (greeting timeout) as they always do, and
 * its pool drops that connection; STARTTLS still upgrades the socket as usual.
 */
const connectWithoutDelay =
  (host: string, port: number): GetSocket =>
  (_options, callback) => {
    const socket = connect({ host, port });
    socket.setNoDelay(true);
    callback(null, { connection: socket });
  };

const queryValue = (value: string): unknown =>
  value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value;

/**
 * nodemailer's options for SMTP_URL: host, port, TLS and credentials from the URL, the defaults
 * above, then every query parameter (`?maxConnections=2`, `?tls.rejectUnauthorized=false`) over
 * them. (Given a `url`, nodemailer would read only the URL and ignore every other option.)
 */
export const smtpOptionsFrom = (smtpUrl: string): SmtpOptions => {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const options: SmtpOptions = { ...SMTP_POOL, ...SMTP_TIMEOUTS, host, port, secure };
  if (url.username) {
    options.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  }
  for (const [key, value] of url.searchParams) {
    const [first, second] = key.split('.', 2) as [string, string | undefined];
    if (second === undefined) options[first] = queryValue(value);
    else options[first] = { ...(options[first] as object | undefined), [second]: queryValue(value) };
  }
  if (!options.secure) options.getSocket = connectWithoutDelay(host, port);
  return options;
};

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
      nodemailer.createTransport(smtpOptionsFrom(options.smtpUrl)),
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
          // Said outright, so nodemailer does not scan every body to choose: quoted-printable keeps
          // the mostly-ASCII text readable and safe for any server, and costs nothing to decide.
          textEncoding: 'quoted-printable',
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
