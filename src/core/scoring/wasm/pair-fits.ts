/**
 * The fit of every pair of a round, in AssemblyScript compiled to WebAssembly (`npm run
 * build:wasm` -> pair-fits.wasm; loaded by ../pair-fits-kernel.ts, which copies the scoring pool's
 * arrays in and reads the table out).
 *
 * Why WebAssembly: a match run scores every pair once (370,000 at 860 people), mostly in a fresh
 * process or thread. In JavaScript that loop ran its first rows in V8's interpreter and then
 * waited for TurboFan's code, and the engine's sweep over the finished table did so again: at 860
 * the first run spent about 80 ms there against about 25 ms in later runs. V8 compiles a wasm
 * module at once (Liftoff), so the first run is compiled code throughout (the matching engine's
 * reasons, docs/decisions/0009-matching-engine-in-webassembly.md; here ADR 0010).
 *
 * The rules and the fit are exactly those of ../fit-scorer.ts (which still answers single pairs:
 * parts for explanations, verdicts for unmatched reasons), with the same values: the same float64
 * divisions, square root and minima (IEEE-754, correctly rounded in both), integer sums where the
 * scorer's float64 sums of integers are exact anyway, the parts that take few values from tables
 * worked out with the scorer's expressions, and JavaScript's Math.round (halves up) written out.
 * The unit tests compare the two on every pair of random pools and settings, and the match-run
 * regression test pins whole runs.
 *
 * While filling the table it can also make the matching engine's candidate sweep for a stage of
 * the pool (offer and push, as in ../../matching/candidate-sweep.ts): the table is filled in the
 * order that sweep goes, so the heaps come out the same and the engine needs no pass of its own.
 *
 * Memory: no garbage collector (`--runtime stub`, no managed objects). The caller reserves one
 * block, lays every array out in it and passes their addresses in a parameter block (P_* slots);
 * the table is written at P_FITS as int16, −1 (FORBIDDEN) for a pair the rules rule out. The
 * memory never grows after that, so the caller's views of it stay valid.
 */

// Parameter block: i32 slots (the same constants in ../pair-fits-kernel.ts).
const P_N: i32 = 0;
const P_LW: i32 = 1;
const P_L: i32 = 2;
const P_IW: i32 = 3;
const P_REQUIRE_LANGUAGE: i32 = 4;
const P_MIN_OVERLAP: i32 = 5;
const P_COUNTRY: i32 = 6;
const P_WORKING: i32 = 7;
const P_LEVEL: i32 = 8;
const P_BLOCKED_START: i32 = 9;
const P_BLOCKED: i32 = 10;
const P_BLOCKED_WHY: i32 = 11;
const P_WANTS_CALLS: i32 = 12;
const P_HOUR_MASK: i32 = 13;
const P_REGIME_START: i32 = 14;
const P_REGIME_FROM: i32 = 15;
const P_INTERVAL_START: i32 = 16;
const P_STARTS: i32 = 17;
const P_ENDS: i32 = 18;
const P_INTEREST_BITS: i32 = 19;
const P_INTEREST_WEIGHT: i32 = 20;
const P_INTEREST_NORM: i32 = 21;
const P_TEXT_START: i32 = 22;
const P_TEXT_TERM: i32 = 23;
const P_TEXT_WEIGHT: i32 = 24;
const P_DENSE: i32 = 25;
const P_MARK: i32 = 26;
const P_SECTOR: i32 = 27;
const P_STAGE: i32 = 28;
const P_OPEN: i32 = 29;
const P_PREF_SECTORS: i32 = 30;
const P_PREF_STAGES: i32 = 31;
const P_WEIGHTS: i32 = 32;
const P_SETTINGS: i32 = 33;

const HOUR_WORDS: i32 = 6;
const TEXT_SCALE_SQUARED: f64 = 1073741824; // 2^30
const EXCLUDED: i32 = 1; // BLOCKED_BY_* bits of ../scoring-pool.ts
const PAST: i32 = 2;

