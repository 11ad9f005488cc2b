import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { classifyFanOutStart, isTopicDue, planTopicMessages } from '../../core/topics';
import { issueCheckInLinks } from '../checkins/check-in-links';
import type { UseCaseDeps } from '../ports/deps';
import type { PreparedTopicEmails } from '../ports/topics';
import { numberOfTopic } from './topic-access';

/**
 * Sends each due topic to every active participant of its round, exactly once
 * (the topic-delivery job runs this).
 *
 * Exactly once, as built:
 * - What is due is core isTopicDue (scheduled, moment passed, round under way, not yet sent to
 *   everyone); who still needs it is "active participants without a delivery row".
 * - A batch of a few hundred participants is one transaction: a delivery row per (topic,
 *   application), unique by its primary key, and the queued email, together. A row that exists
 *   (another server got there first, or a pass before a crash did) is skipped, and its email is
 *   not queued again. Killed mid-batch, the transaction never commits and the batch is redone.
 * - The mail queue then sends each queued email (services/mail/deliver-due-mail.ts), claiming it
 *   under a lease; its dedupe key `topic:<topic>:<application>` is a second guard.
 * - Each email carries the fortnight's one-click check-in answers (services/checkins): their
 *   signed tokens are made before the batch and their hashes stored in its transaction, so a link
 *   exists exactly when its email does.
 * - When nobody is left, the topic is marked sent (once, by a conditional update) and audited.
 *
 * Between batches the pass yields to the event loop, so the server keeps answering while it fans a
 * topic out to thousands; rendering happens before each batch's transaction, not inside it.
 */

/** Participants per transaction. */
export const TOPIC_FAN_OUT_BATCH = 250;
/** Emails rendered between two turns of the event loop (a few milliseconds of work). */
const RENDER_SLICE = 25;
/** Topics one pass looks at. */
const DUE_TOPICS_LIMIT = 20;

/** The topics due now (oldest first); the SQL mirrors core isTopicDue, which is checked again here. */
export const listDueTopics = async (deps: UseCaseDeps): Promise<{ topicId: string }[]> => {
  const now = deps.clock.now();
  const due = await deps.store.topics.listDueTopics(now, DUE_TOPICS_LIMIT);
  return due.filter((topic) => isTopicDue(topic, now)).map((topic) => ({ topicId: topic.id }));
};

export interface DeliverTopicOptions {
  isStopping?: () => boolean;
  batchSize?: number;
}

/**
 * Queues the topic's email for every active participant who has not had it; resolves with how
 * many it queued. Stopping mid-way is safe: the next pass (here or on another server) carries on.
 */
export const deliverTopic = async (
  deps: UseCaseDeps,
  topicId: string,
  options: DeliverTopicOptions = {},
): Promise<number> => {
  const topic = await deps.store.topics.findTopic(topicId);
  const startedAt = deps.clock.now();
  if (!topic || !isTopicDue(topic, startedAt)) return 0;
  const log = deps.logger.child({ topicId: topic.id, roundId: topic.roundId });
  const already = await deps.store.topicDeliveries.countDeliveries(topic.id);
  const start = classifyFanOutStart(topic.dueAt, startedAt, already);
  const dueAt = topic.dueAt.toISOString();
  if (start === 'catch-up') {
    log.warn(
      { dueAt, lateMinutes: Math.round((startedAt.getTime() - topic.dueAt.getTime()) / 60_000) },
      `topic "${topic.title}" (${topic.id}) fell due at ${dueAt} while the program was down; sending now`,
    );
  } else if (start === 'resuming') {
    log.info({ dueAt, alreadyQueued: already }, `resuming topic "${topic.title}": ${already} already queued`);
  } else {
    log.info({ dueAt }, `topic "${topic.title}" is due; sending it to every active participant`);
  }

  const number = await numberOfTopic(deps, topic);
  const round = await deps.store.rounds.getRound(topic.roundId);
  const batchSize = options.batchSize ?? TOPIC_FAN_OUT_BATCH;
  let after = '';
  let queued = 0;
  for (;;) {
    if (options.isStopping?.()) {
      log.info({ queued }, 'topic fan-out paused (stopping); the next pass carries on');
      return queued;
    }
    const recipients = await deps.store.topicDeliveries.listUndeliveredRecipients({
      topicId: topic.id,
      roundId: topic.roundId,
      afterApplicationId: after,
      limit: batchSize,
    });
    if (recipients.length === 0) break;
    after = recipients.at(-1)!.applicationId;
    const planned = planTopicMessages(topic, number, recipients);
    const checkIns = issueCheckInLinks(deps, {
      round,
      at: topic.dueAt,
      applicationIds: recipients.map((recipient) => recipient.applicationId),
    });
    for (const { applicationId, message } of planned)
      if (message.kind === 'topic') message.payload.checkIn = checkIns.links.get(applicationId);
    // Rendered a few at a time with the event loop free in between, before the transaction.
    const prepared: PreparedTopicEmails[] = [];
    for (let start = 0; start < planned.length; start += RENDER_SLICE) {
      prepared.push(
        await deps.store.topicDeliveries.prepareEmails(
          planned.slice(start, start + RENDER_SLICE),
          deps.clock.now(),
        ),
      );
      await yieldToEventLoop();
    }
    queued += await deps.uow.transaction(async (store) => {
      await store.checkIns.insertLinks(checkIns.rows, deps.clock.now());
      let written = 0;
      for (const part of prepared)
        written += await store.topicDeliveries.recordDeliveries(topic.id, part, deps.clock.now());
      return written;
    });
    await yieldToEventLoop();
  }

  const total = await deps.store.topicDeliveries.countDeliveries(topic.id);
  const now = deps.clock.now();
  const marked = await deps.uow.transaction(async (store) => {
    if (!(await store.topics.markTopicPublished(topic.id, now))) return false;
    await store.audit.record(
      {
        actorPersonId: null,
        action: 'topic.sent',
        subjectType: 'topic',
        subjectId: topic.id,
        details: { roundId: topic.roundId, dueAt, participants: total, late: start === 'catch-up' },
      },
      now,
    );
    return true;
  });
  if (marked)
    log.info({ queued, participants: total }, `topic "${topic.title}" queued for every active participant`);
  return queued;
};
