import { z } from 'zod';
import type { Services } from '../../services';
import type { Logger } from '../../services/ports/runtime';
import { defineJob } from '../job-definition';

/**
 * The standalone "did you connect?" email of a fortnight without a topic
 * (services/checkins/check-in-prompts.ts), each participant once per fortnight. Checked every
 * minute; after downtime the first pass catches up while the fortnight lasts.
 */
export const checkInPromptsJob = (
  services: Services,
  logger: Logger,
  { intervalMs = 60_000, batchSize }: { intervalMs?: number; batchSize?: number } = {},
) =>
  defineJob({
    name: 'check-in-prompts',
    itemSchema: z.object({ roundId: z.string().min(1), fortnight: z.number().int().min(1) }),
    intervalMs,
    findDue: () => services.checkIns.listDuePrompts(),
    handle: async (due, { isStopping }) => {
      let sent = 0;
      for (const item of due) {
        if (isStopping()) break;
        const queued = await services.checkIns.sendPrompts(item, { batchSize, isStopping });
        if (queued > 0) logger.info({ ...item, queued }, 'check-in emails queued');
        sent += queued;
      }
      return sent;
    },
  });