const heapStart: usize = (__heap_base + 15) & ~15;
/** End of the memory handed out so far (alloc). */
let top: usize = heapStart;

/** `bytes` of fresh memory (8-aligned, zero: memory only grows and is never reused). */
export function alloc(bytes: usize): usize {
  const at = top;
  top = (top + bytes + 7) & ~7;
  const pages = <i32>((top + 0xffff) >> 16) - memory.size();
  if (pages > 0 && memory.grow(pages) < 0) unreachable();
  return at;
}

// The pool, read from the parameter block by setup().
let n: i32 = 0;
let LW: i32 = 0;
let L: i32 = 0;
let IW: i32 = 0;
let requireLanguage: bool = false;
let minOverlap: i32 = 0;
let country: usize = 0;
let working: usize = 0;
let level: usize = 0;
let blockedStart: usize = 0;
let blocked: usize = 0;
let blockedWhy: usize = 0;
let wantsCalls: usize = 0;
let hourMask: usize = 0;
let regimeStart: usize = 0;
let regimeFrom: usize = 0;
let intervalStart: usize = 0;
let starts: usize = 0;
let ends: usize = 0;
let interestBits: usize = 0;
let interestWeight: usize = 0;
let interestNorm: usize = 0;
let textStart: usize = 0;
let textTerm: usize = 0;
let textWeight: usize = 0;
let dense: usize = 0;
let mark: usize = 0;
let sector: usize = 0;
let stage: usize = 0;
let openToAnyone: usize = 0;
let prefSectors: usize = 0;
let prefStages: usize = 0;
let w0: f64 = 0;
let w1: f64 = 0;
let w2: f64 = 0;
let w3: f64 = 0;
let w4: f64 = 0;
let w5: f64 = 0;
let w6: f64 = 0;
let targetMinutes: f64 = 0;
let oneEmailCredit: f64 = 0;
/**
 * Points of the parts that take few values, worked out once per round with the scorer's own
 * expressions: partnerPreferences by the sum of both directions' halves (0..4), careerStage by
 * the distance of the stages (0..4, stage indices −1..3), sector when the sectors are the same.
 */
let preferencePoints: usize = 0;
let stagePoints: usize = 0;
let sectorPoints: i32 = 0;
/** The row set by setRow (its text scattered into `dense`, its ruled-out partners in `mark`). */
let row: i32 = -1;
/** The guaranteed overlap of the pair verdictOf last allowed (0 unless both want calls). */
let lastOverlap: i32 = 0;
// The candidate sweep of fillTable (k = 0: none).
let k: i32 = 0;
let bonus: f64 = 0;
let position: usize = 0;
let heapW: usize = 0;
let heapV: usize = 0;
let count: usize = 0;
let gate: usize = 0;

function gi(a: usize, i: i32): i32 {
  return load<i32>(a + ((<usize>i) << 2));
}
function si(a: usize, i: i32, v: i32): void {
  store<i32>(a + ((<usize>i) << 2), v);
}
function sf(a: usize, i: i32, v: f64): void {
  store<f64>(a + ((<usize>i) << 3), v);
}
function gu(a: usize, i: i32): i32 {
  return <i32>load<u8>(a + <usize>i);
}
function gf(a: usize, i: i32): f64 {
  return load<f64>(a + ((<usize>i) << 3));
}
function pi(p: usize, slot: i32): i32 {
  return load<i32>(p + ((<usize>slot) << 2));
}
function pa(p: usize, slot: i32): usize {
  return <usize>load<u32>(p + ((<usize>slot) << 2));
}

