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
import { MatchInputError } from './errors';
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

/** Parameter block slots: the P_* constants of wasm/pair-fits.ts. */
const P = {
  N: 0,
  LW: 1,
  L: 2,
  IW: 3,
  REQUIRE_LANGUAGE: 4,
  MIN_OVERLAP: 5,
  COUNTRY: 6,
  WORKING: 7,
  LEVEL: 8,
  BLOCKED_START: 9,
  BLOCKED: 10,
  BLOCKED_WHY: 11,
  WANTS_CALLS: 12,
  HOUR_MASK: 13,
  REGIME_START: 14,
  REGIME_FROM: 15,
  INTERVAL_START: 16,
  STARTS: 17,
  ENDS: 18,
  INTEREST_BITS: 19,
  INTEREST_WEIGHT: 20,
  INTEREST_NORM: 21,
  TEXT_START: 22,
  TEXT_TERM: 23,
  TEXT_WEIGHT: 24,
  DENSE: 25,
  MARK: 26,
  SECTOR: 27,
  STAGE: 28,
  OPEN: 29,
  PREF_SECTORS: 30,
  PREF_STAGES: 31,
  FITS: 32,
  WEIGHTS: 33,
  SETTINGS: 34,
  SWEEP: 35,
  K: 36,
  POSITION: 37,
  HEAP_W: 38,
  HEAP_V: 39,
  COUNT: 40,
  GATE: 41,
} as const;
const PARAM_SLOTS = 42;
/** A wasm32 memory holds at most 4 GiB; the table needs 2 bytes a pair (about 46,000 people). */
const MAX_BYTES = 2 ** 32 - 2 ** 20;

/** An array to copy in (or room for one, without data), at a slot of the parameter block. */
type Part = { slot: number; bytes: number; data?: Int32Array | Uint8Array | Float64Array };

export function computeFitsInWasm(
  pool: ScoringPool,
  sweep?: KernelSweep,
): { fits: Int16Array; candidates?: KernelCandidates } {
  const { n, calls, text } = pool;
  const pairs = Math.max(0, (n * (n - 1)) / 2);
  const stage = sweep?.stageSize ?? 0;
  const k = sweep?.k ?? 0;
  const i32 = (slot: number, data: Int32Array): Part => ({ slot, bytes: 4 * data.length, data });
  const u8 = (slot: number, data: Uint8Array): Part => ({ slot, bytes: data.length, data });
  const f64 = (slot: number, data: Float64Array): Part => ({ slot, bytes: 8 * data.length, data });
  const { settings } = pool;
  const parts: Part[] = [
    i32(P.COUNTRY, pool.country),
    i32(P.WORKING, pool.workingLanguages),
    u8(P.LEVEL, pool.languageLevel),
    i32(P.BLOCKED_START, pool.blockedStart),
    i32(P.BLOCKED, pool.blocked),
    u8(P.BLOCKED_WHY, pool.blockedWhy),
    u8(P.WANTS_CALLS, calls.wantsCalls),
    i32(P.HOUR_MASK, calls.hourMask),
    i32(P.REGIME_START, calls.regimeStart),
    f64(P.REGIME_FROM, calls.regimeFromMs),
    i32(P.INTERVAL_START, calls.intervalStart),
    i32(P.STARTS, calls.starts),
    i32(P.ENDS, calls.ends),
    i32(P.INTEREST_BITS, pool.interestBits),
    i32(P.INTEREST_WEIGHT, pool.interestWeight),
    f64(P.INTEREST_NORM, pool.interestNorm),
    i32(P.TEXT_START, text.start),
    i32(P.TEXT_TERM, text.term),
    i32(P.TEXT_WEIGHT, text.weight),
    { slot: P.DENSE, bytes: 4 * text.vocabulary.length },
    { slot: P.MARK, bytes: n },
    i32(P.SECTOR, pool.sector),
    i32(P.STAGE, pool.careerStage),
    u8(P.OPEN, pool.openToAnyone),
    i32(P.PREF_SECTORS, pool.preferredSectors),
    i32(P.PREF_STAGES, pool.preferredStages),
    f64(
      P.WEIGHTS,
      Float64Array.from(FIT_PARTS, (part) => settings.weights[part]),
    ),
    f64(
      P.SETTINGS,
      Float64Array.of(
        settings.availability.targetWeeklyHours * 60,
        settings.availability.oneEmailOnlyCredit,
        sweep?.bonus ?? 0,
      ),
    ),
    ...(sweep
      ? [
          i32(P.POSITION, sweep.position),
          { slot: P.HEAP_W, bytes: 8 * stage * k },
          { slot: P.HEAP_V, bytes: 4 * stage * k },
          { slot: P.COUNT, bytes: 4 * stage },
          { slot: P.GATE, bytes: 8 * stage },
        ]
      : []),
    { slot: P.FITS, bytes: 2 * pairs },
  ];
  const align = (x: number) => (x + 7) & ~7;
  let total = align(PARAM_SLOTS * 4);
  for (const part of parts) total += align(part.bytes);
  if (total > MAX_BYTES) {
    throw new MatchInputError(`the fit table of ${n} applicants does not fit in 4 GiB of memory`);
  }
  const wasm = new wasmApi.Instance(wasmModule, {}).exports as unknown as PairFitsExports;
  const base = wasm.reserve(total);
  const buffer = wasm.memory.buffer;
  const params = new Int32Array(buffer, base, PARAM_SLOTS);
  params[P.N] = n;
  params[P.LW] = pool.languageWords;
  params[P.L] = pool.languageCodes.length;
  params[P.IW] = pool.interestWords;
  params[P.REQUIRE_LANGUAGE] = settings.rules.requireSharedLanguage ? 1 : 0;
  params[P.MIN_OVERLAP] = pool.minOverlapMinutes;
  params[P.SWEEP] = sweep ? 1 : 0;
  params[P.K] = k;
  let at = base + align(PARAM_SLOTS * 4);
  for (const part of parts) {
    params[part.slot] = at;
    const data = part.data;
    if (data instanceof Int32Array) new Int32Array(buffer, at, data.length).set(data);
    else if (data instanceof Float64Array) new Float64Array(buffer, at, data.length).set(data);
    else if (data instanceof Uint8Array) new Uint8Array(buffer, at, data.length).set(data);
    at += align(part.bytes);
  }
  if (sweep) new Float64Array(buffer, params[P.GATE]! >>> 0, stage).fill(Number.NEGATIVE_INFINITY);
  wasm.setup(base);
  wasm.fillRows(0, n);
  const fits = new Int16Array(buffer, params[P.FITS]! >>> 0, pairs);
  if (!sweep) return { fits };
  return {
    fits,
    candidates: {
      n: stage,
      k,
      heapW: new Float64Array(buffer, params[P.HEAP_W]! >>> 0, stage * k),
      heapV: new Int32Array(buffer, params[P.HEAP_V]! >>> 0, stage * k),
      count: new Int32Array(buffer, params[P.COUNT]! >>> 0, stage),
    },
  };
}
