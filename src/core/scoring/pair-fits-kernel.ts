/**
 * The fit table computed by WebAssembly (wasm/pair-fits.ts): the scoring pool's arrays are copied
 * into one block of a new instance's memory, the module fills the table there, and the table is
 * read in place (an Int16Array over that memory: no copy, and it lives as long as the table). The
 * instance's memory never grows after the table is filled, so the views stay valid.
 *
 * On request the module also gathers the matching engine's candidate lists for a stage of the pool
 * while it fills the table (KernelSweep; see matching/candidate-sweep.ts for what they are).
 */
import { readFileSync } from 'node:fs';
import { FIT_PARTS } from './match-settings';
import type { ScoringPool } from './scoring-pool';

interface PairFitsExports {
  memory: { buffer: ArrayBuffer };
  reserve(bytes: number): number;
  setup(params: number): void;
  fillRows(from: number, to: number): void;
}

/** What the candidate sweep needs: each pool index's stage position (−1: not in the stage), k and the score offset. */
export interface KernelSweep {
  position: Int32Array;
  stageSize: number;
  k: number;
  bonus: number;
}

/** The sweep's result: per stage position, a heap of its k best partners (matching/types.ts CandidateLists). */
export interface KernelCandidates {
  n: number;
  k: number;
  heapW: Float64Array;
  heapV: Int32Array;
  count: Int32Array;
}

/** The part of the WebAssembly API used here (@types/node 20 does not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
const wasmModule = new wasmApi.Module(readFileSync(new URL('./wasm/pair-fits.wasm', import.meta.url)));

// Parameter block slots (wasm/pair-fits.ts P_*): six numbers, then the arrays' addresses.
const PARAM_SLOTS = 42;
const P_FITS = 32;
const P_SWEEP = 35;
const P_K = 36;
const P_POSITION = 37;
const P_HEAP_W = 38;
const P_HEAP_V = 39;
const P_COUNT = 40;
const P_GATE = 41;

type Part = { slot: number; bytes: number; data?: Int32Array | Uint8Array | Float64Array };

export function computeFitsInWasm(
  pool: ScoringPool,
  sweep?: KernelSweep,
): { fits: Int16Array; candidates?: KernelCandidates } {
  const { n, calls, text } = pool;
  const pairs = Math.max(0, (n * (n - 1)) / 2);
  const stage = sweep?.stageSize ?? 0;
  const k = sweep?.k ?? 0;
  const parts: Part[] = [
    { slot: 6, bytes: 4 * n, data: pool.country },
    { slot: 7, bytes: 4 * pool.workingLanguages.length, data: pool.workingLanguages },
    { slot: 8, bytes: pool.languageLevel.length, data: pool.languageLevel },
    { slot: 9, bytes: 4 * (n + 1), data: pool.blockedStart },
    { slot: 10, bytes: 4 * pool.blocked.length, data: pool.blocked },
    { slot: 11, bytes: pool.blockedWhy.length, data: pool.blockedWhy },
    { slot: 12, bytes: n, data: calls.wantsCalls },
    { slot: 13, bytes: 4 * calls.hourMask.length, data: calls.hourMask },
    { slot: 14, bytes: 4 * (n + 1), data: calls.regimeStart },
    { slot: 15, bytes: 8 * calls.regimeFromMs.length, data: calls.regimeFromMs },
    { slot: 16, bytes: 4 * calls.intervalStart.length, data: calls.intervalStart },
    { slot: 17, bytes: 4 * calls.starts.length, data: calls.starts },
    { slot: 18, bytes: 4 * calls.ends.length, data: calls.ends },
    { slot: 19, bytes: 4 * pool.interestBits.length, data: pool.interestBits },
    { slot: 20, bytes: 4 * pool.interestWeight.length, data: pool.interestWeight },
    { slot: 21, bytes: 8 * n, data: pool.interestNorm },
    { slot: 22, bytes: 4 * (n + 1), data: text.start },
    { slot: 23, bytes: 4 * text.term.length, data: text.term },
    { slot: 24, bytes: 4 * text.weight.length, data: text.weight },
    { slot: 25, bytes: 4 * text.vocabulary.length },
    { slot: 26, bytes: n },
    { slot: 27, bytes: 4 * n, data: pool.sector },
    { slot: 28, bytes: 4 * n, data: pool.careerStage },
    { slot: 29, bytes: n, data: pool.openToAnyone },
    { slot: 30, bytes: 4 * n, data: pool.preferredSectors },
    { slot: 31, bytes: 4 * n, data: pool.preferredStages },
    {
      slot: 33,
      bytes: 8 * FIT_PARTS.length,
      data: Float64Array.from(FIT_PARTS, (p) => pool.settings.weights[p]),
    },
    {
      slot: 34,
      bytes: 24,
      data: Float64Array.of(
        pool.settings.availability.targetWeeklyHours * 60,
        pool.settings.availability.oneEmailOnlyCredit,
        sweep?.bonus ?? 0,
      ),
    },
    ...(sweep
      ? [
          { slot: P_POSITION, bytes: 4 * n, data: sweep.position },
          { slot: P_HEAP_W, bytes: 8 * stage * k },
          { slot: P_HEAP_V, bytes: 4 * stage * k },
          { slot: P_COUNT, bytes: 4 * stage },
          { slot: P_GATE, bytes: 8 * stage },
        ]
      : []),
    { slot: P_FITS, bytes: 2 * pairs },
  ];
  const align = (x: number) => (x + 7) & ~7;
  let total = align(PARAM_SLOTS * 4);
  for (const part of parts) total += align(part.bytes);
  const wasm = new wasmApi.Instance(wasmModule, {}).exports as unknown as PairFitsExports;
  const base = wasm.reserve(total);
  const buffer = wasm.memory.buffer;
  const params = new Int32Array(buffer, base, PARAM_SLOTS);
  params.set([
    n,
    pool.languageWords,
    pool.languageCodes.length,
    pool.interestWords,
    pool.settings.rules.requireSharedLanguage ? 1 : 0,
    pool.minOverlapMinutes,
  ]);
  let at = base + align(PARAM_SLOTS * 4);
  for (const part of parts) {
    params[part.slot] = at;
    const data = part.data;
    if (data instanceof Int32Array) new Int32Array(buffer, at, data.length).set(data);
    else if (data instanceof Float64Array) new Float64Array(buffer, at, data.length).set(data);
    else if (data instanceof Uint8Array) new Uint8Array(buffer, at, data.length).set(data);
    at += align(part.bytes);
  }
  if (sweep) {
    params[P_SWEEP] = 1;
    params[P_K] = k;
    new Float64Array(buffer, params[P_GATE]!, stage).fill(Number.NEGATIVE_INFINITY);
  }
  wasm.setup(base);
  wasm.fillRows(0, n);
  const fits = new Int16Array(buffer, params[P_FITS]!, pairs);
  if (!sweep) return { fits };
  return {
    fits,
    candidates: {
      n: stage,
      k,
      heapW: new Float64Array(buffer, params[P_HEAP_W]!, stage * k),
      heapV: new Int32Array(buffer, params[P_HEAP_V]!, stage * k),
      count: new Int32Array(buffer, params[P_COUNT]!, stage),
    },
  };
}
