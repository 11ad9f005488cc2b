import type { ApplicationAnswers } from '../../core/applications/application-answers';
import type { MatchRun, MatchSnapshot, Partnership, PartnershipExplanation } from '../../core/matchmaking';
import type { MatchSettingsInput } from '../../core/scoring/match-settings';
import type { EncodedMatchRun } from './match-engine';

/** An accepted application as matchmaking reads it: the answers, and who the person is. */
export interface MatchCandidate {
  applicationId: string;
  /** The normalised email: the same person across rounds (past partners). */
  personKey: string;
  personId: string | null;
  name: string;
  email: string;
  countryCode: string;
  locale: string;
  status: string;
  answers: ApplicationAnswers;
}

export type MatchRunStatus = 'proposed' | 'published' | 'superseded';

/** A recorded match run: its inputs, its result and the certificate, as computed. */
export interface StoredMatchRun {
  id: string;
  roundId: string;
  number: number;
  status: MatchRunStatus;
  snapshot: MatchSnapshot;
  result: MatchRun;
  explanations: PartnershipExplanation[];
  seconds: number;
  createdByPersonId: string | null;
  createdAt: Date;
  publishedAt: Date | null;
}

/** A run as recorded, without its snapshot and explanations (findRun reads those). */
export type MatchRunRecord = Omit<StoredMatchRun, 'snapshot' | 'explanations'>;

/** A run without its snapshot and result: for lists. */
export interface MatchRunSummary {
  id: string;
  number: number;
  status: MatchRunStatus;
  objective: string;
  totalFit: number;
  isOptimal: boolean;
  partnerships: number;
  unmatched: number;
  seconds: number;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface MatchLock {
  id: string;
  /** Sorted application ids. */
  applicationIds: string[];
  createdByPersonId: string | null;
  createdAt: Date;
}

export interface MatchExclusion {
  id: string;
  /** Sorted. */
  applicationIds: [string, string];
  createdByPersonId: string | null;
  createdAt: Date;
}

export interface MatchComment {
  id: string;
  /** Sorted application ids of the partnership the comment is about. */
  applicationIds: string[];
  authorPersonId: string | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

export interface PartnershipMember {
  applicationId: string;
  personId: string | null;
  joinedAt: Date;
  leftAt: Date | null;
  leftReason: string | null;
}

/** A published partnership and its members (those who left included, with when and why). */
export interface StoredPartnership {
  id: string;
  roundId: string;
  runId: string | null;
  status: 'active' | 'ended';
  /** The partnership as the run made it: members, fit, pairs with parts and overlap. */
  details: Partnership;
  members: PartnershipMember[];
  createdAt: Date;
  endedAt: Date | null;
  endReason: string | null;
}

export interface NewPartnership {
  id: string;
  roundId: string;
  runId: string | null;
  details: Partnership;
  members: { applicationId: string; personId: string | null }[];
}

/**
 * Match runs, what coordinators fix for the next one (locks, exclusions, comments) and the
 * partnerships a published run makes.
 */
export interface MatchingRepository {
  findSettings: (roundId: string) => Promise<MatchSettingsInput | undefined>;
  saveSettings: (roundId: string, settings: MatchSettingsInput, now: Date) => Promise<void>;
  /** Every application of the round with what matching reads, by application id. */
  listCandidates: (roundId: string) => Promise<MatchCandidate[]>;
  /** Person-key pairs of everyone who shared a partnership in another round. */
  listPastPartnerKeys: (exceptRoundId: string) => Promise<[string, string][]>;

  /**
   * Records a run. Its snapshot, result and explanations come as the JSON the engine made
   * (`stored`), so they are not serialised again; `result` gives the columns lists read.
   */
  insertRun: (
    run: Omit<MatchRunRecord, 'number' | 'publishedAt'> & { stored: EncodedMatchRun },
  ) => Promise<MatchRunRecord>;
  findRun: (roundId: string, runId: string) => Promise<StoredMatchRun | undefined>;
  findLatestRun: (roundId: string) => Promise<StoredMatchRun | undefined>;
  /** Newest first. */
  listRuns: (roundId: string) => Promise<MatchRunSummary[]>;
  /**
   * Marks a proposed run published and every other proposed run of the round superseded. False,
   * changing nothing, when the run is not proposed (published already, or superseded).
   */
  markRunPublished: (roundId: string, runId: string, personId: string | null, now: Date) => Promise<boolean>;

  listLocks: (roundId: string) => Promise<MatchLock[]>;
  /** False when the same group was locked already. */
  insertLock: (
    lock: { id: string; roundId: string; applicationIds: string[]; createdByPersonId: string | null },
    now: Date,
  ) => Promise<boolean>;
  deleteLock: (roundId: string, lockId: string) => Promise<boolean>;
  listExclusions: (roundId: string) => Promise<MatchExclusion[]>;
  /** False when the pair was excluded already. */
  insertExclusion: (
    exclusion: {
      id: string;
      roundId: string;
      applicationIds: [string, string];
      createdByPersonId: string | null;
    },
    now: Date,
  ) => Promise<boolean>;
  deleteExclusion: (roundId: string, exclusionId: string) => Promise<boolean>;
  listComments: (roundId: string) => Promise<MatchComment[]>;
  insertComment: (
    comment: {
      id: string;
      roundId: string;
      applicationIds: string[];
      authorPersonId: string | null;
      body: string;
    },
    now: Date,
  ) => Promise<void>;

  insertPartnerships: (partnerships: readonly NewPartnership[], now: Date) => Promise<void>;
  /** Active partnerships of the round (members who left included). */
  listActivePartnerships: (roundId: string) => Promise<StoredPartnership[]>;
  /** Every partnership of the round, active or ended, in the order they were made. */
  listPartnerships: (roundId: string) => Promise<StoredPartnership[]>;
  findPartnership: (partnershipId: string) => Promise<StoredPartnership | undefined>;
  /** Every partnership, active or ended, a person was ever in. */
  listPartnershipsOfPerson: (personId: string) => Promise<StoredPartnership[]>;
  /**
   * The member leaves; a partnership left with fewer than two ends, and whoever is left alone is
   * marked as out of it (`partnership-ended`). Returns the partnership, or undefined when the
   * application is in no running partnership.
   */
  markMemberLeft: (
    applicationId: string,
    reason: string,
    now: Date,
  ) => Promise<StoredPartnership | undefined>;
  /**
   * The round is over: every active partnership of it ends (`round-ended`) and whoever is still in
   * one is marked as out of it (`partnership-ended`, as migration 0012 expects). Conditional
   * updates, so a second call changes nothing; returns how many partnerships ended now.
   */
  endRoundPartnerships: (roundId: string, now: Date) => Promise<number>;
  /** Links applications to the people who signed in as them (participants). */
  setApplicationPerson: (applicationId: string, personId: string) => Promise<void>;
}
