import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { DomainError, type FieldProblem } from '../../../core/errors';
import type { Message } from '../../../core/messages/messages';
import type { EnqueuedMessage, MessageQueue } from '../../../services/ports/messages';
import type { Database } from '../../schema';
import type { MailMessagesTable } from '../../tables/mail';

/** A message rendered for sending (the email adapter renders; see MessageRenderer). */
export interface MailToEnqueue {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** What kind of email this is (`sign-in-link`, `application-received`, `topic`, …). */
  kind: string;
  /**
   * Makes the message happen at most once: enqueuing a key that is already in the queue (in any
   * state, even sent long ago) does nothing. Name what the message is about, e.g.
   * `topic:<topicId>:<personId>`.
   */
  dedupeKey?: string | undefined;
}

const HEADER_BREAK = /[\r\n]/;

/** A message that could never be sent is refused before it is queued (a programming error). */
const checkMail = (mail: MailToEnqueue): void => {
  const problems: FieldProblem[] = [];
  const to = mail.to.trim();
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(to)) problems.push({ field: 'to', code: 'mail.to' });
  if (mail.subject.trim() === '') problems.push({ field: 'subject', code: 'mail.subjectEmpty' });
  if (HEADER_BREAK.test(mail.subject)) problems.push({ field: 'subject', code: 'mail.subjectLines' });
  if (mail.kind.trim() === '') problems.push({ field: 'kind', code: 'mail.kind' });
  if (mail.text.trim() === '') problems.push({ field: 'text', code: 'mail.text' });
  if (mail.dedupeKey !== undefined && mail.dedupeKey.trim() === '') {
    problems.push({ field: 'dedupeKey', code: 'mail.dedupeKey' });
  }
  if (problems.length > 0) {
    throw new DomainError(
      'VALIDATION',
      'mail.invalid',
      { kind: mail.kind, to: JSON.stringify(mail.to) },
      problems,
    );
  }
};

/** The queued row for a message, after checking it (also written in batches: batched-writes.ts). */
export const mailRow = (mail: MailToEnqueue, now: Date): Insertable<MailMessagesTable> => {
  checkMail(mail);
  const at = now.toISOString();
  return {
    id: randomUUID(),
    dedupe_key: mail.dedupeKey ?? null,
    kind: mail.kind,
    to_address: mail.to.trim(),
    subject: mail.subject,
    html_body: mail.html,
    text_body: mail.text,
    message_id: null,
    status: 'pending',
    attempts: 0,
    next_attempt_at: at,
    locked_until: null,
    lease_token: null,
    last_error: null,
    delivered_via: null,
    created_at: at,
    updated_at: at,
    sent_at: null,
  };
};

/** Renders a message in its recipient's language (the email adapter's, passed in by the composition root). */
export type MessageRenderer = (message: Message) => { subject: string; html: string; text: string };

/** The mail row of a message: rendered now, so the queue holds what will be sent. */
export const messageRow = (
  render: MessageRenderer,
  message: Message,
  now: Date,
): Insertable<MailMessagesTable> =>
  mailRow({ to: message.to, kind: message.kind, dedupeKey: message.dedupeKey, ...render(message) }, now);

/**
 * The message queue over one connection or transaction. Use the unit of work's store, so the
 * message exists if and only if the change it is about commits; the mail job sends it afterwards
 * (never from inside the request). With a `dedupeKey` a second message is not queued.
 */
export const createMessageQueue = (db: Kysely<Database>, render: MessageRenderer): MessageQueue => ({
  enqueue: (message, now, options) => {
    const row = messageRow(render, message, now);
    if (options?.notBefore && options.notBefore > now) row.next_attempt_at = options.notBefore.toISOString();
    return insertMailRow(db, row);
  },
  enqueueAll: async (messages, now) => {
    if (messages.length === 0) return;
    await db
      .insertInto('mail_messages')
      .values(messages.map((message) => messageRow(render, message, now)))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  },
  cancelUnsent: async ({ ids = [], dedupeKeys = [] }) => {
    if (ids.length === 0 && dedupeKeys.length === 0) return [];
    // Deleted rather than marked: the dedupe key must be free for the same message later. The
    // worker's claim and this delete both test status = 'pending', so exactly one of them wins.
    const rows = await db
      .deleteFrom('mail_messages')
      .where('status', '=', 'pending')
      .where('attempts', '=', 0)
      .where((eb) =>
        eb.or([
          ...(ids.length > 0 ? [eb('id', 'in', ids)] : []),
          ...(dedupeKeys.length > 0 ? [eb('dedupe_key', 'in', dedupeKeys)] : []),
        ]),
      )
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  },
});

/** Writes a queued row; a row whose dedupe key is already queued is not written again. */
export const insertMailRow = async (
  db: Kysely<Database>,
  row: Insertable<MailMessagesTable>,
): Promise<EnqueuedMessage> => {
  const result = await db
    .insertInto('mail_messages')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 1) return { id: row.id as string, queued: true };
  const existing = await db
    .selectFrom('mail_messages')
    .select('id')
    .where('dedupe_key', '=', row.dedupe_key ?? '')
    .executeTakeFirstOrThrow();
  return { id: existing.id, queued: false };
};
