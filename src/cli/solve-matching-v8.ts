import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a process whose work is one matching solve: the `iln solve-matching` verb, and
 * the matching benchmark's child processes, which call this too so that they measure what the
 * verb runs. Not for the web server: flags are process-wide.
 *
 * Why: a first solve of ~1,000 vertices runs almost entirely in V8's interpreter, because the
 * optimising compiler (TurboFan) delivers its code only after the solve is mostly done; its
 * background jobs for the solver's functions are large (with inlining, `assignLabel`, `scan` and
 * `dissolveTree` each took 20–45 ms to compile on the 2-core development machine) and compete
 * with the solve for the CPU. Without inlining the jobs are a few milliseconds each.
 *
 * Measured on Node 20.20 (bench/matching/README.md, "V8 flags"; 9–11 interleaved fresh processes,
 * a loaded 2-core machine): first solve of best20-1000 and random_n1000_m10000 10–25% faster,
 * second solve faster or equal, compiled speed unchanged on 1,000-vertex graphs and better on
 * best20-20000 (1.37 s vs 1.78 s CPU). Tried and not kept (no measurable gain, or worse):
 * --always-sparkplug, --no-lazy-feedback-allocation, --max-lazy, --maglev, --no-use-osr, lower
 * --interrupt-budget, --no-concurrent-recompilation, and smaller inlining budgets.
 */
export const SOLVE_MATCHING_V8_FLAGS: readonly string[] = ['--no-turbo-inlining'];

/** Applies SOLVE_MATCHING_V8_FLAGS; call before the first solve (functions compile lazily). */
export function tuneV8ForMatchingSolve(): void {
  for (const flag of SOLVE_MATCHING_V8_FLAGS) setFlagsFromString(flag);
}
