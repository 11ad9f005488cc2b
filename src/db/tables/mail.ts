import type { MailDeliveredVia, MailStatus } from '../../core/mail/mail-message';

/**
 * The durable mail queue. A row is written in the same transaction as the change that caused it,
 * so a message exists if and only if that change committed; the worker then carries it out.
 * Encoding follows src/db/tables/core.ts: instants are ISO-8601 UTC text.
 */

export interface MailMessagesTable {
  id: string;
  /** Unique when set: enqueuing the same key again does nothing (`topic:<topicId>:<personId>`). */
  dedupe_key: string | null;
  /** What kind of email this is (`sign-in-link`, `topic`, …), for the outbox and the logs. */
  kind: string;
  to_address: string;
  subject: string;
  html_body: string;
  text_body: string;
  /**
   * RFC 5322 Message-ID with angle brackets, `<id@domain of MAIL_FROM>`. Pinned by the first claim
   * (the domain comes from the configuration, which enqueuers do not have) and the same on every
   * later attempt, so a receiver can recognise a retried send.
   */
  message_id: string | null;
  status: MailStatus;
  /** Delivery attempts started (a claim counts, so a message that kills the worker gives up too). */
  attempts: number;
  /** When the message is next due; pending rows before this instant are left alone. */
  next_attempt_at: string;
  /** While `sending`: the lease; after it a crashed worker's claim may be taken over. */
  locked_until: string | null;
  /** Random per claim: only the worker holding the current lease may record the outcome. */
  lease_token: string | null;
  last_error: string | null;
  delivered_via: MailDeliveredVia | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface MailTables {
  mail_messages: MailMessagesTable;
}
