import type { FailureOutcome } from '../../core/mail/delivery-policy';
import type {
  ClaimedMail,
  MailDeliveredVia,
  MailMessage,
  MailStatus,
  MailStatusCounts,
} from '../../core/mail/mail-message';

/**
 * The mail queue as the delivery job and the outbox see it. Due-ness in SQL mirrors core isDue
 * (core/mail/delivery-policy.ts).
 */
export interface MailQueueRepository {
  listDueMailIds: (now: Date, limit: number) => Promise<string[]>;
  /**
   * Takes the lease on those of `ids` that are still due, in one statement: of two workers racing
   * for a row exactly one gets it. Each claim counts as an attempt. A message keeps the Message-ID
   * of its first claim: `messageId.prefix + id + messageId.suffix`.
   */
  claimMails: (claim: {
    ids: readonly string[];
    now: Date;
    lockedUntil: Date;
    leaseToken: string;
    messageId: { prefix: string; suffix: string };
  }) => Promise<ClaimedMail[]>;
  /** Records deliveries under one lease; returns the ids recorded (a missing one was taken over). */
  markMailsSent: (sent: {
    ids: readonly string[];
    leaseToken: string;
    now: Date;
    via: MailDeliveredVia;
  }) => Promise<Set<string>>;
  /** Records a failed attempt and what happens next (a later retry, or giving up). */
  markMailAttemptFailed: (failure: {
    id: string;
    leaseToken: string;
    now: Date;
    error: string;
    outcome: FailureOutcome;
  }) => Promise<boolean>;
  findMailMessage: (id: string) => Promise<MailMessage | undefined>;
  /** Newest first. */
  listMailMessages: (options: { limit: number; statuses?: MailStatus[] }) => Promise<MailMessage[]>;
  countMailByStatus: () => Promise<MailStatusCounts>;
  /** Messages whose last attempt failed (still retrying, or given up), most recently touched first. */
  listMailWithErrors: (limit: number) => Promise<MailMessage[]>;
  /** Extends the lease of those of `ids` still held under `leaseToken`; returns how many. */
  renewMailLease: (renewal: {
    ids: readonly string[];
    leaseToken: string;
    lockedUntil: Date;
    now: Date;
  }) => Promise<number>;
  /** Messages given up (`failed`), most recently failed first. */
  listDeadLetters: (limit: number) => Promise<MailMessage[]>;
  /** A `failed` message back to `pending` now, with its attempts counted afresh; false if it was not failed. */
  retryDeadLetter: (id: string, now: Date) => Promise<boolean>;
}

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
