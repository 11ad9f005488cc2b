import type { CheckIn, CheckInAnswer, CheckInSource } from '../../core/checkins/check-in';
import type { SilenceReason } from '../../core/checkins/silent-partners';

/** What a stored check-in link is for (found by the hash of its token). */
export interface StoredCheckInLink {
  applicationId: string;
  roundId: string;
  fortnight: number;
  expiresAt: Date;
}

export interface NewCheckInLink extends StoredCheckInLink {
  tokenHash: string;
}

/** A participant an email goes to: what the email needs, nothing more. */
export interface CheckInRecipient {
  applicationId: string;
  name: string;
  email: string;
  locale: string;
  timeZone: string;
}

/** Where a participant is now: the partnership they are in, if any. */
export interface RunningMembership {
  applicationId: string;
  partnershipId: string;
  roundId: string;
}

/** A partnership's stay on the intervention list, as recorded. */
export interface StoredEpisode {
  partnershipId: string;
  episode: string;
  reason: SilenceReason;
  remindedAt: Date | null;
  dismissedAt: Date | null;
  dismissedByPersonId: string | null;
}

/**
 * Check-ins and what hangs on them: the links' hashes, the answers, the standalone check-in
 * emails, the silent-partner episodes and the closing emails of a finished round. Reads the
 * partnership tables for who is in a partnership now (a member who has not left an active one).
 */
export interface CheckInsRepository {
  insertLinks: (links: readonly NewCheckInLink[], now: Date) => Promise<void>;
  findLink: (tokenHash: string) => Promise<StoredCheckInLink | undefined>;

  findCheckIn: (applicationId: string, fortnight: number) => Promise<CheckIn | undefined>;
  /** False, writing nothing, when the participant has an answer for that fortnight already. */
  insertCheckIn: (checkIn: CheckIn, now: Date) => Promise<boolean>;
  /** Many first answers at once (the demo's); an (application, fortnight) answered already is left as it is. */
  insertCheckIns: (checkIns: readonly CheckIn[], now: Date) => Promise<void>;
  /** Replaces the answer of (application, fortnight). */
  updateCheckIn: (
    key: { applicationId: string; fortnight: number },
    change: { answer: CheckInAnswer; answeredAt: Date; partnershipId: string; source: CheckInSource },
  ) => Promise<void>;
  /** Every check-in of these applications, latest fortnight first. */
  listCheckInsOf: (applicationIds: readonly string[]) => Promise<CheckIn[]>;
  /** Every check-in of the round. */
  listRoundCheckIns: (roundId: string) => Promise<CheckIn[]>;

  findRunningMembership: (applicationId: string) => Promise<RunningMembership | undefined>;
  /** The partnerships a person is in now, one per round. */
  listRunningMembershipsOfPerson: (personId: string) => Promise<RunningMembership[]>;

  /** The calendar days (program's zone) the round's scheduled topics are set on (drafts are never sent). */
  listTopicDays: (roundId: string) => Promise<string[]>;
  /**
   * People in a partnership of the round now who have neither had the fortnight's check-in email
   * nor answered for that fortnight, by application id, at most `limit`.
   */
  listPromptRecipients: (query: {
    roundId: string;
    fortnight: number;
    limit: number;
  }) => Promise<CheckInRecipient[]>;
  /** Records the emails; returns the applications recorded now (the primary key is the guard). */
  recordPrompts: (prompt: {
    roundId: string;
    fortnight: number;
    applicationIds: readonly string[];
    now: Date;
  }) => Promise<Set<string>>;

  listEpisodes: (roundId: string) => Promise<StoredEpisode[]>;
  /** Records the episode's one reminder; false when the episode was recorded already (reminded or dismissed). */
  recordReminder: (episode: {
    partnershipId: string;
    episode: string;
    roundId: string;
    reason: SilenceReason;
    now: Date;
  }) => Promise<boolean>;
  /** A coordinator takes the partnership off the list for this episode; false when it was already. */
  dismissEpisode: (episode: {
    partnershipId: string;
    episode: string;
    roundId: string;
    reason: SilenceReason;
    personId: string | null;
    now: Date;
  }) => Promise<boolean>;

  /**
   * Members whose partnership ended with the round (still in it when it finished) who have not had
   * the closing email, by application id, at most `limit`.
   */
  listClosingRecipients: (query: { roundId: string; limit: number }) => Promise<CheckInRecipient[]>;
  recordClosingEmails: (closing: {
    roundId: string;
    applicationIds: readonly string[];
    now: Date;
  }) => Promise<Set<string>>;
}
