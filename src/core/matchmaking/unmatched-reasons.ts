/**
 * Why a participant was left without a partner, as a code with counts (the web layer words it).
 * Every other participant of the round is sorted by the first rule that rules them out as a
 * partner (fit-scorer.ts order); the code names the most telling case:
 *
 *  - `alone-in-round`: nobody else takes part;
 *  - `no-one-from-another-country`: everyone else lives in the same country;
 *  - `no-shared-working-language`: everyone from another country lacks a working language in common;
 *  - `no-allowed-partner`: other rules (exclusions, earlier partners, call overlap) rule out the rest;
 *  - `every-allowed-partner-taken`: some partners were allowed, but each is in a partnership
 *    (of three, too, where trios are allowed and the rules let nobody join).
 * O(n) per unmatched participant.
 */
import {
  BLOCKED_CALL_OVERLAP,
  BLOCKED_EXCLUDED,
  BLOCKED_NO_LANGUAGE,
  BLOCKED_PAST_PARTNERS,
  BLOCKED_SAME_COUNTRY,
  BLOCKED_SAME_PERSON,
  type FitScorer,
  PAIR_ALLOWED,
} from '../scoring/fit-scorer';
import type { ScoringPool } from '../scoring/scoring-pool';

export const UNMATCHED_CODES = [
  'alone-in-round',
  'no-one-from-another-country',
  'no-shared-working-language',
  'no-allowed-partner',
  'every-allowed-partner-taken',
] as const;
export type UnmatchedCode = (typeof UNMATCHED_CODES)[number];

export interface UnmatchedReason {
  code: UnmatchedCode;
  /** How many other participants each rule ruled out first, and how many were allowed. */
  params: {
    others: number;
    sameCountry: number;
    noSharedLanguage: number;
    excluded: number;
    pastPartners: number;
    samePerson: number;
    tooLittleOverlap: number;
    allowed: number;
  };
}

export function explainUnmatched(pool: ScoringPool, scorer: FitScorer, x: number): UnmatchedReason {
  const params = {
    others: pool.n - 1,
    sameCountry: 0,
    noSharedLanguage: 0,
    excluded: 0,
    pastPartners: 0,
    samePerson: 0,
    tooLittleOverlap: 0,
    allowed: 0,
  };
  // Every rule is symmetric, so one row serves all pairs of x.
  scorer.setRow(x);
  for (let y = 0; y < pool.n; y++) {
    if (y === x) continue;
    const verdict = scorer.verdictWith(y);
    if (verdict === PAIR_ALLOWED) params.allowed++;
    else if (verdict === BLOCKED_SAME_COUNTRY) params.sameCountry++;
    else if (verdict === BLOCKED_NO_LANGUAGE) params.noSharedLanguage++;
    else if (verdict === BLOCKED_EXCLUDED) params.excluded++;
    else if (verdict === BLOCKED_PAST_PARTNERS) params.pastPartners++;
    else if (verdict === BLOCKED_SAME_PERSON) params.samePerson++;
    else if (verdict === BLOCKED_CALL_OVERLAP) params.tooLittleOverlap++;
  }
  const code: UnmatchedCode =
    params.others === 0
      ? 'alone-in-round'
      : params.allowed > 0
        ? 'every-allowed-partner-taken'
        : params.sameCountry === params.others
          ? 'no-one-from-another-country'
          : params.sameCountry + params.noSharedLanguage === params.others
            ? 'no-shared-working-language'
            : 'no-allowed-partner';
  return { code, params };
}
