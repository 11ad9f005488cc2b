import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import type { MailMessage, MailStatusCounts } from '../../../core/mail/mail-message';
import type { MailQueueRepository } from '../../../services/ports/mail';
import type { Database } from '../../schema';
import type { MailMessagesTable } from '../../tables/mail';

const toMailMessage = (row: Selectable<MailMessagesTable>): MailMessage => ({
  id: row.id,
  dedupeKey: row.dedupe_key,
  kind: row.kind,
  to: row.to_address,
  subject: row.subject,
  html: row.html_body,
  text: row.text_body,
  messageId: row.message_id,
  status: row.status,
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at,
  lockedUntil: row.locked_until,
  lastError: row.last_error,
  deliveredVia: row.delivered_via,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

/**
 * Due = pending and its time has come, or sending with an expired lease (see isDue in
 * src/core/mail/delivery-policy.ts, which this mirrors). ISO-8601 UTC strings of one format compare in
 * time order as text, on both databases.
 */
const dueAt = (now: string) => (eb: ExpressionBuilder<Database, 'mail_messages'>) =>
  eb.or([
    eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
    eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', now)]),
  ]);

const listDueMailIds =
  (db: Kysely<Database>): MailQueueRepository['listDueMailIds'] =>
  async (now, limit) => {
    const rows = await db
      .selectFrom('mail_messages')
      .select('id')
      .where(dueAt(now.toISOString()))
      .orderBy('next_attempt_at')
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  };

/**
 * Takes the lease on those of `ids` that are still due, in one UPDATE (one statement and one
 * commit for the group). The UPDATE re-checks due-ness in its WHERE clause, so of two workers
 * racing for the same row exactly one changes it (on PostgreSQL the second waits for the first's
 * row lock and then finds the row no longer due), and returns the rows it took. Each claim counts
 * as an attempt. A message keeps the Message-ID of its first claim:
 * `messageId.prefix + id + messageId.suffix`.
 */
const claimMails =
  (db: Kysely<Database>): MailQueueRepository['claimMails'] =>
  async (claim) => {
    if (claim.ids.length === 0) return [];
    const now = claim.now.toISOString();
    const rows = await db
      .updateTable('mail_messages')
      .set((eb) => ({
        status: 'sending',
        locked_until: claim.lockedUntil.toISOString(),
        lease_token: claim.leaseToken,
        attempts: eb('attempts', '+', 1),
        message_id: eb.fn.coalesce(
          'message_id',
          sql<string>`${claim.messageId.prefix} || ${eb.ref('id')} || ${claim.messageId.suffix}`,
        ),
        updated_at: now,
      }))
      .where('id', 'in', claim.ids)
      .where(dueAt(now))
      .returningAll()
      .execute();
    const order = new Map(claim.ids.map((id, index) => [id, index]));
    return rows
      .filter((row) => row.message_id !== null)
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      .map((row) => ({ ...toMailMessage(row), messageId: row.message_id!, leaseToken: claim.leaseToken }));
  };

/**
 * Records the deliveries of messages claimed under one lease, in one statement. Returns the ids
 * recorded: one missing was no longer held by this lease (another worker took it over).
 */
const markMailsSent =
  (db: Kysely<Database>): MailQueueRepository['markMailsSent'] =>
  async (sent) => {
    if (sent.ids.length === 0) return new Set();
    const now = sent.now.toISOString();
    const rows = await db
      .updateTable('mail_messages')
      .set({
        status: 'sent',
        sent_at: now,
        delivered_via: sent.via,
        locked_until: null,
        lease_token: null,
        updated_at: now,
      })
      .where('id', 'in', sent.ids)
      .where('status', '=', 'sending')
      .where('lease_token', '=', sent.leaseToken)
      .returning('id')
      .execute();
    return new Set(rows.map((row) => row.id));
  };

/** Records a failed attempt and what happens next (a later retry, or giving up). */
const markMailAttemptFailed =
  (db: Kysely<Database>): MailQueueRepository['markMailAttemptFailed'] =>
  async (failure) => {
    const now = failure.now.toISOString();
    const result = await db
      .updateTable('mail_messages')
      .set({
        status: failure.outcome.status,
        ...(failure.outcome.status === 'pending'
          ? { next_attempt_at: failure.outcome.nextAttemptAt.toISOString() }
          : {}),
        last_error: failure.error.slice(0, 2000),
        locked_until: null,
        lease_token: null,
        updated_at: now,
      })
      .where('id', '=', failure.id)
      .where('status', '=', 'sending')
      .where('lease_token', '=', failure.leaseToken)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  };

const findMailMessage =
  (db: Kysely<Database>): MailQueueRepository['findMailMessage'] =>
  async (id) => {
    const row = await db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toMailMessage(row) : undefined;
  };

/** Newest first. */
const listMailMessages =
  (db: Kysely<Database>): MailQueueRepository['listMailMessages'] =>
  async (options) => {
    let query = db.selectFrom('mail_messages').selectAll();
    if (options.statuses) query = query.where('status', 'in', options.statuses);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .execute();
    return rows.map(toMailMessage);
  };

const countMailByStatus =
  (db: Kysely<Database>): MailQueueRepository['countMailByStatus'] =>
  async () => {
    const rows = await db
      .selectFrom('mail_messages')
      .select((eb) => ['status', eb.fn.countAll().as('count')])
      .groupBy('status')
      .execute();
    const counts: MailStatusCounts = { pending: 0, sending: 0, sent: 0, failed: 0 };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  };

/** Messages whose last attempt failed (still retrying, or given up), most recently touched first. */
const listMailWithErrors =
  (db: Kysely<Database>): MailQueueRepository['listMailWithErrors'] =>
  async (limit) => {
    const rows = await db
      .selectFrom('mail_messages')
      .selectAll()
      .where('last_error', 'is not', null)
      .where('status', '!=', 'sent')
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toMailMessage);
  };

/**
 * Extends the lease of messages still held under `leaseToken` (a send taking longer than a lease
 * keeps its claim while its worker lives; a dead worker's lease runs out). Returns how many.
 */
const renewMailLease =
  (db: Kysely<Database>): MailQueueRepository['renewMailLease'] =>
  async (renewal) => {
    if (renewal.ids.length === 0) return 0;
    const result = await db
      .updateTable('mail_messages')
      .set({ locked_until: renewal.lockedUntil.toISOString(), updated_at: renewal.now.toISOString() })
      .where('id', 'in', renewal.ids)
      .where('status', '=', 'sending')
      .where('lease_token', '=', renewal.leaseToken)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  };

/** Messages given up (`failed`): the dead letters, most recently failed first. */
const listDeadLetters =
  (db: Kysely<Database>): MailQueueRepository['listDeadLetters'] =>
  async (limit) => {
    const rows = await db
      .selectFrom('mail_messages')
      .selectAll()
      .where('status', '=', 'failed')
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toMailMessage);
  };

/**
 * Gives a dead letter a fresh start: pending now, its attempts counted from zero again (so it has
 * the whole backoff schedule before it is given up again), its last error kept until the next
 * attempt. Only a message that is still `failed` changes; returns whether it did.
 */
const retryDeadLetter =
  (db: Kysely<Database>): MailQueueRepository['retryDeadLetter'] =>
  async (id, now) => {
    const at = now.toISOString();
    const result = await db
      .updateTable('mail_messages')
      .set({ status: 'pending', attempts: 0, next_attempt_at: at, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  };

/** The mail queue's rows as the delivery job and the outbox read and change them. */
export const createMailQueueRepository = (db: Kysely<Database>): MailQueueRepository => ({
  listDueMailIds: listDueMailIds(db),
  claimMails: claimMails(db),
  markMailsSent: markMailsSent(db),
  markMailAttemptFailed: markMailAttemptFailed(db),
  findMailMessage: findMailMessage(db),
  listMailMessages: listMailMessages(db),
  countMailByStatus: countMailByStatus(db),
  listMailWithErrors: listMailWithErrors(db),
  renewMailLease: renewMailLease(db),
  listDeadLetters: listDeadLetters(db),
  retryDeadLetter: retryDeadLetter(db),
});