/** Reads the parameter block. */
export function setup(p: usize): void {
  n = pi(p, P_N);
  LW = pi(p, P_LW);
  L = pi(p, P_L);
  IW = pi(p, P_IW);
  requireLanguage = pi(p, P_REQUIRE_LANGUAGE) !== 0;
  minOverlap = pi(p, P_MIN_OVERLAP);
  country = pa(p, P_COUNTRY);
  working = pa(p, P_WORKING);
  level = pa(p, P_LEVEL);
  blockedStart = pa(p, P_BLOCKED_START);
  blocked = pa(p, P_BLOCKED);
  blockedWhy = pa(p, P_BLOCKED_WHY);
  wantsCalls = pa(p, P_WANTS_CALLS);
  hourMask = pa(p, P_HOUR_MASK);
  regimeStart = pa(p, P_REGIME_START);
  regimeFrom = pa(p, P_REGIME_FROM);
  intervalStart = pa(p, P_INTERVAL_START);
  starts = pa(p, P_STARTS);
  ends = pa(p, P_ENDS);
  interestBits = pa(p, P_INTEREST_BITS);
  interestWeight = pa(p, P_INTEREST_WEIGHT);
  interestNorm = pa(p, P_INTEREST_NORM);
  textStart = pa(p, P_TEXT_START);
  textTerm = pa(p, P_TEXT_TERM);
  textWeight = pa(p, P_TEXT_WEIGHT);
  dense = pa(p, P_DENSE);
  mark = pa(p, P_MARK);
  sector = pa(p, P_SECTOR);
  stage = pa(p, P_STAGE);
  openToAnyone = pa(p, P_OPEN);
  prefSectors = pa(p, P_PREF_SECTORS);
  prefStages = pa(p, P_PREF_STAGES);
  const weights = pa(p, P_WEIGHTS);
  w0 = gf(weights, 0);
  w1 = gf(weights, 1);
  w2 = gf(weights, 2);
  w3 = gf(weights, 3);
  w4 = gf(weights, 4);
  w5 = gf(weights, 5);
  w6 = gf(weights, 6);
  const settings = pa(p, P_SETTINGS);
  targetMinutes = gf(settings, 0);
  oneEmailCredit = gf(settings, 1);
  preferencePoints = alloc(20);
  stagePoints = alloc(20);
  for (let h = 0; h < 5; h++) {
    const d1: f64 = <f64>min(h, 2) / 2;
    const d2: f64 = <f64>(h - min(h, 2)) / 2;
    si(preferencePoints, h, round(w1 * ((d1 + d2) / 2)));
    si(stagePoints, h, round(w5 * (1 - <f64>h / 3)));
  }
  sectorPoints = round(w6 * 1);
  row = -1;
}

/** Makes i the row the pair functions below are asked about (fit-scorer.ts FitScorer.setRow). */
export function setRow(i: i32): void {
  if (row === i) return;
  if (row >= 0) {
    for (let t = gi(textStart, row), end = gi(textStart, row + 1); t < end; t++)
      si(dense, gi(textTerm, t), 0);
    for (let t = gi(blockedStart, row), end = gi(blockedStart, row + 1); t < end; t++) {
      store<u8>(mark + <usize>gi(blocked, t), 0);
    }
  }
  row = i;
  for (let t = gi(textStart, i), end = gi(textStart, i + 1); t < end; t++) {
    si(dense, gi(textTerm, t), gi(textWeight, t));
  }
  for (let t = gi(blockedStart, i), end = gi(blockedStart, i + 1); t < end; t++) {
    store<u8>(mark + <usize>gi(blocked, t), load<u8>(blockedWhy + <usize>t));
  }
}

/** PAIR_ALLOWED (0) or the first rule that rules (row, j) out (fit-scorer.ts BLOCKED_*). */
export function verdict(j: i32): i32 {
  return verdictOf(row, j);
}

/** The fit of (row, j), or −1 (FORBIDDEN). */
export function fit(j: i32): i32 {
  return fitOf(row, j);
}

/** The guaranteed weekly overlap of (row, j) in minutes, 0 unless both want calls. */
export function overlap(j: i32): i32 {
  return overlapOf(row, j);
}

/**
 * The fit of (row, j) with its parts even when a rule rules the pair out (fit-scorer.ts
 * partsWith): out[0..6] the points of each part (FIT_PARTS order), out[7] the overlap, out[8] the
 * verdict. Returns the fit.
 */
