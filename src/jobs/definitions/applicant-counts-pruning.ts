import { z } from 'zod';
import type { Services } from '../../services';
import { defineJob } from '../job-definition';

/**
 * Forgets the applicant side's rate-limit counts once they are a day old
 * (services/applications/prune-applicant-counts.ts), once an hour.
 */
export const applicantCountsPruningJob = (services: Services, { intervalMs = 60 * 60_000 } = {}) =>
  defineJob({
    name: 'applicant-counts-pruning',
    itemSchema: z.object({ before: z.date() }),
    intervalMs,
    findDue: async () => [{ before: services.applications.findCountsExpiry() }],
    handle: async ([due]) => {
      if (due) await services.applications.pruneCounts(due.before);
      return due ? 1 : 0;
    },
    againAtOnce: () => false,
  });
