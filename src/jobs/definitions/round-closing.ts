import { z } from 'zod';
import type { Services } from '../../services';
import type { Logger } from '../../services/ports/runtime';
import { defineJob } from '../job-definition';

/**
 * The closing emails of a finished round (services/rounds/send-closing-emails.ts), once per person
 * who was still in a partnership when it ended. The round-schedule job finishes the round and ends
 * its partnerships; this one writes to people, in batches, catching up after downtime.
 */
export const roundClosingJob = (
  services: Services,
  logger: Logger,
  { intervalMs = 60_000, batchSize }: { intervalMs?: number; batchSize?: number } = {},
) =>
  defineJob({
    name: 'round-closing',
    itemSchema: z.object({ roundId: z.string().min(1) }),
    intervalMs,
    findDue: () => services.rounds.listDueClosings(),
    handle: async (due, { isStopping }) => {
      let sent = 0;
      for (const { roundId } of due) {
        if (isStopping()) break;
        const queued = await services.rounds.sendClosingEmails(roundId, { batchSize, isStopping });
        if (queued > 0) logger.info({ roundId, queued }, 'closing emails queued');
        sent += queued;
      }
      return sent;
    },
  });
