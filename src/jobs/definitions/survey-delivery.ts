import { z } from 'zod';
import { SURVEY_DELIVERY_KINDS } from '../../core/surveys/survey-schedule';
import type { Services } from '../../services';
import type { Logger } from '../../services/ports/runtime';
import { defineJob } from '../job-definition';

/** A survey whose emails went out this much after their moment is a catch-up, and the log says so. */
const LATE_AFTER_MS = 10 * 60_000;

/**
 * Sends survey invitations at their moment and the one reminder at its moment
 * (services/surveys/deliver-surveys.ts), in batches of a few hundred per transaction, each
 * participant once per kind. Checked every 30 s; after downtime the first pass catches up.
 */
export const surveyDeliveryJob = (
  services: Services,
  logger: Logger,
  { intervalMs = 30_000, batchSize }: { intervalMs?: number; batchSize?: number } = {},
) =>
  defineJob({
    name: 'survey-delivery',
    itemSchema: z.object({ surveyId: z.string().min(1), kind: z.enum(SURVEY_DELIVERY_KINDS) }),
    intervalMs,
    findDue: () => services.surveys.listDueDeliveries(),
    handle: async (due, { isStopping }) => {
      let sent = 0;
      for (const item of due) {
        if (isStopping()) break;
        const result = await services.surveys.sendDue(item, { batchSize, isStopping });
        if (result.sent === 0) continue;
        sent += result.sent;
        const details = { ...item, sent: result.sent, dueAt: result.dueAt?.toISOString() };
        if (result.lateMs > LATE_AFTER_MS) logger.warn(details, 'survey emails sent late, catching up');
        else logger.info(details, 'survey emails queued');
      }
      return sent;
    },
  });
