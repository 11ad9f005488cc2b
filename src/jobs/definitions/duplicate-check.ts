import { z } from 'zod';
import type { Services } from '../../services';
import { defineJob } from '../job-definition';

/** Applications one pass checks at most. */
export const DUPLICATE_PASS_LIMIT = 2_000;

/**
 * Flags likely duplicates among applications submitted at least a settling time ago
 * (services/applications/flag-likely-duplicates.ts), every few seconds.
 *
 * A pass reads the names of every country it meets, whatever the number of newcomers, so during a
 * deadline rush passes must not follow each other at once: each would check the few applications
 * that came of age since the last and read the whole round again. So the next pass waits the
 * interval unless this one was full (a backlog).
 */
export const duplicateCheckJob = (services: Services, { intervalMs = 5_000 } = {}) =>
  defineJob({
    name: 'duplicate-check',
    itemSchema: z.object({
      id: z.string().min(1),
      roundId: z.string().min(1),
      countryCode: z.string(),
      nameKey: z.string(),
    }),
    intervalMs,
    findDue: () => services.applications.listUnchecked(DUPLICATE_PASS_LIMIT),
    handle: (unchecked) => services.applications.checkDuplicates(unchecked),
    againAtOnce: (checked) => checked >= DUPLICATE_PASS_LIMIT,
  });