export function parts(j: i32, out: usize): i32 {
  const v = verdictOf(row, j);
  const minutes = v === 0 ? lastOverlap : overlapOf(row, j);
  const sum = points(row, j, minutes, out);
  si(out, 7, minutes);
  si(out, 8, v);
  return sum;
}

/**
 * Fills the table at `fits`: pair (i, j), i < j, at entry rowStart[i] + j − i − 1 (pair-fit-table.ts).
 * With k > 0, also makes the matching engine's candidate sweep for a stage of the pool: position[i]
 * is i's place in the stage (−1: not in it), scores are fit + bonus (see offer below).
 */
export function fillTable(
  fits: usize,
  sweepK: i32,
  sweepBonus: f64,
  sweepPosition: usize,
  sweepHeapW: usize,
  sweepHeapV: usize,
  sweepCount: usize,
  sweepGate: usize,
): void {
  k = sweepK;
  bonus = sweepBonus;
  position = sweepPosition;
  heapW = sweepHeapW;
  heapV = sweepHeapV;
  count = sweepCount;
  gate = sweepGate;
  let at = fits;
  for (let i = 0; i < n; i++) {
    fillRow(i, at);
    at += (<usize>(n - i - 1)) << 1;
  }
}

/** Row i of the table, from `at`. */
function fillRow(i: i32, at: usize): void {
  setRow(i);
  const u = k > 0 ? gi(position, i) : -1;
  for (let j = i + 1; j < n; j++) {
    const fit = fitOf(i, j);
    store<i16>(at + ((<usize>(j - i - 1)) << 1), <i16>fit);
    if (u >= 0 && fit >= 0) {
      const v = gi(position, j);
      if (v >= 0) offer(u, v, <f64>fit + bonus);
    }
  }
}

/**
 * The matching engine's candidate sweep (../../matching/candidate-sweep.ts, CandidateSweep.offer
 * and push), fed with each allowed pair of the stage as the table is filled: the same pairs in the
 * same order with the same scores, so the same heaps. Stage positions u < v.
 */
function offer(u: i32, v: i32, s: f64): void {
  if (s > gf(gate, u)) push(u, v, s);
  if (s > gf(gate, v)) push(v, u, s);
}

function push(x: i32, y: i32, s: f64): void {
  const o = x * k;
  let c = gi(count, x);
  let i: i32;
  if (c < k) {
    i = c;
    c++;
    si(count, x, c);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (gf(heapW, o + p) <= s) break;
      sf(heapW, o + i, gf(heapW, o + p));
      si(heapV, o + i, gi(heapV, o + p));
      i = p;
    }
  } else {
    if (s <= gf(heapW, o)) return;
    i = 0;
    for (;;) {
      let ch = 2 * i + 1;
      if (ch >= k) break;
      if (ch + 1 < k && gf(heapW, o + ch + 1) < gf(heapW, o + ch)) ch++;
      if (gf(heapW, o + ch) >= s) break;
      sf(heapW, o + i, gf(heapW, o + ch));
      si(heapV, o + i, gi(heapV, o + ch));
      i = ch;
    }
  }
  sf(heapW, o + i, s);
  si(heapV, o + i, y);
  if (c === k) sf(gate, x, gf(heapW, o));
}

