import type { MailDeliveredVia } from '../../db/tables/mail';

/** One email ready to leave the program. */
export interface OutgoingMail {
  /** RFC 5322 Message-ID with angle brackets; the same on every attempt for the same message. */
  messageId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** Carries a message out; throws on failure (a MailDeliveryError says whether trying again helps). */
export interface MailTransport {
  readonly via: MailDeliveredVia;
  deliver: (mail: OutgoingMail) => Promise<void>;
  close: () => void;
}

/** A failed delivery. `permanent` when retrying cannot help (the receiving server refused the address). */
export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError';
  constructor(
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
