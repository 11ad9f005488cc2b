/**
 * The FitScorer of fit-scorer.ts, computed by WebAssembly (wasm/pair-fits.ts): the scoring pool's
 * arrays are copied once into a new instance's memory, and every question — one pair's verdict,
 * fit or parts, or the whole table — is answered there. The table is read in place (an Int16Array
 * over that memory: no copy, and it lives as long as the scorer). Memory only grows; views of it
 * are made again after it has (scratch) or made once after the table is written (nothing grows
 * afterwards).
 *
 * On request the module also gathers the matching engine's candidate lists for a stage of the pool
 * while it fills the table (KernelSweep; see matching/candidate-sweep.ts for what they are).
 */
import { readFileSync } from 'node:fs';
import { MatchInputError } from './errors';
import type { FitScorer, KernelCandidates, KernelSweep, PairFit } from './fit-scorer';
import { FIT_PARTS, type FitPart } from './match-settings';
import type { ScoringPool } from './scoring-pool';

interface PairFitsExports {
  memory: { buffer: ArrayBuffer };
  alloc(bytes: number): number;
  setup(params: number): void;
  setRow(i: number): void;
  verdict(j: number): number;
  fit(j: number): number;
  overlap(j: number): number;
  parts(j: number, out: number): number;
  fillTable(
    fits: number,
    k: number,
    bonus: number,
    position: number,
    heapW: number,
    heapV: number,
    count: number,
    gate: number,
  ): void;
}

/** The part of the WebAssembly API used here (@types/node 20 does not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
/** Compiled once, when this file is imported (4 KB: a millisecond of Liftoff at most). */
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
  WEIGHTS: 32,
  SETTINGS: 33,
} as const;
const PARAM_SLOTS = 34;
/** parts(): seven points, the overlap and the verdict. */
const PARTS_SLOTS = 9;
/** A wasm32 memory holds at most 4 GiB; the table needs 2 bytes a pair (about 46,000 people). */
const MAX_BYTES = 2 ** 32 - 2 ** 20;

export function createFitScorer(pool: ScoringPool): FitScorer {
  return new WasmFitScorer(pool);
}

/** A class, not closures per pool: callers' optimised code keeps the same call targets. */
class WasmFitScorer implements FitScorer {
  private readonly wasm: PairFitsExports;
  private readonly partsAt: number;
  private parts: Int32Array;
  private filled = false;

  constructor(private readonly pool: ScoringPool) {
    this.wasm = new wasmApi.Instance(wasmModule, {}).exports as unknown as PairFitsExports;
    this.wasm.setup(copyPool(this.wasm, pool));
    this.partsAt = this.wasm.alloc(4 * PARTS_SLOTS);
    this.parts = new Int32Array(this.wasm.memory.buffer, this.partsAt, PARTS_SLOTS);
  }

  setRow(i: number): void {
    this.wasm.setRow(i);
  }

  fitWith(j: number): number {
    return this.wasm.fit(j);
  }

  verdictWith(j: number): number {
    return this.wasm.verdict(j);
  }

  overlapWith(j: number): number {
    return this.wasm.overlap(j);
  }

  partsWith(j: number): PairFit {
    const fit = this.wasm.parts(j, this.partsAt);
    if (this.parts.buffer !== this.wasm.memory.buffer) {
      this.parts = new Int32Array(this.wasm.memory.buffer, this.partsAt, PARTS_SLOTS);
    }
    const out = this.parts;
    const parts = {} as Record<FitPart, number>;
    for (let k = 0; k < FIT_PARTS.length; k++) parts[FIT_PARTS[k]!] = out[k]!;
    return { fit, parts, guaranteedWeeklyMinutes: out[7]!, verdict: out[8]! };
  }

