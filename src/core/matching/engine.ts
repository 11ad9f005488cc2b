/**
 * The TypeScript side of the WebAssembly solver (wasm/blossom.ts, compiled to wasm/blossom.wasm
 * by `npm run build:wasm`; why: docs/decisions/0009-matching-engine-in-webassembly.md).
 *
 * The module is compiled and instantiated once per process, synchronously, when this file is
 * imported (V8 compiles it at once with its baseline compiler, Liftoff, so there is no interpreter
 * phase; only long solves tier up to TurboFan, see WASM_TIERING_BUDGET). One instance is reused: it
 * holds the last loaded graph, so that the graph input.ts validated is solved without copying it
 * again, and each solve releases the previous one's arrays. An instance whose memory grew beyond
 * RETAIN_BYTES is dropped after its solve, so that a long-running process does not keep a large
 * graph's memory (wasm memory never shrinks).
 *
 * Every array the caller writes or reads lives in the instance's linear memory; this file copies
 * typed arrays in and out (memcpy-speed `set` / `slice`) and builds the public result objects.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import type { DualBlossom, MatchingResult } from './types';

/**
 * The solver graph: the validated edges (edge k = (eu[k], ev[k]) with weight[k], k < m; the
 * arrays may be longer than m) and their statistics. The CSR adjacency is built inside the
 * module (loadGraph).
 */
export interface MatchingGraph {
  /** Number of vertex ids: max id + 1 (0 when there are no edges). */
  n: number;
  /** Number of edges kept (self-loops dropped). */
  m: number;
  eu: Int32Array;
  ev: Int32Array;
  weight: Float64Array;
  /** True when every weight is an integer (then the solver is exact). */
  integral: boolean;
  maxWeight: number;
  maxAbsWeight: number;
}

/**
 * A starting point for the max-weight mode: doubled vertex duals (y = 2u, feasible on every
 * edge) and a matching on tight edges (partner per vertex or -1).
 */
export interface SolverStart {
  y: Float64Array;
  mate: Int32Array;
}

/**
 * The solver's full final state (real doubled vertex duals, matched endpoints, blossoms with their
 * cycles and real duals), for warm starts on a supergraph whose first edges are this graph's
 * edges in the same order (edge ids, hence endpoint ids, stay valid). Arrays are indexed like the
 * solver's: vertices 0..n-1, blossoms n..2n-1 (base -1 = unused id).
 */
export interface SolverState {
  y: Float64Array;
  mate: Int32Array;
  parent: Int32Array;
  base: Int32Array;
  z: Float64Array;
  childs: (number[] | null)[];
  endps: (number[] | null)[];
}

/**
 * A warm start: the final state of a solve on the first `oldM` edges of the graph (the rest are
 * new). The solver repairs each new edge with negative slack locally (moving blossom dual into
 * member duals, expanding a blossom when its whole dual is needed, or raising one endpoint's dual
 * and dropping its matched edge; wasm/blossom.ts, resume) and continues from there.
 */
export interface ResumeStart {
  resume: SolverState;
  oldM: number;
}

/** The solver's exports (wasm/blossom.ts). */
interface BlossomExports {
  memory: { buffer: ArrayBuffer };
  graphInput(cap: number): number;
  loadGraph(n: number, m: number): number;
  prepare(childTotal: number): number;
  solve(mode: number, maxCard: number, shift: number, oldM: number): void;
}

/** The part of the WebAssembly API used here (@types/node 20 does not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

// Pointer table slots (wasm/blossom.ts: graphInput, loadGraph, prepare, writeOutputs).
const T_EU = 0;
const T_EV = 1;
const T_WEIGHT = 2;
const T_DUP_A = 3;
const T_DUP_B = 4;
const T_STATS = 5;
const T_START_Y = 6;
const T_START_MATE = 7;
const T_Y = 8;
const T_MATE = 9;
const T_PARENT = 10;
const T_BASE = 11;
const T_Z = 12;
const T_C_START = 13;
const T_C_LEN = 14;
const T_AR_C = 15;
const T_AR_E = 16;
const T_OUT_Y = 17;
const T_OUT_Z = 18;
const T_OUT_PARTNER = 19;
const T_OUT_BARRIER = 20;
const T_OUT_MEMBER_START = 21;
const T_OUT_MEMBERS = 22;
const T_MEMBER_TOTAL = 23;
const TABLE_SIZE = 24;

// Start modes of solve().
const MODE_GREEDY = 0;
const MODE_GIVEN = 1;
const MODE_RESUME = 2;
const MODE_UNIFORM = 3;

/** An instance whose memory grew beyond this is dropped after its solve (a new one is cheap). */
const RETAIN_BYTES = 64 * 1024 * 1024;

