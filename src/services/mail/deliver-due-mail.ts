import { decideAfterFailure, LEASE_RENEW_MS, leaseUntil } from '../../core/mail/delivery-policy';
import type { ClaimedMail } from '../../core/mail/mail-message';
import type { UseCaseDeps } from '../ports/deps';
import { MailDeliveryError, type MailTransport } from '../ports/mail';

/**
 * Sends what the mail queue says is due (the mail-delivery job runs this).
 *
 * Delivery guarantees, as built:
 * - A message is queued iff the transaction that enqueued it committed (MessageQueue).
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
 * - While a group is being sent its worker renews the group's lease (LEASE_RENEW_MS), so a slow
 *   send keeps its claim, and a killed worker's messages are taken over within one short lease
 *   (LEASE_MS) rather than after the longest send could take.
 * - Failures are retried with exponential backoff (core/mail/delivery-policy.ts) and given up as
 *   `failed` after MAX_ATTEMPTS, or at once if the server refused the address. Given-up messages
 *   are the dead letters coordinators see on the mail page and may send again (dead-letters.ts).
 * - When every message of a group fails for a reason that may pass (the SMTP server is down or
 *   refusing everything), the pass ends there: the rest are not claimed, so an outage costs each
 *   waiting message no attempt and the worker tries again after its interval, not once per message.
 */

export const DEFAULT_MAIL_BATCH_SIZE = 100;
/**
 * Messages in flight at once within a pass: claimed in one statement, sent side by side over the
 * transport's few pooled connections, recorded in one statement.
 */
export const DEFAULT_MAIL_CONCURRENCY = 20;

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

export interface DeliverDueMailInput {
  transport: MailTransport;
  /** The configured sender, whose domain every Message-ID carries. */
  mailFrom: string;
  batchSize?: number;
  concurrency?: number;
  isStopping?: () => boolean;
}

/**
 * One pass: the due messages, a few at a time: claimed together, sent side by side, the
 * deliveries recorded together (a failure on its own), so that a deadline rush of confirmations
 * is sent at the rate it is queued with one statement to claim a group and one to record it.
 * The guarantees above hold per message. Resolves with how many messages it claimed.
 */
export const deliverDueMail = async (deps: UseCaseDeps, input: DeliverDueMailInput): Promise<number> =>
  deliverMail(deps, await listDueMail(deps, input.batchSize), input);

/** The ids of the messages due now, oldest first (the SQL mirrors core isDue). */
export const listDueMail = (deps: UseCaseDeps, limit = DEFAULT_MAIL_BATCH_SIZE): Promise<string[]> =>
  deps.store.mail.listDueMailIds(deps.clock.now(), limit);

/** Claims, sends and records the messages of `ids` that are still due when claimed; resolves with how many it claimed. */
export const deliverMail = async (
  deps: UseCaseDeps,
  ids: readonly string[],
  input: Omit<DeliverDueMailInput, 'batchSize'>,
): Promise<number> => (await deliverMailPass(deps, ids, input)).claimed;

export interface MailPassOutcome {
  /** Messages claimed (each an attempt). */
  claimed: number;
  /** The pass ended early because every message of a group failed for a reason that may pass. */
  isServerUnavailable: boolean;
}

/** As deliverMail, and says whether the mail server seemed unavailable (the job then waits). */
export const deliverMailPass = async (
  deps: UseCaseDeps,
  ids: readonly string[],
  input: Omit<DeliverDueMailInput, 'batchSize'>,
): Promise<MailPassOutcome> => {
  const { transport } = input;
  const mail = deps.store.mail;
  const logFor = (message: ClaimedMail) =>
    deps.logger.child({ mailId: message.id, kind: message.kind, attempt: message.attempts });
  let temporaryFailures = 0;
  /** Sends one claimed message; true once delivered (a failure is recorded here, under its lease). */
  const send = async (message: ClaimedMail): Promise<boolean> => {
    try {
      await transport.deliver({
        messageId: message.messageId,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
      });
    } catch (error) {
      const permanent = error instanceof MailDeliveryError && error.permanent;
      const reason = error instanceof Error ? error.message : String(error);
      const outcome = decideAfterFailure(message.attempts, deps.clock.now(), { permanent });
      const recorded = await mail.markMailAttemptFailed({
        id: message.id,
        leaseToken: message.leaseToken,
        now: deps.clock.now(),
        error: reason,
        outcome,
      });
      logFor(message).warn({ error: reason, outcome: outcome.status, recorded }, 'mail delivery failed');
      if (!permanent) temporaryFailures++;
      return false;
    }
    return true;
  };
  // A few at a time: each group is claimed in one statement (one commit) and sent side by side,
  // so their SMTP round trips overlap and each send still finishes well within its lease.
  const concurrency = input.concurrency ?? DEFAULT_MAIL_CONCURRENCY;
  let claimedCount = 0;
  for (let start = 0; start < ids.length && !input.isStopping?.(); start += concurrency) {
    temporaryFailures = 0;
    const claimedAt = deps.clock.now();
    const leaseToken = deps.ids.newId();
    // Those another worker took meanwhile are simply not returned.
    const claimed = await mail.claimMails({
      ids: ids.slice(start, start + concurrency),
      now: claimedAt,
      lockedUntil: leaseUntil(claimedAt),
      leaseToken,
      messageId: messageIdParts(input.mailFrom),
    });
    claimedCount += claimed.length;
    const delivered = await whileRenewingLease(deps, claimed, leaseToken, () =>
      Promise.all(claimed.map(send)),
    );
    const sent = claimed.filter((_, i) => delivered[i]);
    // One lease per group: a crash before this line means the group's messages are sent again
    // once the lease runs out (at-least-once at the SMTP boundary, as above).
    const recorded = await mail.markMailsSent({
      ids: sent.map((message) => message.id),
      leaseToken,
      now: deps.clock.now(),
      via: transport.via,
    });
    for (const message of sent) {
      if (recorded.has(message.id)) logFor(message).info({ via: transport.via }, 'mail sent');
      else
        logFor(message).warn(
          { via: transport.via },
          'mail sent after its lease was taken over; it may arrive twice',
        );
    }
    if (claimed.length > 0 && temporaryFailures === claimed.length) {
      deps.logger.warn(
        { failed: claimed.length, left: ids.length - start - claimed.length },
        'every message of a group failed; the mail server seems unavailable, trying again later',
      );
      return { claimed: claimedCount, isServerUnavailable: true };
    }
  }
  return { claimed: claimedCount, isServerUnavailable: false };
};

/**
 * Runs `work` (the sends of one claimed group) while renewing the group's lease every
 * LEASE_RENEW_MS of real time. A renewal that fails is logged; the lease may then run out and the
 * message be sent again by another worker (at-least-once, with the same Message-ID).
 */
const whileRenewingLease = async <T>(
  deps: UseCaseDeps,
  claimed: readonly ClaimedMail[],
  leaseToken: string,
  work: () => Promise<T>,
): Promise<T> => {
  if (claimed.length === 0) return work();
  const ids = claimed.map((message) => message.id);
  const timer = setInterval(() => {
    const now = deps.clock.now();
    deps.store.mail
      .renewMailLease({ ids, leaseToken, lockedUntil: leaseUntil(now), now })
      .catch((error: unknown) => {
        deps.logger.warn({ err: error, mailIds: ids }, 'could not renew the lease of mail being sent');
      });
  }, LEASE_RENEW_MS);
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
};
