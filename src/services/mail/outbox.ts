import type { MailMessage, MailStatusCounts } from '../../core/mail/mail-message';
import type { Viewer } from '../../core/people/viewer';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';

/**
 * Who is reading the outbox (or, with SMTP, the queue's status). Mail holds other people's
 * addresses, what was written to them and their sign-in links, from every country: only program
 * coordinators may read it. The one exception is a development copy read on the machine it runs
 * on (no SMTP, not production, a request from the loopback interface: the web edge decides, as it
 * alone sees the connection), which is how a newcomer signs in to the demo.
 */
export interface OutboxReader {
  viewer: Viewer | null;
  isLocalDevelopment: boolean;
}

const assertMayRead = (reader: OutboxReader): void => {
  if (!reader.isLocalDevelopment) assertProgramCoordinator(reader.viewer, 'read the mail queue');
};

/** The newest messages, newest first. */
export const listOutbox = async (
  deps: UseCaseDeps,
  reader: OutboxReader,
  limit: number,
): Promise<MailMessage[]> => {
  assertMayRead(reader);
  return deps.store.mail.listMailMessages({ limit });
};

export const findOutboxMessage = async (
  deps: UseCaseDeps,
  reader: OutboxReader,
  id: string,
): Promise<MailMessage | undefined> => {
  assertMayRead(reader);
  return deps.store.mail.findMailMessage(id);
};

export interface MailQueueStatus {
  counts: MailStatusCounts;
  problems: MailMessage[];
}

/** With SMTP: how the queue stands, and the messages whose last attempt failed. */
export const loadMailQueueStatus = async (
  deps: UseCaseDeps,
  reader: OutboxReader,
  problemLimit: number,
): Promise<MailQueueStatus> => {
  assertMayRead(reader);
  const [counts, problems] = await Promise.all([
    deps.store.mail.countMailByStatus(),
    deps.store.mail.listMailWithErrors(problemLimit),
  ]);
  return { counts, problems };
};
