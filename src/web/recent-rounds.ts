import type { Round } from '../core/rounds';

/** Rounds kept at most: ids come from URLs, so the cache must not grow with what strangers send. */
const MAX_ROUNDS = 32;

/**
 * Rounds as read at most `maxAgeMs` ago, for the one request that arrives in floods: the
 * application form posted in the last hours before a deadline, where reading the round for every
 * submission was a database round trip of its own.
 *
 * Only a round that takes applications is answered from memory, and only as a first look: the
 * submission reads its round again under lock in its own transaction (submit-application.ts), so
 * an application is never stored in a round that has just closed. Anything else (an unknown id, a
 * round that does not take applications) is read afresh, so no one is turned away by a stale copy.
 */
export const createRecentRounds = (
  read: (id: string) => Promise<Round | undefined>,
  isTakingApplications: (round: Round) => boolean,
  maxAgeMs = 1000,
) => {
  const recent = new Map<string, { readAt: number; round: Round }>();
  return async (id: string): Promise<Round | undefined> => {
    const now = performance.now();
    const hit = recent.get(id);
    if (hit && now - hit.readAt < maxAgeMs && isTakingApplications(hit.round)) return hit.round;
    const round = await read(id);
    if (round && isTakingApplications(round)) {
      if (recent.size >= MAX_ROUNDS && !recent.has(id)) recent.clear();
      recent.set(id, { readAt: now, round });
    } else {
      recent.delete(id);
    }
    return round;
  };
};
