/** The result of a match run, as plain data (types only; computeMatchRun builds it). */
import type { FitPart } from '../scoring/match-settings';
import type { RuleBreach } from '../scoring/partnership-rules';
import type { CallMode } from '../time/overlap-periods';
import type { MatchObjective } from './match-snapshot';
import type { StageCertificate } from './pair-stage';
import type { UnmatchedReason } from './unmatched-reasons';

export interface PartnerPair {
  /** Sorted. */
  applicationIds: [string, string];
  fit: number;
  parts: Record<FitPart, number>;
  /** Guaranteed weekly call overlap in minutes (0 unless both want calls). */
  guaranteedWeeklyMinutes: number;
  callMode: CallMode;
}

export interface Partnership {
  /** Sorted; two or three. */
  applicationIds: string[];
  /** `lock`: fixed by a coordinator; `pair`: the two-person stage; `trio`: a pair a leftover joined. */
  source: 'lock' | 'pair' | 'trio';
  /** A pair's fit; for three people the mean of their three partner fits, rounded. */
  fit: number;
  /** Every two members: one for a pair, three for a trio (sorted by ids). */
  pairs: PartnerPair[];
}

export interface UnmatchedParticipant extends UnmatchedReason {
  applicationId: string;
}

export interface SkippedApplication {
  applicationId: string;
  code: 'application-not-accepted';
  params: { status: string };
}

export interface RejectedLock {
  applicationIds: string[];
  breaches: RuleBreach[];
}

export interface FitDistribution {
  count: number;
  min: number;
  max: number;
  mean: number;
  median: number;
  /** Partnerships per band of 1,000 points: [0, 1000), [1000, 2000), … [9000, 10000]. */
  bands: number[];
}

export interface CountryFigures {
  country: string;
  participants: number;
  inPartnerships: number;
  inTrios: number;
  unmatched: number;
  /** Mean fit of the partnerships its participants are in (0 when none). */
  meanFit: number;
}

export interface MatchRun {
  objective: MatchObjective;
  /** Sorted by their first application id. */
  partnerships: Partnership[];
  unmatched: UnmatchedParticipant[];
  /** Applications that are not accepted take no part (the input's status). */
  skipped: SkippedApplication[];
  /** Locks that would break a rule are not applied; their people are matched like everyone else. */
  rejectedLocks: RejectedLock[];
  /**
   * The optimum of the two-person stage as the engine solved it: Σ (fit + pairBonus) over its
   * pairs (certificate.pairStage.pairBonus; toSolverGraph exports exactly that graph).
   */
  solverWeight: number;
  /** Sum of the fits of every two partners in every partnership (a trio counts its three pairs). */
  totalFit: number;
  certificate: {
    pairStage: StageCertificate;
    /** Null when no trio stage ran (trios not allowed, or nobody left over). */
    trioStage: { certified: boolean; weight: number } | null;
  };
  fitDistribution: FitDistribution;
  byCountry: CountryFigures[];
}
