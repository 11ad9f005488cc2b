import { z } from 'zod';
import type { Services } from '../../services';
import type { Logger } from '../../services/ports/runtime';
import { defineJob } from '../job-definition';

/**
 * Puts partnerships on the intervention list and sends each silent partner the one friendly
 * reminder (core silent-partners.ts, services/checkins/silent-partner-reminders.ts), once per
 * partnership and episode. The rules count in weeks: checked every five minutes.
 */
export const silentPartnerCheckJob = (
  services: Services,
  logger: Logger,
  { intervalMs = 5 * 60_000 }: { intervalMs?: number } = {},
) =>
  defineJob({
    name: 'silent-partner-check',
    itemSchema: z.object({ roundId: z.string().min(1) }),
    intervalMs,
    findDue: () => services.checkIns.listDueSilentChecks(),
    handle: async (due) => {
      let reminded = 0;
      for (const { roundId } of due) {
        const count = await services.checkIns.remindSilentPartners(roundId);
        if (count > 0) logger.info({ roundId, partnerships: count }, 'silent partners reminded');
        reminded += count;
      }
      return reminded;
    },
    againAtOnce: () => false,
  });
