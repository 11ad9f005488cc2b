import type { Application, ApplicationFlags } from '../../core/applications/application';
import type { ApplicationAnswers } from '../../core/applications/application-answers';
import type { ApplicationStatus } from '../../core/applications/application-status';
import type { DuplicateReason } from '../../core/applications/duplicates';
import type { Round } from '../../core/rounds/round';

export interface NewApplication {
  id: string;
  roundId: string;
  personId: string | null;
  status: ApplicationStatus;
  answers: ApplicationAnswers;
  /** The hash of the token of the private link in the confirmation email; null when none is sent. */
  editTokenHash: string | null;
  submittedAt: Date;
  /** The language they applied in; the program's default when not given. */
  locale?: string;
  /**
   * False leaves the duplicate check to the duplicate job (submissions, carry-overs); true (the
   * default) when the caller has decided the flag itself (imports) or none is wanted.
   */
  duplicateChecked?: boolean;
  /**
   * The privacy notice version the applicant accepted (core/privacy/privacy-notice.ts): the form's
   * and an import's; unset for copies (a carry-over keeps its source's record).
   */
  consentVersion?: string;
}

/**
 * The basic reads and writes of applications: what submitting, editing and seeding need. Review
 * queries (filters, counts, decisions) have their own port (review.ts).
 */
export interface ApplicationsRepository {
  insertApplication: (application: NewApplication) => Promise<Application>;
  /** insertApplication for many in one statement (a few hundred at a time). */
  insertApplications: (applications: readonly NewApplication[]) => Promise<void>;
  findApplication: (id: string) => Promise<Application | undefined>;
  getApplication: (id: string) => Promise<Application>;
  /** The applications with these ids (a few hundred at a time), in no particular order; missing ids are left out. */
  listApplicationsByIds: (ids: readonly string[]) => Promise<Application[]>;
  findApplicationByEmail: (roundId: string, email: string) => Promise<Application | undefined>;
  /** The application a private link opens: the confirmation's link or any link emailed since. */
  findApplicationByTokenHash: (tokenHash: string) => Promise<Application | undefined>;
  /** Every application of an address, in any round, the newest first. */
  listApplicationsByEmail: (email: string) => Promise<Application[]>;
  /** The person's most recent application in any round (a returning participant's answers). */
  findLatestApplicationByEmail: (email: string) => Promise<Application | undefined>;
  /** Every application of a round in submission order (the order the quota is decided in). */
  listRoundApplications: (roundId: string) => Promise<Application[]>;
  updateAnswers: (id: string, answers: ApplicationAnswers, now: Date) => Promise<void>;
  setStatus: (id: string, status: ApplicationStatus, now: Date) => Promise<void>;
  /** Adds a private link to an application; the links it already has keep working. */
  addPrivateLink: (applicationId: string, tokenHash: string, now: Date) => Promise<void>;
  /** How many links were added (addPrivateLink, addPrivateLinks) since `since`. */
  countPrivateLinksSince: (applicationId: string, since: Date) => Promise<number>;
  /** addPrivateLink for many in one statement (a few hundred at a time). */
  addPrivateLinks: (
    links: readonly { applicationId: string; tokenHash: string }[],
    now: Date,
  ) => Promise<void>;
  /** When the newest link added with addPrivateLink was made; undefined when none was. */
  findLatestPrivateLinkAt: (applicationId: string) => Promise<Date | undefined>;
}

export interface PrefillLink {
  email: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * The applicant side's own records: the carry-over choice and withdrawal, previous-answers links and
 * their rate limit, and the round lock that keeps submissions out of a closing round.
 */
export interface ApplicantRecordsRepository {
  /**
   * The round as it is now, its row held in share mode until the transaction ends (PostgreSQL:
   * SELECT … FOR SHARE): submissions and edits run side by side, while closing the round (which
   * updates the row) waits for them and they wait for it, so none lands after the quota is
   * settled. SQLite transactions are already serial (one writer, one connection).
   */
  lockRoundShared: (roundId: string) => Promise<Round>;
  findFlags: (applicationId: string) => Promise<ApplicationFlags | undefined>;
  setDeclinedCarryOver: (applicationId: string, now: Date) => Promise<void>;
  markWithdrawn: (applicationId: string, now: Date) => Promise<void>;
  /**
   * A withdrawn application becomes a fresh one: the new answers, pending, submitted now (so it
   * queues behind earlier applications for the country quota), its flags cleared and checked for
   * duplicates again. False when the application was not withdrawn (nothing changed).
   */
  reopenWithdrawn: (
    applicationId: string,
    fresh: { answers: ApplicationAnswers; locale: string },
    now: Date,
  ) => Promise<boolean>;
  insertPrefillLink: (tokenHash: string, email: string, expiresAt: Date, now: Date) => Promise<void>;
  findPrefillLink: (tokenHash: string) => Promise<PrefillLink | undefined>;
  markPrefillLinkUsed: (tokenHash: string, now: Date) => Promise<void>;
  countLinkRequestsSince: (keyHash: string, since: Date) => Promise<number>;
  recordLinkRequest: (keyHash: string, at: Date) => Promise<void>;
  pruneLinkRequestsBefore: (before: Date) => Promise<void>;
}

export interface UncheckedApplication {
  id: string;
  roundId: string;
  countryCode: string;
  /** core normaliseName of the name. */
  nameKey: string;
}

export interface DuplicateMark {
  id: string;
  duplicate: { of: string; reason: DuplicateReason } | null;
}

/** The duplicate check's reads and writes. */
export interface DuplicateCheckRepository {
  /** Unchecked applications submitted before `submittedBefore`, earliest first. */
  listUnchecked: (limit: number, submittedBefore: Date) => Promise<UncheckedApplication[]>;
  /** A round's applications from one country, not withdrawn, in submission order. */
  listNameKeys: (roundId: string, countryCode: string) => Promise<{ id: string; nameKey: string }[]>;
  /** Marks applications checked, with the duplicate found for each, if any (a few hundred at a time). */
  markChecked: (marks: readonly DuplicateMark[]) => Promise<void>;
}
