import { createDuplicateProbe, findNameDuplicateOf, isAdmittedByProbe } from '../../core/applications';
import { createSlicer, yieldToEventLoop } from '../event-loop';
import type { DuplicateMark, UncheckedApplication } from '../ports/applications';
import type { UseCaseDeps } from '../ports/deps';

/**
 * Flags likely duplicates (the same person applying twice under a differently typed name, in the
 * same country and round) for coordinators, a moment after the applications arrive.
 *
 * Submissions are stored unchecked; the duplicate worker runs this every few seconds. It
 * takes the unchecked applications in submission order, reads each affected country's names once
 * (a covering index: ids and folded names only), and compares each newcomer with the applications
 * submitted before it (core findNameDuplicateOf, after the cheap DuplicateProbe filter). So a
 * submission costs the same in a round of ten or ten thousand, and a deadline rush is checked in
 * a few passes, each reading a country's names once rather than once per submission.
 *
 * Two rules keep it out of the submissions' way and exact:
 * - it reads and compares outside any transaction and then writes all its flags in one short
 *   one, so the database (SQLite's single connection) is held for the writes only;
 * - it takes only applications submitted at least SETTLE_MS ago. Submissions commit in batches,
 *   several at once on PostgreSQL, so an application submitted a moment earlier may commit a
 *   moment later; waiting until every earlier submission has surely committed means none is
 *   missed.
 */

/** How long after its submission an application is checked (far longer than any commit takes). */
export const SETTLE_MS = 30_000;

// The pass runs in the server's process, beside the requests: it gives the event loop back every
// SLICE_MS (services/event-loop.ts). A pass over a deadline rush's thousand newcomers in a round of
// 13,000 compares for about 75 ms; in one piece it held up every request that arrived meanwhile.
/** Marks written per statement pair, with a turn of the event loop between. */
const MARK_BATCH = 500;

/** One pass over at most `limit` unchecked applications; resolves with how many it checked. */
export const flagLikelyDuplicates = async (
  deps: UseCaseDeps,
  options: { limit?: number } = {},
): Promise<number> => checkLikelyDuplicates(deps, await listUncheckedApplications(deps, options.limit));

/** Applications not yet checked that were submitted at least SETTLE_MS ago, earliest first. */
export const listUncheckedApplications = (deps: UseCaseDeps, limit = 500): Promise<UncheckedApplication[]> =>
  deps.store.duplicates.listUnchecked(limit, new Date(deps.clock.now().getTime() - SETTLE_MS));

/** Checks these applications against the ones before them in their round and country. */
export const checkLikelyDuplicates = async (
  deps: UseCaseDeps,
  unchecked: readonly UncheckedApplication[],
): Promise<number> => {
  const groups = new Map<string, UncheckedApplication[]>();
  for (const application of unchecked) {
    const key = `${application.roundId}\u0000${application.countryCode}`;
    const group = groups.get(key);
    if (group) group.push(application);
    else groups.set(key, [application]);
  }
  const marks: DuplicateMark[] = [];
  const letRequestsThrough = createSlicer();
  for (const group of groups.values()) {
    const { roundId, countryCode } = group[0]!;
    const names = await deps.store.duplicates.listNameKeys(roundId, countryCode);
    await letRequestsThrough();
    const position = new Map(names.map((name, index) => [name.id, index]));
    for (const application of group) {
      // Compared with the applications before it (a withdrawn one is not in `names`: nothing to
      // flag), through the cheap probe first; no copies of `names`, which can be thousands long.
      const end = position.get(application.id) ?? 0;
      const probe = createDuplicateProbe(application.nameKey);
      const candidates: { id: string; nameKey: string }[] = [];
      for (let i = 0; i < end; i++) {
        if (isAdmittedByProbe(probe, names[i]!.nameKey)) candidates.push(names[i]!);
      }
      const found = findNameDuplicateOf(application.nameKey, candidates);
      marks.push({
        id: application.id,
        duplicate: found ? { of: found.firstId, reason: found.reason } : null,
      });
      await letRequestsThrough();
    }
  }
  if (marks.length > 0) {
    await deps.uow.transaction(async (store) => {
      for (let start = 0; start < marks.length; start += MARK_BATCH) {
        if (start > 0) await yieldToEventLoop();
        await store.duplicates.markChecked(marks.slice(start, start + MARK_BATCH));
      }
    });
  }
  return marks.length;
};
