import { z } from 'zod';
import type { Services } from '../../services';
import { defineJob } from '../job-definition';

/** How often the topics are checked: a topic goes out within this long of its moment. */
export const TOPIC_POLL_MS = 30_000;

/**
 * Sends the topics that are due (core/topics isTopicDue: scheduled, moment passed, round under
 * way, not yet sent to everyone) to every active participant, each exactly once: the handler
 * queues their emails in batches, one transaction each, keyed by (topic, application)
 * (services/topics/deliver-due-topics.ts); the mail-delivery job sends them. A topic that fell
 * due while the program was down is found on the first pass after it comes back, and the log
 * says so.
 */
export const topicDeliveryJob = (services: Services, { intervalMs = TOPIC_POLL_MS } = {}) =>
  defineJob({
    name: 'topic-delivery',
    itemSchema: z.object({ topicId: z.string().min(1) }),
    intervalMs,
    findDue: () => services.topics.listDue(),
    handle: async (due, { isStopping }) => {
      let queued = 0;
      for (const { topicId } of due) {
        if (isStopping()) break;
        queued += await services.topics.deliver(topicId, { isStopping });
      }
      return queued;
    },
  });