  fillTable(sweep?: KernelSweep): { fits: Int16Array; candidates?: KernelCandidates } {
    if (this.filled) throw new Error('fillTable: this scorer has filled its table already');
    this.filled = true;
    const { n } = this.pool;
    const wasm = this.wasm;
    const pairs = Math.max(0, (n * (n - 1)) / 2);
    const stage = sweep?.stageSize ?? 0;
    const k = sweep?.k ?? 0;
    const bytes = 2 * pairs + (sweep ? 4 * n + 20 * stage * k + 12 * stage + 64 : 0);
    if (wasm.memory.buffer.byteLength + bytes > MAX_BYTES) {
      throw new MatchInputError(`the fit table of ${n} applicants does not fit in 4 GiB of memory`);
    }
    const at = (x: number) => x >>> 0;
    const fitsAt = at(wasm.alloc(2 * pairs));
    const sweepAt = sweep
      ? {
          position: at(wasm.alloc(4 * n)),
          heapW: at(wasm.alloc(8 * stage * k)),
          heapV: at(wasm.alloc(4 * stage * k)),
          count: at(wasm.alloc(4 * stage)),
          gate: at(wasm.alloc(8 * stage)),
        }
      : undefined;
    const buffer = wasm.memory.buffer;
    if (sweep && sweepAt) {
      new Int32Array(buffer, sweepAt.position, n).set(sweep.position);
      new Float64Array(buffer, sweepAt.gate, stage).fill(Number.NEGATIVE_INFINITY);
    }
    wasm.fillTable(
      fitsAt,
      k,
      sweep?.bonus ?? 0,
      sweepAt?.position ?? 0,
      sweepAt?.heapW ?? 0,
      sweepAt?.heapV ?? 0,
      sweepAt?.count ?? 0,
      sweepAt?.gate ?? 0,
    );
    const fits = new Int16Array(buffer, fitsAt, pairs);
    if (!sweepAt) return { fits };
    return {
      fits,
      candidates: {
        n: stage,
        k,
        heapW: new Float64Array(buffer, sweepAt.heapW, stage * k),
        heapV: new Int32Array(buffer, sweepAt.heapV, stage * k),
        count: new Int32Array(buffer, sweepAt.count, stage),
      },
    };
  }
}

/** Copies the pool's arrays into the instance; returns the parameter block for setup(). */
function copyPool(wasm: PairFitsExports, pool: ScoringPool): number {
  const { n, calls, text, settings } = pool;
  const params = wasm.alloc(4 * PARAM_SLOTS);
  // Every array first, then views (alloc may grow the memory, which detaches earlier views).
  const arrays: [number, Int32Array | Uint8Array | Float64Array][] = [
    [P.COUNTRY, pool.country],
    [P.WORKING, pool.workingLanguages],
    [P.LEVEL, pool.languageLevel],
    [P.BLOCKED_START, pool.blockedStart],
    [P.BLOCKED, pool.blocked],
    [P.BLOCKED_WHY, pool.blockedWhy],
    [P.WANTS_CALLS, calls.wantsCalls],
    [P.HOUR_MASK, calls.hourMask],
    [P.REGIME_START, calls.regimeStart],
    [P.REGIME_FROM, calls.regimeFromMs],
    [P.INTERVAL_START, calls.intervalStart],
    [P.STARTS, calls.starts],
    [P.ENDS, calls.ends],
    [P.INTEREST_BITS, pool.interestBits],
    [P.INTEREST_WEIGHT, pool.interestWeight],
    [P.INTEREST_NORM, pool.interestNorm],
    [P.TEXT_START, text.start],
    [P.TEXT_TERM, text.term],
    [P.TEXT_WEIGHT, text.weight],
    [P.DENSE, new Int32Array(text.vocabulary.length)],
    [P.MARK, new Uint8Array(n)],
    [P.SECTOR, pool.sector],
    [P.STAGE, pool.careerStage],
    [P.OPEN, pool.openToAnyone],
    [P.PREF_SECTORS, pool.preferredSectors],
    [P.PREF_STAGES, pool.preferredStages],
    [P.WEIGHTS, Float64Array.from(FIT_PARTS, (part) => settings.weights[part])],
    [
      P.SETTINGS,
      Float64Array.of(settings.availability.targetWeeklyHours * 60, settings.availability.oneEmailOnlyCredit),
    ],
  ];
  const addresses = arrays.map(([, data]) => wasm.alloc(data.byteLength) >>> 0);
  const buffer = wasm.memory.buffer;
  const block = new Int32Array(buffer, params >>> 0, PARAM_SLOTS);
  block[P.N] = n;
  block[P.LW] = pool.languageWords;
  block[P.L] = pool.languageCodes.length;
  block[P.IW] = pool.interestWords;
  block[P.REQUIRE_LANGUAGE] = settings.rules.requireSharedLanguage ? 1 : 0;
  block[P.MIN_OVERLAP] = pool.minOverlapMinutes;
  arrays.forEach(([slot, data], x) => {
    const address = addresses[x]!;
    block[slot] = address;
    new Uint8Array(buffer, address, data.byteLength).set(
      new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    );
  });
  return params;
}
