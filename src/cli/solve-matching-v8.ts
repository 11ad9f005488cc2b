import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a process whose work is one matching solve: the `iln solve-matching` verb, and
 * the matching benchmark's child processes, which call this too so that they measure what the
 * verb runs. Not for the web server: flags are process-wide.
 *
 * Why: the solver is WebAssembly (src/core/matching/wasm/blossom.ts). V8 compiles it at once with
 * its baseline compiler (Liftoff) and, by default, recompiles a function with its optimising
 * compiler (TurboFan) after a short time in it ("dynamic tiering", budget 1.8 M). On the 2-core
 * development machine those background compile jobs cost a sub-second solve more than they give
 * back: the first solve of best20-1000 took 37 ms (median of 7, load 3.5) with V8's defaults and
 * 29 ms with a budget of 50 M, the same as with Liftoff only (`--liftoff-only`); a long solve
 * still tiers up (best20-100000: 4.9 s CPU with the 50 M budget and with the default, 6.6 s with
 * Liftoff only). bench/matching/README.md, "First solve in a fresh process", has the numbers.
 *
 * `--no-turbo-inlining`, kept while the solver was TypeScript (its TurboFan jobs were large), made
 * no measurable difference for the WebAssembly engine (39 against 37 ms) and was dropped.
 */
export const SOLVE_MATCHING_V8_FLAGS: readonly string[] = ['--wasm-tiering-budget=50000000'];

/** Applies SOLVE_MATCHING_V8_FLAGS; call before the first solve (the module compiles at first use). */
export function tuneV8ForMatchingSolve(): void {
  for (const flag of SOLVE_MATCHING_V8_FLAGS) setFlagsFromString(flag);
}
