/** Where a queued email stands: waiting, being sent under a lease, sent, or given up. */
export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';
export const MAIL_STATUSES: readonly MailStatus[] = ['pending', 'sending', 'sent', 'failed'];

/** How a sent message left the program: through SMTP, or into the development outbox. */
export type MailDeliveredVia = 'smtp' | 'outbox';

/** One queued email as the program sees it, rendered and addressed. */
export interface MailMessage {
  id: string;
  dedupeKey: string | null;
  kind: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string | null;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string;
  lockedUntil: string | null;
  lastError: string | null;
  deliveredVia: MailDeliveredVia | null;
  createdAt: string;
  sentAt: string | null;
}

/** A message a worker holds the lease on. */
export interface ClaimedMail extends MailMessage {
  messageId: string;
  leaseToken: string;
}

export type MailStatusCounts = Record<MailStatus, number>;
