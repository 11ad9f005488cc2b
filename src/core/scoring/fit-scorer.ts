/**
 * The fit of two applicants and whether the rules allow them together, evaluated row by row: a
 * scorer is set to one person (the row) and then asked about others. Setting a row scatters that
 * person's text vector into a dense array and marks their ruled-out partners, so each pair then
 * costs O(terms of the other + set bits), plus, when both want calls and their hours of the week
 * meet, O(intervals of both per period) for the overlap, with no allocation. The fit of (i, j) is
 * always computed with the lower index as the row; every part is an exact function of both sides
 * (integer dot products, products that commute), so the fit is symmetric, and the same whichever
 * path computes it.
 *
 * This file is the contract: the codes, the interface and the parts below. The scorer itself is
 * WebAssembly (wasm/pair-fits.ts, behind wasm-fit-scorer.ts): one implementation for the table of
 * every pair, single pairs and the rules, checked in the tests against the JavaScript it replaced
 * (tests/support/reference-fit-scorer.ts).
 *
 * Parts (each in [0, 1], times its weight, rounded to whole points; the fit is their sum):
 *  - sharedInterests: IDF-weighted cosine of the interest sets, Σ_shared w_t / √(Σ_a w_t · Σ_b w_t),
 *    w_t = idf_t²;
 *  - partnerPreferences: mean of the two directions; a direction is 1 for "open to anyone", else
 *    the share of the stated criteria (sector, career stage) the other meets;
 *  - availability: both want calls: min(1, guaranteed weekly overlap / target); one prefers email:
 *    the one-email-only credit; both prefer email: 1;
 *  - freeText: TF-IDF cosine of "other interests" and "hopes" (text-vectors.ts);
 *  - languages: over shared working languages, the best min(credit_a, credit_b), credits by level
 *    basic 0.25, conversational 0.5, fluent 0.85, native 1;
 *  - careerStage: 1 − |stage_a − stage_b| / 3 over student, early, mid, late;
 *  - sector: 1 when the same sector.
 */

import type { FitPart } from './match-settings';

/** fitWith's answer for a pair the rules do not allow. */
export const FORBIDDEN = -1;

/** Why fitWith refused a pair (the first rule that failed, in this order). */
export const PAIR_ALLOWED = 0;
export const BLOCKED_SAME_COUNTRY = 1;
export const BLOCKED_NO_LANGUAGE = 2;
export const BLOCKED_EXCLUDED = 3;
export const BLOCKED_PAST_PARTNERS = 4;
export const BLOCKED_SAME_PERSON = 5;
export const BLOCKED_CALL_OVERLAP = 6;

export interface PairFit {
  fit: number;
  parts: Record<FitPart, number>;
  /** Guaranteed weekly overlap in minutes (0 unless both want calls). */
  guaranteedWeeklyMinutes: number;
  /** PAIR_ALLOWED or the first BLOCKED_* code. */
  verdict: number;
}

export interface FitScorer {
  setRow(i: number): void;
  /** Fit points of (row, j), or FORBIDDEN. */
  fitWith(j: number): number;
  /** PAIR_ALLOWED or the first rule (BLOCKED_*) that rules (row, j) out. */
  verdictWith(j: number): number;
  /** The guaranteed weekly overlap of (row, j) in minutes, 0 unless both want calls. */
  overlapWith(j: number): number;
  /** The fit with its parts, computed even when a rule rules the pair out. */
  partsWith(j: number): PairFit;
  /**
   * The fit of every pair (i, j), i < j, row by row as pair-fit-table.ts stores them, FORBIDDEN where
   * ruled out; with `sweep`, also the matching engine's candidate lists for a stage of the pool.
   */
  fillTable(sweep?: KernelSweep): { fits: Int16Array; candidates?: KernelCandidates };
}

/**
 * What the matching engine's candidate sweep needs (fillTable): each pool index's stage position
 * (−1: not in the stage), k and the score offset (fit + bonus).
 */
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

/** The fit of (i, j) with its parts, row set to the lower index (so it equals what the run used). */
export function scorePair(scorer: FitScorer, i: number, j: number): PairFit {
  scorer.setRow(Math.min(i, j));
  return scorer.partsWith(Math.max(i, j));
}
