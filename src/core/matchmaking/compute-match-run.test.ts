import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticMembers } from '../../../tests/support/test-applicants';
import { makeSnapshot, settingsWith } from '../../../tests/support/test-snapshots';
import { buildPairFitTable } from '../scoring/pair-fit-table';
import { checkPartnership } from './check-partnership';
import { computeMatchRun } from './compute-match-run';
import { prepareMatchContext } from './match-context';
import type { MatchObjective, MatchSnapshot } from './match-snapshot';

/** Best (pairs, weakest fit, total fit) and (total fit + pairs, total fit) over every matching, by enumeration. */
function bruteForce(snapshot: MatchSnapshot) {
  const context = prepareMatchContext(snapshot);
  const table = buildPairFitTable(context.pool);
  const n = context.pool.n;
  const best = { total: [-1, -1], fairness: [-1, -1, -1] };
  const used = new Uint8Array(n);
  const walk = (v: number, size: number, weakest: number, total: number) => {
    if (v === n) {
      const t = [size + total, total];
      // total-fit maximises Σ (fit + 1).
      const f = [size, size === 0 ? -1 : weakest, total];
      if (t[0]! > best.total[0]! || (t[0] === best.total[0] && t[1]! > best.total[1]!)) best.total = t;
      for (let k = 0; k < 3; k++) {
        if (f[k] === best.fairness[k]) continue;
        if (f[k]! > best.fairness[k]!) best.fairness = f;
        break;
      }
      return;
    }
    if (used[v]) return walk(v + 1, size, weakest, total);
    walk(v + 1, size, weakest, total);
    used[v] = 1;
    for (let u = v + 1; u < n; u++) {
      const fit = table.fitOf(v, u);
      if (used[u] || fit < 0) continue;
      used[u] = 1;
      walk(v + 1, size + 1, Math.min(weakest, fit), total + fit);
      used[u] = 0;
    }
    used[v] = 0;
  };
  walk(0, 0, Number.POSITIVE_INFINITY, 0);
  return best;
}

const smallRound = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  count: fc.integer({ min: 2, max: 10 }),
  minWeeklyOverlapHours: fc.constantFrom(0, 0.5, 1),
  requireSharedLanguage: fc.boolean(),
  allowTrios: fc.boolean(),
});

type SmallRound = typeof smallRound extends fc.Arbitrary<infer T> ? T : never;
const snapshotOf = (r: SmallRound, objective: MatchObjective) => {
  // Few countries, so the same-country rule bites too.
  const members = syntheticMembers(r.count, r.seed).map((m, k) => ({
    ...m,
    answers: { ...m.answers, countryOfResidence: ['AU', 'GB', 'IN'][k % 3]! },
  }));
  return makeSnapshot(members, { objective, settings: settingsWith({ ...r, allowTrios: r.allowTrios }) });
};

describe('computeMatchRun: optimality against brute force', () => {
  it.each(['total-fit', 'fairness-first'] as const)('%s matches enumeration on small rounds', (objective) => {
    fc.assert(
      fc.property(smallRound, (r) => {
        const snapshot = snapshotOf({ ...r, allowTrios: false }, objective);
        const run = computeMatchRun(snapshot);
        const best = bruteForce(snapshot);
        const fits = run.partnerships.map((p) => p.fit);
        const size = run.partnerships.length;
        expect(run.partnerships.every((p) => p.applicationIds.length === 2)).toBe(true);
        const total = fits.reduce((a, b) => a + b, 0);
        expect(run.solverWeight).toBe(total + size * run.certificate.pairStage.pairBonus);
        if (objective === 'total-fit') expect(run.solverWeight).toBe(best.total[0]);
        else expect([size, size === 0 ? -1 : Math.min(...fits), total]).toEqual(best.fairness);
        expect(run.certificate.pairStage.certified).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('computeMatchRun: properties', () => {
  it('never breaks a rule, places everyone it can, and is reproducible whatever the input order', () => {
    fc.assert(
      fc.property(
        smallRound,
        fc.constantFrom('total-fit' as const, 'fairness-first' as const),
        (r, objective) => {
          const snapshot = snapshotOf(r, objective);
          const before = structuredClone(snapshot);
          const run = computeMatchRun(snapshot);
          expect(snapshot).toEqual(before);
          for (const p of run.partnerships) expect(checkPartnership(snapshot, p.applicationIds)).toEqual([]);
          const shuffled = { ...snapshot, applications: [...snapshot.applications].reverse() };
          expect(computeMatchRun(shuffled)).toEqual(run);
          // Nobody left alone could have been placed: no two of them may pair, and with trios no
          // two-person partnership would take them.
          const alone = run.unmatched.map((u) => u.applicationId);
          for (const x of alone) {
            for (const y of alone) if (x < y) expect(checkPartnership(snapshot, [x, y])).not.toEqual([]);
            if (!r.allowTrios) continue;
            for (const p of run.partnerships.filter((q) => q.source === 'pair')) {
              expect(checkPartnership(snapshot, [...p.applicationIds, x])).not.toEqual([]);
            }
          }
          const placed = run.partnerships.flatMap((p) => p.applicationIds);
          expect(new Set(placed).size).toBe(placed.length);
          expect(placed.length + alone.length).toBe(snapshot.applications.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
