/**
 * A match run: from a snapshot to partnerships, unmatched participants with reasons, figures and
 * the solver's certificate. Pure and deterministic: applications are taken in id order, locks in
 * the order of their sorted ids, and the engine is deterministic, so the same snapshot gives the
 * same run.
 *
 *  1. Only accepted applications take part; the others are listed as skipped.
 *  2. Locks that break no rule become partnerships as they are; the rest are rejected with the
 *     rules they break, and their people are matched like everyone else.
 *  3. Fits of every pair are computed once (scoring/pair-fit-table.ts), feeding the engine's
 *     candidate sweep for stage 4 on the way.
 *  4. Two-person stage (pair-stage.ts), by the snapshot's objective, over everyone not locked.
 *  5. Trio stage (trio-stage.ts), when the round allows trios: leftovers join pairs of stage 4.
 *  6. Everyone still alone gets a reason (unmatched-reasons.ts).
 * Invariant: no partnership in the result breaks a rule (locks are checked, the solver and the
 * trio stage only see allowed pairs).
 */
import { applyLocks } from './apply-locks';
import { buildPartnership, fitTableOf, prepareMatchContext } from './match-context';
import type { MatchRun, Partnership, SkippedApplication, UnmatchedParticipant } from './match-run';
import type { MatchSnapshot } from './match-snapshot';
import { solvePairStage, stageSweep } from './pair-stage';
import { describeFitDistribution, listCountryFigures } from './run-figures';
import { assignTrios } from './trio-stage';
import { explainUnmatched } from './unmatched-reasons';

export function computeMatchRun(snapshot: MatchSnapshot): MatchRun {
  const context = prepareMatchContext(snapshot);
  const { pool } = context;
  const skipped: SkippedApplication[] = [...context.applications.values()]
    .filter((a) => a.status !== 'accepted')
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((a) => ({ applicationId: a.id, code: 'application-not-accepted', params: { status: a.status } }));

  const { locked, rejectedLocks, stage } = applyLocks(context);
  // Locks need no fits, so the stage is known before the table is built, and the engine's
  // candidate lists are gathered as the table is filled (pair-stage.ts, stageSweep).
  const sweep = context.table === undefined ? stageSweep(pool.n, stage, snapshot.objective) : undefined;
  const table = fitTableOf(context, sweep);
  const pairStage = solvePairStage(table, stage, snapshot.objective, sweep && table.candidates);

  const matched = new Set(pairStage.pairs.flat());
  let leftovers = [...stage].filter((i) => !matched.has(i));
  const groups: number[][] = pairStage.pairs.map((pair) => [...pair]);
  let trioStage: MatchRun['certificate']['trioStage'] = null;
  if (snapshot.settings.rules.allowTrios && leftovers.length > 0 && pairStage.pairs.length > 0) {
    const trios = assignTrios(table, leftovers, pairStage.pairs);
    for (const [p, x] of trios.joins) groups[p]!.push(x);
    leftovers = trios.remaining;
    trioStage = { certified: trios.certified, weight: trios.weight };
  }

  const partnerships: Partnership[] = [
    ...locked,
    ...groups.map((g) => buildPartnership(context, g, g.length === 3 ? 'trio' : 'pair')),
  ].sort((a, b) => (a.applicationIds[0]! < b.applicationIds[0]! ? -1 : 1));
  const unmatched: UnmatchedParticipant[] = leftovers.map((x) => ({
    applicationId: pool.members[x]!.id,
    ...explainUnmatched(pool, context.scorer, x),
  }));
  const countryOf = new Map(pool.members.map((m) => [m.id, m.answers.countryOfResidence]));
  return {
    objective: snapshot.objective,
    partnerships,
    unmatched,
    skipped,
    rejectedLocks,
    solverWeight: pairStage.solverWeight,
    totalFit: partnerships.reduce((sum, p) => sum + p.pairs.reduce((s, pair) => s + pair.fit, 0), 0),
    certificate: { pairStage: pairStage.certificate, trioStage },
    fitDistribution: describeFitDistribution(partnerships.map((p) => p.fit)),
    byCountry: listCountryFigures(countryOf, partnerships, unmatched),
  };
}