/**
 * V8 compiles the module at once with its baseline compiler (Liftoff) and by default recompiles a
 * function with its optimising compiler (TurboFan) after a short time in it ("dynamic tiering",
 * budget 1.8 M). On the 2-core development machine those background jobs cost a sub-second solve
 * more than they give back: the first solve of chain_n1000 took 3.5–5.4 ms in the module against
 * 0.9–1.2 ms with the budget raised to 50 M (the same as with Liftoff only), best20-1000's
 * 29 ms in all against 37 ms (medians of 7). Long solves still tier up: best20-100000 took 4.9 s
 * CPU with this budget and with the default, 6.6 s with Liftoff only
 * (bench/matching/README.md, "First solve in a fresh process"). The budget is read when a module
 * is compiled, so it is set here, just before; it applies to every WebAssembly module the process
 * compiles afterwards (this is the only one the application compiles itself).
 */
const WASM_TIERING_BUDGET = 50_000_000;
setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);

/**
 * Compiled and instantiated when this file is imported, like the JavaScript it is loaded with
 * (16 KB: 1–3 ms of Liftoff compilation on the development machine; the instance starts with
 * 64 KB of memory), so that the first solve runs at once: creating the instance inside the first
 * solve made chain_n1000's first solve 5.8 ms instead of 4.0 ms (medians of 9).
 */
const wasmModule = new wasmApi.Module(readFileSync(new URL('./wasm/blossom.wasm', import.meta.url)));
let instance: BlossomExports | undefined = newInstance();
/** The pointer table (its address is the same for every graph). */
let tableAt = 0;
/** The graph whose arrays the instance holds (undefined: none, or modified by a solve). */
let loaded: MatchingGraph | undefined;

function newInstance(): BlossomExports {
  return new wasmApi.Instance(wasmModule, {}).exports as BlossomExports;
}

function solver(): BlossomExports {
  if (instance !== undefined) return instance;
  instance = newInstance();
  loaded = undefined;
  return instance;
}

/** Typed-array views of the instance's memory through the pointer table (valid until it grows). */
class Views {
  readonly buffer: ArrayBuffer;
  private readonly table: Int32Array;
  constructor(wasm: BlossomExports) {
    this.buffer = wasm.memory.buffer;
    this.table = new Int32Array(this.buffer, tableAt, TABLE_SIZE);
  }
  slot(i: number): number {
    return this.table[i]!;
  }
  i32(slot: number, len: number): Int32Array {
    return new Int32Array(this.buffer, this.table[slot]! >>> 0, len);
  }
  f64(slot: number, len: number): Float64Array {
    return new Float64Array(this.buffer, this.table[slot]! >>> 0, len);
  }
  u8(slot: number, len: number): Uint8Array {
    return new Uint8Array(this.buffer, this.table[slot]! >>> 0, len);
  }
}

/** A repeated vertex pair found by loadGraph: the two edge indices (into eu/ev, k < m). */
export interface DuplicatePair {
  first: number;
  second: number;
}

/**
 * Loads edges (the first m of eu/ev/weight; ids < n, u != v) into the module and builds the CSR
 * graph there. Returns the graph with its statistics and, if a vertex pair repeats, the two edges
 * (the solver works regardless; input.ts turns it into an error).
 */
