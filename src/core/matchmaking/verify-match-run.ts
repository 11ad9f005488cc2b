/**
 * Checks a stored match run against its snapshot alone, independently of how it was computed:
 *  - every partnership keeps every rule, and nobody is in two of them;
 *  - the two-person stage is optimal: the stage graph (solver-graph.ts) is solved again with the
 *    engine's edge-list solver, its result passes the engine's independent verifier (LP duals),
 *    and the run has as many pairs and the same solver weight;
 *  - for fairness-first, the bottleneck graph holds a largest matching of the whole graph, and
 *    none of that size exists above the run's bottleneck fit (Tutte–Berge witness).
 * Materialises the allowed pairs, so it is meant for stored runs, not the hot path.
 */
import { maxWeightMatching } from '../matching/max-weight-matching';
import { verifyOptimality } from '../matching/verify-optimality';
import { listGroupBreaches, prepareMatchContext } from './match-context';
import type { MatchRun } from './match-run';
import type { MatchSnapshot } from './match-snapshot';
import { toSolverGraph } from './solver-graph';

export interface MatchRunProblem {
  code:
    | 'partnership-breaks-rule'
    | 'participant-in-two-partnerships'
    | 'stage-not-optimal'
    | 'stage-certificate-rejected'
    | 'bottleneck-not-best';
  params: Record<string, string | number>;
}

export function verifyMatchRun(
  snapshot: MatchSnapshot,
  run: MatchRun,
): { ok: boolean; problems: MatchRunProblem[] } {
  const problems: MatchRunProblem[] = [];
  const context = prepareMatchContext(snapshot);
  const seen = new Set<string>();
  for (const partnership of run.partnerships) {
    for (const breach of listGroupBreaches(context, partnership.applicationIds)) {
      problems.push({
        code: 'partnership-breaks-rule',
        params: { rule: breach.code, applicationIds: breach.applicationIds.join(' ') },
      });
    }
    for (const id of partnership.applicationIds) {
      if (seen.has(id))
        problems.push({ code: 'participant-in-two-partnerships', params: { applicationId: id } });
      seen.add(id);
    }
  }
  const bottleneck = run.certificate.pairStage.bottleneckFit;
  const graph = toSolverGraph(snapshot, bottleneck === undefined ? {} : { minFit: bottleneck });
  const optimum = maxWeightMatching(graph.edges);
  const verdict = verifyOptimality(graph.edges, optimum);
  if (!verdict.ok)
    problems.push({ code: 'stage-certificate-rejected', params: { reason: verdict.reasons[0] ?? '' } });
  const stagePairs = run.partnerships.filter((p) => p.source !== 'lock').length;
  if (stagePairs !== optimum.pairs.length || run.solverWeight !== optimum.weight) {
    problems.push({
      code: 'stage-not-optimal',
      params: {
        pairs: stagePairs,
        optimalPairs: optimum.pairs.length,
        solverWeight: run.solverWeight,
        optimalWeight: optimum.weight,
      },
    });
  }
  if (bottleneck !== undefined) {
    const whole = maxWeightMatching(toSolverGraph(snapshot).edges, { maxCardinality: true });
    const above = graph.edges.filter(([, , w]) => w - graph.pairBonus > bottleneck);
    const better = maxWeightMatching(above, { maxCardinality: true });
    if (whole.pairs.length !== optimum.pairs.length || better.pairs.length >= optimum.pairs.length) {
      problems.push({ code: 'bottleneck-not-best', params: { bottleneckFit: bottleneck } });
    }
  }
  return { ok: problems.length === 0, problems };
}
