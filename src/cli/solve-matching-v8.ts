import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a process whose work is one matching solve: the `iln solve-matching` verb, and
 * the matching benchmark's child processes, which call this too so that they measure what the
 * verb runs. Not for the web server: flags are process-wide.
 *
 * Why: a first solve of ~1,000 vertices runs almost entirely in V8's interpreter, because the
 * optimising compiler (TurboFan) delivers its code only after the solve is mostly done; its
 * background jobs for the solver's functions are large and compete with the solve for the CPU:
 * on the 2-core development machine under load, compiling `scan`, `assignLabel`, `dissolveTree`
 * and `loop` took 41, 55, 33 and 40 ms with inlining and 3–9, 13, 17 and 16 ms without.
 *
 * Measured on Node 20.20 (bench/matching/README.md, "First solve in a fresh process"; 7–11
 * interleaved fresh processes per setting): first solve of best20-1000 and random_n1000_m10000
 * 10–25% faster, second solve faster or equal, compiled speed unchanged on 1,000-vertex graphs
 * and better on best20-20000 (1.37 s vs 1.78 s CPU). Tried and not kept (no measurable gain, or
 * worse):
 * --always-sparkplug, --no-lazy-feedback-allocation, --max-lazy, --maglev, --no-use-osr, lower
 * --interrupt-budget, --no-concurrent-recompilation, and smaller inlining budgets.
 */
export const SOLVE_MATCHING_V8_FLAGS: readonly string[] = ['--no-turbo-inlining'];

/** Applies SOLVE_MATCHING_V8_FLAGS; call before the first solve (functions compile lazily). */
export function tuneV8ForMatchingSolve(): void {
  for (const flag of SOLVE_MATCHING_V8_FLAGS) setFlagsFromString(flag);
}
