import type { MailMessage } from '../../core/mail/mail-message';
import { actorIdOf, type Viewer } from '../../core/people/viewer';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { OutboxReader } from './outbox';

/**
 * The dead-letter list: messages the queue gave up on (MAX_ATTEMPTS temporary failures, or an
 * address the receiving server refused). Read like the rest of the mail queue (outbox.ts: program
 * coordinators, or a development copy on its own machine); a program coordinator may send a
 * message again, which puts it back in the queue with a fresh run of attempts and backoff.
 */
export const listDeadLetters = (
  deps: UseCaseDeps,
  input: { reader: OutboxReader; limit: number },
): Promise<MailMessage[]> => {
  if (!input.reader.isLocalDevelopment) assertProgramCoordinator(input.reader.viewer, 'see undelivered mail');
  return deps.store.mail.listDeadLetters(input.limit);
};

/**
 * Sends dead letters again; resolves with how many went back into the queue (one no longer
 * failed, because someone retried it already, is left alone). Each is audited.
 */
export const retryDeadLetters = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; mailIds: readonly string[] },
): Promise<number> => {
  const viewer = assertProgramCoordinator(input.viewer, 'retry undelivered mail');
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    let retried = 0;
    for (const id of new Set(input.mailIds)) {
      const message = await store.mail.findMailMessage(id);
      if (!message || !(await store.mail.retryDeadLetter(id, now))) continue;
      await store.audit.record(
        {
          actorPersonId: actorIdOf(viewer),
          action: 'mail.dead-letter-retried',
          subjectType: 'mail-message',
          subjectId: id,
          details: { kind: message.kind, attempts: message.attempts, lastError: message.lastError ?? '' },
        },
        now,
      );
      retried++;
    }
    return retried;
  });
};
