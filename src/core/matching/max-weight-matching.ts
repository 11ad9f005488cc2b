/**
 * Maximum-weight matching in general graphs (Edmonds' primal-dual blossom algorithm). The solver
 * is wasm/blossom.ts, AssemblyScript compiled to WebAssembly: its header documents the algorithm,
 * sources, complexity, units and invariants. engine.ts loads it and moves data in and out; this
 * file is the API over both.
 */
import {
  type MatchingGraph,
  type ResumeStart,
  runSolver,
  type SolverStart,
  type SolverState,
} from './engine';
import { buildGraph } from './input';
import type { Edge, MatchingOptions, MatchingResult } from './types';

export type { ResumeStart, SolverStart, SolverState } from './engine';

/** Maximum-weight (optionally maximum-cardinality) matching; see wasm/blossom.ts. */
export function maxWeightMatching(edges: readonly Edge[], options: MatchingOptions = {}): MatchingResult {
  const graph = buildGraph(edges, 'maxWeightMatching');
  return solveGraph(graph, options.maxCardinality === true);
}

/**
 * Runs the solver on an already validated graph. Without maxCardinality it starts from `start`
 * or from a greedy matching with greedy duals; with maxCardinality it solves max-weight for w + L
 * (integer weights, when exact) and continues in max-cardinality mode, or starts from uniform
 * duals and an empty matching (the max-cardinality certificate needs all exposed vertices to
 * share one dual).
 */
export function solveGraph(
  graph: MatchingGraph,
  maxCardinality: boolean,
  start?: SolverStart,
): MatchingResult {
  return runSolver(graph, maxCardinality, start, false).result;
}

/** As solveGraph, also returning the final state; a ResumeStart (max-weight mode only) resumes. */
export function solveGraphWithState(
  graph: MatchingGraph,
  maxCardinality: boolean,
  start?: SolverStart | ResumeStart,
): { result: MatchingResult; state: SolverState } {
  const { result, state } = runSolver(graph, maxCardinality, start, true);
  return { result, state: state! };
}

/**
 * The classic start of Edmonds' algorithm: every u_v = max(0, max weight) / 2 and an empty
 * matching, so every vertex with a positive dual is a root. Not used by the public API (the
 * greedy start is never worse); the benchmark uses it to measure the solver without the greedy
 * head start (bench/matching, `--scaling`).
 */
export function uniformStart(graph: MatchingGraph): SolverStart {
  return {
    y: new Float64Array(graph.n).fill(Math.max(0, graph.maxWeight)),
    mate: new Int32Array(graph.n).fill(-1),
  };
}
