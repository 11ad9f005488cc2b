/**
 * Locks: partnerships a coordinator fixed. A lock that breaks no rule (match-context.ts,
 * listGroupBreaches) and shares nobody with an earlier lock becomes a partnership as it is; any
 * other lock is rejected with its breaches. Locks are taken in the order of their sorted ids, so
 * the outcome does not depend on the order they were given in.
 */
import { buildPartnership, listGroupBreaches, type MatchContext } from './match-context';
import type { Partnership, RejectedLock } from './match-run';

export interface AppliedLocks {
  locked: Partnership[];
  rejectedLocks: RejectedLock[];
  /** Pool indices of everyone not in an applied lock, ascending: the two-person stage's vertices. */
  stage: Int32Array;
}

export function applyLocks(context: MatchContext): AppliedLocks {
  const locks = context.snapshot.locks
    .map((ids) => [...ids].sort())
    .sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
  const lockedIndices = new Set<number>();
  const locked: Partnership[] = [];
  const rejectedLocks: RejectedLock[] = [];
  for (const ids of locks) {
    const breaches = listGroupBreaches(context, ids);
    for (const id of new Set(ids)) {
      const i = context.pool.indexOf.get(id);
      if (i !== undefined && lockedIndices.has(i)) {
        breaches.push({ code: 'application-repeated', applicationIds: [id], params: {} });
      }
    }
    if (breaches.length > 0) {
      rejectedLocks.push({ applicationIds: ids, breaches });
      continue;
    }
    const indices = ids.map((id) => context.pool.indexOf.get(id)!);
    for (const i of indices) lockedIndices.add(i);
    locked.push(buildPartnership(context, indices, 'lock'));
  }
  const stage = Int32Array.from({ length: context.pool.n }, (_, i) => i).filter((i) => !lockedIndices.has(i));
  return { locked, rejectedLocks, stage };
}