/** The fit of (i, j), or −1 when a rule rules the pair out (verdictOf's rules, checked at once). */
function fitOf(i: i32, j: i32): i32 {
  // The rules, combined without a branch each (most pairs fail one of them, unpredictably): same
  // country; no shared working language (when required); ruled out by a coordinator or an earlier
  // round; both want calls and their hour masks share too few hours (call-profiles.ts: 60 minutes
  // at most per shared hour, so hours · 60 < minimum rules the pair out exactly).
  let shared: i32 = 0;
  for (let w = 0; w < LW; w++) shared |= gi(working, i * LW + w) & gi(working, j * LW + w);
  const bothCalls = gu(wantsCalls, i) & gu(wantsCalls, j);
  let hours: i32 = 0;
  for (let w = 0; w < HOUR_WORDS; w++) {
    hours += popcnt(gi(hourMask, i * HOUR_WORDS + w) & gi(hourMask, j * HOUR_WORDS + w));
  }
  const ruledOut =
    <i32>(gi(country, i) === gi(country, j)) |
    (<i32>requireLanguage & <i32>(shared === 0)) |
    <i32>(gu(mark, j) !== 0) |
    (bothCalls & <i32>(hours * 60 < minOverlap));
  if (ruledOut !== 0) return -1;
  let minutes: i32 = 0;
  if (bothCalls !== 0) {
    minutes = guaranteedOverlap(i, j);
    if (minutes < minOverlap) return -1;
  }
  return points(i, j, minutes, 0);
}

/** verdictWith of fit-scorer.ts: the rules in its order, the first that fails. */
function verdictOf(i: i32, j: i32): i32 {
  if (gi(country, i) === gi(country, j)) return 1; // BLOCKED_SAME_COUNTRY
  if (requireLanguage) {
    let shared: i32 = 0;
    for (let w = 0; w < LW; w++) shared |= gi(working, i * LW + w) & gi(working, j * LW + w);
    if (shared === 0) return 2; // BLOCKED_NO_LANGUAGE
  }
  const why = gu(mark, j);
  if (why !== 0) return (why & EXCLUDED) !== 0 ? 3 : (why & PAST) !== 0 ? 4 : 5;
  if ((gu(wantsCalls, i) & gu(wantsCalls, j)) === 0) {
    lastOverlap = 0;
    return 0;
  }
  let hours: i32 = 0;
  for (let w = 0; w < HOUR_WORDS; w++) {
    hours += popcnt(gi(hourMask, i * HOUR_WORDS + w) & gi(hourMask, j * HOUR_WORDS + w));
  }
  if (hours * 60 < minOverlap) return 6; // BLOCKED_CALL_OVERLAP
  lastOverlap = guaranteedOverlap(i, j);
  return lastOverlap < minOverlap ? 6 : 0;
}

function overlapOf(i: i32, j: i32): i32 {
  return (gu(wantsCalls, i) & gu(wantsCalls, j)) !== 0 ? guaranteedOverlap(i, j) : 0;
}

/**
 * The points of (i, j) with `minutes` its guaranteed overlap: their sum, and each part at out[0..6]
 * when out is not 0. Row i must be set (its text is in `dense`).
 */
function points(i: i32, j: i32, minutes: i32, out: usize): i32 {
  const callsA = gu(wantsCalls, i) === 1;
  const callsB = gu(wantsCalls, j) === 1;
  // Integer sums (exact, as the scorer's are in float64), converted once.
  let interests: i64 = 0;
  for (let w = 0; w < IW; w++) {
    let x = gi(interestBits, i * IW + w) & gi(interestBits, j * IW + w);
    while (x !== 0) {
      const low = x & -x;
      interests += <i64>gi(interestWeight, w * 32 + 31 - clz(low));
      x ^= low;
    }
  }
  const norms = gf(interestNorm, i) * gf(interestNorm, j);
  const c0: f64 = norms > 0 ? <f64>interests / Math.sqrt(norms) : 0;
  const c2: f64 =
    callsA && callsB ? Math.min(1, <f64>minutes / targetMinutes) : callsA || callsB ? oneEmailCredit : 1;
  let dot: i64 = 0;
  for (let t = gi(textStart, j), end = gi(textStart, j + 1); t < end; t++) {
    dot += <i64>gi(dense, gi(textTerm, t)) * <i64>gi(textWeight, t);
  }
  const c3: f64 = Math.min(1, <f64>dot / TEXT_SCALE_SQUARED);
  let c4: f64 = 0;
  for (let w = 0; w < LW; w++) {
    let x = gi(working, i * LW + w) & gi(working, j * LW + w);
    while (x !== 0) {
      const low = x & -x;
      const language = w * 32 + 31 - clz(low);
      const credit = levelCredit(min(gu(level, i * L + language), gu(level, j * L + language)));
      if (credit > c4) c4 = credit;
      x ^= low;
    }
  }
  const p0 = round(w0 * c0);
  const p1 = gi(preferencePoints, halves(i, j) + halves(j, i));
  const p2 = round(w2 * c2);
  const p3 = round(w3 * c3);
  const p4 = round(w4 * c4);
  const p5 = gi(stagePoints, abs(gi(stage, i) - gi(stage, j)));
  const p6 = gi(sector, i) === gi(sector, j) ? sectorPoints : 0;
  if (out !== 0) {
    si(out, 0, p0);
    si(out, 1, p1);
    si(out, 2, p2);
    si(out, 3, p3);
    si(out, 4, p4);
    si(out, 5, p5);
    si(out, 6, p6);
  }
  return p0 + p1 + p2 + p3 + p4 + p5 + p6;
}

