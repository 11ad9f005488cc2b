/** How two match runs of a round differ: who has other partners, and the change in total fit. */
import type { MatchRun } from './match-run';

export interface PartnerChange {
  applicationId: string;
  /** Partners' application ids (sorted); empty when alone. */
  before: string[];
  after: string[];
}

export interface RunComparison {
  /** Everyone in either run whose partners differ, by application id. */
  changes: PartnerChange[];
  /** Partnerships found in both runs with exactly the same members. */
  unchangedPartnerships: number;
  totalFitBefore: number;
  totalFitAfter: number;
  totalFitChange: number;
  matchedBefore: number;
  matchedAfter: number;
}

export function compareMatchRuns(before: MatchRun, after: MatchRun): RunComparison {
  const partnersIn = (run: MatchRun) => {
    const partners = new Map<string, string[]>();
    for (const p of run.partnerships)
      for (const id of p.applicationIds)
        partners.set(
          id,
          p.applicationIds.filter((x) => x !== id),
        );
    for (const u of run.unmatched) partners.set(u.applicationId, []);
    return partners;
  };
  const a = partnersIn(before);
  const b = partnersIn(after);
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes = ids.flatMap((applicationId) => {
    const x = a.get(applicationId) ?? [];
    const y = b.get(applicationId) ?? [];
    return x.join('\u0000') === y.join('\u0000') ? [] : [{ applicationId, before: x, after: y }];
  });
  const keys = new Set(before.partnerships.map((p) => p.applicationIds.join('\u0000')));
  return {
    changes,
    unchangedPartnerships: after.partnerships.filter((p) => keys.has(p.applicationIds.join('\u0000'))).length,
    totalFitBefore: before.totalFit,
    totalFitAfter: after.totalFit,
    totalFitChange: after.totalFit - before.totalFit,
    matchedBefore: before.partnerships.reduce((sum, p) => sum + p.applicationIds.length, 0),
    matchedAfter: after.partnerships.reduce((sum, p) => sum + p.applicationIds.length, 0),
  };
}