export function loadGraph(
  n: number,
  eu: Int32Array,
  ev: Int32Array,
  weight: Float64Array,
  m: number,
): { graph: MatchingGraph; duplicate: DuplicatePair | undefined } {
  const wasm = solver();
  tableAt = wasm.graphInput(m) >>> 0;
  let views = new Views(wasm);
  views.i32(T_EU, m).set(eu.subarray(0, m));
  views.i32(T_EV, m).set(ev.subarray(0, m));
  views.f64(T_WEIGHT, m).set(weight.subarray(0, m));
  const ok = wasm.loadGraph(n, m);
  views = new Views(wasm);
  const stats = views.f64(T_STATS, 3);
  const graph: MatchingGraph = {
    n,
    m,
    eu,
    ev,
    weight,
    integral: stats[0] === 1,
    maxWeight: stats[1]!,
    maxAbsWeight: stats[2]!,
  };
  loaded = graph;
  const duplicate = ok === 1 ? undefined : { first: views.slot(T_DUP_A), second: views.slot(T_DUP_B) };
  return { graph, duplicate };
}

/**
 * Max-cardinality as max-weight: with L > n * max|w|, a matching of larger cardinality always
 * weighs more under w + L, and among equal cardinalities the order is unchanged. Used only when
 * the shifted integer weights keep every dual and sum exact (n^2 (max|w| + 1) < 2^50). 0: not used.
 */
function cardinalityShift(graph: MatchingGraph): number {
  const { n, m } = graph;
  if (!graph.integral || m === 0) return 0;
  if (n * n * (graph.maxAbsWeight + 1) >= 2 ** 50) return 0;
  return n * graph.maxAbsWeight + 1;
}

/**
 * Solves `graph`. Max-weight mode: from `start` (given duals and matching, or a resume), else from
 * the greedy start. Max-cardinality mode: with integer weights (when exact) max-weight for w + L
 * from the greedy start, then the max-cardinality search from that optimum; otherwise from
 * uniform duals and an empty matching. `wantState`: also return the final state (for a resume).
 */
export function runSolver(
  graph: MatchingGraph,
  maxCardinality: boolean,
  start: SolverStart | ResumeStart | undefined,
  wantState: boolean,
): { result: MatchingResult; state: SolverState | undefined } {
  const { n } = graph;
  const resume = start !== undefined && 'resume' in start && !maxCardinality ? start : undefined;
  let childTotal = 0;
  if (resume !== undefined) {
    for (const cs of resume.resume.childs) if (cs !== null) childTotal += cs.length;
  }
  let wasm = solver();
  if (loaded !== graph) {
    loadGraph(n, graph.eu, graph.ev, graph.weight, graph.m);
    loaded = graph;
    wasm = solver();
  }
  wasm.prepare(childTotal);
  let views = new Views(wasm);

  let mode = MODE_GREEDY;
  let shift = 0;
  let oldM = 0;
  if (maxCardinality) {
    shift = cardinalityShift(graph);
    if (shift === 0) mode = MODE_UNIFORM;
  } else if (resume !== undefined) {
    mode = MODE_RESUME;
    oldM = resume.oldM;
    writeResume(views, n, resume.resume, childTotal);
  } else if (start !== undefined && 'y' in start) {
    mode = MODE_GIVEN;
    views.f64(T_START_Y, n).set(start.y);
    views.i32(T_START_MATE, n).set(start.mate);
  }

  try {
    wasm.solve(mode, maxCardinality ? 1 : 0, shift, oldM);
  } catch (error) {
    // A trap (out of memory, say) leaves the instance's state unknown: the next solve gets a new one.
    instance = undefined;
    loaded = undefined;
    throw error;
  }
  if (shift !== 0) loaded = undefined; // the module's copy now has weights w + shift

  views = new Views(wasm); // memory may have grown
  const result = readResult(views, graph, maxCardinality, shift);
  const state = wantState ? readState(views, n) : undefined;
  if (views.buffer.byteLength > RETAIN_BYTES) {
    instance = undefined;
    loaded = undefined;
  }
  return { result, state };
}