/** JavaScript's Math.round for the non-negative points of a part: the nearest integer, halves up. */
function round(x: f64): i32 {
  const floor = Math.floor(x);
  return <i32>(x - floor >= 0.5 ? floor + 1 : floor);
}

/** fit-scorer.ts LEVEL_CREDIT: basic 0.25, conversational 0.5, fluent 0.85, native 1. */
function levelCredit(level: i32): f64 {
  return level === 1 ? 0.25 : level === 2 ? 0.5 : level === 3 ? 0.85 : level === 4 ? 1 : 0;
}

/**
 * One direction of partnerPreferences (fit-scorer.ts direction) in halves: 2 for open to anyone or
 * no criteria stated, else 2 · met / stated (met ≤ stated ≤ 2, so 0, 1 or 2). The part is then
 * (halves(a, b) + halves(b, a)) / 4, the same double as the scorer's (d_ab + d_ba) / 2.
 */
function halves(a: i32, b: i32): i32 {
  if (gu(openToAnyone, a) === 1) return 2;
  const sectors = gi(prefSectors, a);
  const stages = gi(prefStages, a);
  const stated: i32 = (sectors !== 0 ? 1 : 0) + (stages !== 0 ? 1 : 0);
  if (stated === 0) return 2;
  const met: i32 = ((sectors >>> gi(sector, b)) & 1) + ((stages >>> gi(stage, b)) & 1);
  return stated === 1 ? 2 * met : met;
}

/**
 * The least weekly overlap of a and b over the periods of the round (weekly-overlap.ts:
 * forEachOverlapPeriod and overlapMinutesOfRegimes, on the flat arrays of call-profiles.ts).
 */
function guaranteedOverlap(a: i32, b: i32): i32 {
  let ra = gi(regimeStart, a);
  const aEnd = gi(regimeStart, a + 1);
  let rb = gi(regimeStart, b);
  const bEnd = gi(regimeStart, b + 1);
  let least: i32 = i32.MAX_VALUE;
  let more = true;
  while (more) {
    let x = gi(intervalStart, ra);
    const xEnd = gi(intervalStart, ra + 1);
    let y = gi(intervalStart, rb);
    const yEnd = gi(intervalStart, rb + 1);
    let minutes: i32 = 0;
    while (x < xEnd && y < yEnd) {
      const ex = gi(ends, x);
      const ey = gi(ends, y);
      const start = max(gi(starts, x), gi(starts, y));
      const end = min(ex, ey);
      if (end > start) minutes += end - start;
      if (ex < ey) x++;
      else y++;
    }
    if (minutes < least) least = minutes;
    const hasA = ra + 1 < aEnd;
    const hasB = rb + 1 < bEnd;
    more = hasA || hasB;
    const nextA: f64 = hasA ? gf(regimeFrom, ra + 1) : Infinity;
    const nextB: f64 = hasB ? gf(regimeFrom, rb + 1) : Infinity;
    if (nextA <= nextB) ra++;
    if (nextB <= nextA) rb++;
  }
  return least;
}
