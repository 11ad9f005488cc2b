import type { MailMessage, MailStatusCounts } from '../../core/mail/mail-message';
import type { UseCaseDeps } from '../ports/deps';

/**
 * What the outbox page reads. Who may read it is decided at the web edge, from the configuration
 * (a development copy on this machine is open; anywhere else, coordinators only).
 */
export const listOutbox = (deps: UseCaseDeps, limit: number): Promise<MailMessage[]> =>
  deps.store.mail.listMailMessages({ limit });

export const findOutboxMessage = (deps: UseCaseDeps, id: string): Promise<MailMessage | undefined> =>
  deps.store.mail.findMailMessage(id);

export interface MailQueueStatus {
  counts: MailStatusCounts;
  problems: MailMessage[];
}

/** With SMTP: how the queue stands, and the messages whose last attempt failed. */
export const loadMailQueueStatus = async (
  deps: UseCaseDeps,
  problemLimit: number,
): Promise<MailQueueStatus> => {
  const [counts, problems] = await Promise.all([
    deps.store.mail.countMailByStatus(),
    deps.store.mail.listMailWithErrors(problemLimit),
  ]);
  return { counts, problems };
};
