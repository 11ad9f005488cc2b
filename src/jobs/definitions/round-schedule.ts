import { z } from 'zod';
import type { Services } from '../../services';
import type { Logger } from '../../services/ports/runtime';
import { defineJob } from '../job-definition';

/**
 * Moves rounds on schedule (core/rounds findDueTransition): an open round closes at its deadline,
 * a round under way finishes when its last day ends. Checked once a minute.
 */
export const roundScheduleJob = (services: Services, logger: Logger, { intervalMs = 60_000 } = {}) =>
  defineJob({
    name: 'round-schedule',
    itemSchema: z.object({ roundId: z.string().min(1) }),
    intervalMs,
    findDue: () => services.rounds.listDueTransitions(),
    handle: async (due) => {
      let moved = 0;
      for (const { roundId } of due) {
        const transition = await services.rounds.applyDueTransition(roundId);
        if (!transition) continue;
        logger.info(transition, 'round moved on schedule');
        moved++;
      }
      return moved;
    },
    // A pass that moved rounds need not be followed at once by another.
    againAtOnce: () => false,
  });
