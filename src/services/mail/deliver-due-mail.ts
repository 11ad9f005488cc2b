import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context';
import { decideAfterFailure, leaseUntil } from '../../core/mail/delivery-policy';
import {
  type ClaimedMail,
  claimMails,
  listDueMailIds,
  markMailAttemptFailed,
  markMailsSent,
} from '../../db/repositories/mail/mail-store';
import { createTransport, MailDeliveryError, type MailTransport } from '../../email/transports';
import { startWorkerLoop } from '../../jobs/worker-loop';

/**
 * The mail worker: sends what the queue says is due.
 *
 * Delivery guarantees, as built:
 * - A message is queued iff the transaction that enqueued it committed (see enqueueMail).
 * - Claiming is an UPDATE that re-checks due-ness row by row under a lease token of the pass, so
 *   two workers (or two passes, or a restarted worker) never hold the same message at once; a
 *   pass claims its messages in one statement, so one commit.
 * - Only the holder of the current lease may record the outcome (lease token), and a sent message
 *   is never due again: the program itself does not send a message twice once it is marked sent.
 * - At the SMTP boundary delivery is at-least-once: if the worker dies (or the database write
 *   fails) after the server accepted the message but before `sent` is recorded, the lease runs
 *   out and the message is sent again. Every attempt carries the same Message-ID, so receiving
 *   systems can recognise the repeat. SMTP timeouts are far shorter than the lease, so a live
 *   worker is never overtaken mid-send.
 * - Failures are retried with exponential backoff (src/core/mail/delivery-policy.ts) and given up as
 *   `failed` after MAX_ATTEMPTS, or at once if the server refused the address.
 */

export interface MailWorkerOptions {
  /** Pause between polls when there is nothing to send. */
  intervalMs: number;
  /** Messages claimed per pass. */
  batchSize?: number;
  /** Defaults to the transport the configuration names (SMTP or the development outbox). */
  transport?: MailTransport;
}

export interface MailWorker {
  /** Stops polling and waits for the message being sent to be recorded. */
  stop: () => Promise<void>;
  /** One pass now; resolves with how many messages it claimed (sent, or failed and rescheduled). */
  runOnce: () => Promise<number>;
}

const DEFAULT_BATCH_SIZE = 20;
/** Messages in flight at once within a pass. */
const DEFAULT_CONCURRENCY = 4;

/** `<id@domain of MAIL_FROM>`: unique per message and the same on every attempt. */
export const messageIdFor = (mailId: string, mailFrom: string): string => {
  const { prefix, suffix } = messageIdParts(mailFrom);
  return `${prefix}${mailId}${suffix}`;
};

/** What goes around a message's id in its Message-ID (the claim builds it in SQL). */
const messageIdParts = (mailFrom: string) => {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'localhost';
  return { prefix: '<', suffix: `@${domain}>` };
};

/**
 * One pass: the due messages, a few at a time: claimed together, sent side by side, the
 * deliveries recorded together (a failure on its own), so that a deadline rush of confirmations
 * is sent at the rate it is queued with one statement to claim a group and one to record it.
 * The guarantees above hold per message.
 */
export const deliverDueMail = async (
  ctx: AppContext,
  transport: MailTransport,
  options: { batchSize?: number; isStopping?: () => boolean; concurrency?: number } = {},
): Promise<number> => {
  const db = ctx.database.db;
  const ids = await listDueMailIds(db, ctx.now(), options.batchSize ?? DEFAULT_BATCH_SIZE);
  const logFor = (mail: ClaimedMail) =>
    ctx.logger.child({ mailId: mail.id, kind: mail.kind, attempt: mail.attempts });
  /** Sends one claimed message; true once delivered (a failure is recorded here, under its lease). */
  const send = async (mail: ClaimedMail): Promise<boolean> => {
    try {
      await transport.deliver({
        messageId: mail.messageId,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
      });
    } catch (error) {
      const permanent = error instanceof MailDeliveryError && error.permanent;
      const message = error instanceof Error ? error.message : String(error);
      const outcome = decideAfterFailure(mail.attempts, ctx.now(), { permanent });
      const recorded = await markMailAttemptFailed(db, {
        id: mail.id,
        leaseToken: mail.leaseToken,
        now: ctx.now(),
        error: message,
        outcome,
      });
      logFor(mail).warn({ error: message, outcome: outcome.status, recorded }, 'mail delivery failed');
      return false;
    }
    return true;
  };
  // A few at a time: each group is claimed in one statement (one commit) and sent side by side,
  // so their SMTP round trips overlap and each send still finishes well within its lease.
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  let claimedCount = 0;
  for (let start = 0; start < ids.length && !options.isStopping?.(); start += concurrency) {
    const claimedAt = ctx.now();
    const leaseToken = randomUUID();
    // Those another worker took meanwhile are simply not returned.
    const claimed = await claimMails(db, {
      ids: ids.slice(start, start + concurrency),
      now: claimedAt,
      lockedUntil: leaseUntil(claimedAt),
      leaseToken,
      messageId: messageIdParts(ctx.config.mailFrom),
    });
    claimedCount += claimed.length;
    const delivered = await Promise.all(claimed.map(send));
    const sent = claimed.filter((_, i) => delivered[i]);
    // One lease per group: a crash before this line means the group's messages are sent again
    // once the lease runs out (at-least-once at the SMTP boundary, as above).
    const recorded = await markMailsSent(db, {
      ids: sent.map((mail) => mail.id),
      leaseToken,
      now: ctx.now(),
      via: transport.via,
    });
    for (const mail of sent) {
      if (recorded.has(mail.id)) logFor(mail).info({ via: transport.via }, 'mail sent');
      else
        logFor(mail).warn(
          { via: transport.via },
          'mail sent after its lease was taken over; it may arrive twice',
        );
    }
  }
  return claimedCount;
};

/** Starts polling the queue. The CLI's `serve` starts one; tests call runOnce directly. */
export const startMailWorker = (ctx: AppContext, options: MailWorkerOptions): MailWorker => {
  const transport = options.transport ?? createTransport(ctx.config);
  const loop = startWorkerLoop({
    name: 'mail',
    intervalMs: options.intervalMs,
    logger: ctx.logger,
    pass: (isStopping) => deliverDueMail(ctx, transport, { batchSize: options.batchSize, isStopping }),
  });
  return {
    runOnce: loop.runOnce,
    stop: async () => {
      await loop.stop();
      if (!options.transport) transport.close();
    },
  };
};
