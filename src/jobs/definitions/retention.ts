import { z } from 'zod';
import type { Services } from '../../services';
import { defineJob } from '../job-definition';

/**
 * The retention rule (services/privacy/apply-retention.ts): declined and withdrawn applications
 * are erased `retentionMonths` after their round ends. Checked twice a day; a pass erases every
 * application past its time, in batches, and records each in the audit trail.
 */
export const retentionJob = (
  services: Services,
  { retentionMonths, intervalMs = 12 * 60 * 60_000 }: { retentionMonths: number; intervalMs?: number },
) =>
  defineJob({
    name: 'retention',
    itemSchema: z.object({ months: z.number().int().min(1) }),
    intervalMs,
    findDue: async () =>
      (await services.privacy.countPastRetention({ months: retentionMonths })) > 0
        ? [{ months: retentionMonths }]
        : [],
    handle: async ([due]) =>
      due ? (await services.privacy.applyRetention({ months: due.months })).erased : 0,
    againAtOnce: () => false,
  });