function writeResume(views: Views, n: number, s: SolverState, childTotal: number): void {
  views.f64(T_Y, n).set(s.y);
  views.i32(T_MATE, n).set(s.mate);
  views.i32(T_PARENT, 2 * n).set(s.parent);
  views.i32(T_BASE, 2 * n).set(s.base);
  views.f64(T_Z, 2 * n).set(s.z);
  const cStart = views.i32(T_C_START, 2 * n);
  const cLen = views.i32(T_C_LEN, 2 * n);
  const arC = views.i32(T_AR_C, childTotal);
  const arE = views.i32(T_AR_E, childTotal);
  let at = 0;
  for (let b = n; b < 2 * n; b++) {
    const cs = s.childs[b];
    if (cs === null || cs === undefined) continue;
    const es = s.endps[b]!;
    cStart[b] = at;
    cLen[b] = cs.length;
    arC.set(cs, at);
    arE.set(es, at);
    at += cs.length;
  }
}

/** The result for the original weights (`shift` = L of cardinalityShift, or 0). */
function readResult(
  views: Views,
  graph: MatchingGraph,
  maxCardinality: boolean,
  shift: number,
): MatchingResult {
  const n = graph.n;
  const weights = graph.weight;
  const partner = views.i32(T_OUT_PARTNER, n);
  const mate = partner.slice();
  const matedEnd = views.i32(T_MATE, n);
  const pairs: [number, number][] = [];
  let weight = 0;
  for (let v = 0; v < n; v++) {
    const w = mate[v]!;
    if (w > v) {
      pairs.push([v, w]);
      weight += weights[matedEnd[v]! >> 1]!;
    }
  }
  const y = views.f64(T_OUT_Y, n);
  const vertex = new Float64Array(n);
  for (let v = 0; v < n; v++) vertex[v] = (y[v]! - shift) / 2;
  const base = views.i32(T_BASE, 2 * n);
  const parent = views.i32(T_PARENT, 2 * n);
  const z = views.f64(T_OUT_Z, 2 * n);
  const memberStart = views.i32(T_OUT_MEMBER_START, n + 1);
  const members = views.i32(T_OUT_MEMBERS, views.slot(T_MEMBER_TOTAL));
  const blossoms: DualBlossom[] = [];
  const index = new Int32Array(2 * n).fill(-1);
  for (let b = n; b < 2 * n; b++) {
    if (base[b] === -1) continue;
    index[b] = blossoms.length;
    blossoms.push({
      members: members.slice(memberStart[b - n]!, memberStart[b - n + 1]!),
      dual: z[b]!,
      parent: -1,
    });
  }
  for (let b = n; b < 2 * n; b++) {
    if (index[b] === -1) continue;
    const p = parent[b]!;
    blossoms[index[b]!]!.parent = p === -1 ? -1 : index[p]!;
  }
  const result: MatchingResult = { pairs, weight, mate, duals: { vertex, blossoms } };
  if (maxCardinality) {
    const flags = views.u8(T_OUT_BARRIER, n);
    const barrier: number[] = [];
    for (let v = 0; v < n; v++) if (flags[v] === 1) barrier.push(v);
    result.duals.barrier = Int32Array.from(barrier);
  }
  return result;
}

function readState(views: Views, n: number): SolverState {
  const base = views.i32(T_BASE, 2 * n).slice();
  const cStart = views.i32(T_C_START, 2 * n);
  const cLen = views.i32(T_C_LEN, 2 * n);
  let arLen = 0;
  for (let b = n; b < 2 * n; b++) if (base[b] !== -1) arLen = Math.max(arLen, cStart[b]! + cLen[b]!);
  const arC = views.i32(T_AR_C, arLen);
  const arE = views.i32(T_AR_E, arLen);
  const childs: (number[] | null)[] = new Array(2 * n).fill(null);
  const endps: (number[] | null)[] = new Array(2 * n).fill(null);
  for (let b = n; b < 2 * n; b++) {
    if (base[b] === -1) continue;
    const o = cStart[b]!;
    childs[b] = Array.from(arC.subarray(o, o + cLen[b]!));
    endps[b] = Array.from(arE.subarray(o, o + cLen[b]!));
  }
  return {
    y: views.f64(T_OUT_Y, n).slice(),
    mate: views.i32(T_MATE, n).slice(),
    parent: views.i32(T_PARENT, 2 * n).slice(),
    base,
    z: views.f64(T_OUT_Z, 2 * n).slice(),
    childs,
    endps,
  };
}
