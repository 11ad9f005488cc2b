import type { LocalDate } from '../../core/time/local-time';

/** Whose data: an address (a private link's holder) and, when known, the person with it. */
export interface DataSubject {
  email: string;
  personId: string | null;
}

/**
 * Everything the program holds about one person, as stored, for the "download my data" JSON.
 * Never a token or its hash; partners' names are full here and cut to first names by the use case.
 */
export interface HeldData {
  person: {
    id: string;
    email: string;
    name: string;
    locale: string;
    timeZone: string | null;
    createdAt: Date;
    roles: { role: string; countryCode: string | null }[];
  } | null;
  applications: {
    id: string;
    roundId: string;
    roundName: string;
    roundEndsOn: LocalDate;
    status: string;
    email: string;
    name: string;
    countryCode: string;
    locale: string;
    /** The stored answers (JSON), as the applicant gave them. */
    answers: unknown;
    submittedAt: Date;
    updatedAt: Date;
    consentVersion: string | null;
    withdrawnAt: Date | null;
    declinedCarryOver: boolean;
    declineReason: string | null;
    /** When each private link was made and emailed (the tokens are only ever in the emails). */
    privateLinksSentAt: Date[];
    notes: { createdAt: Date; body: string }[];
  }[];
  partnerships: {
    id: string;
    roundId: string;
    status: string;
    applicationId: string;
    joinedAt: Date;
    leftAt: Date | null;
    leftReason: string | null;
    partnerNames: string[];
  }[];
  checkIns: { roundId: string; fortnight: number; answer: string; source: string; answeredAt: Date }[];
  /** Invitations and whether they answered; the answers themselves are stored apart, unlinked (ADR 0015). */
  surveys: {
    surveyId: string;
    roundId: string;
    kind: string;
    invitationsSentAt: Date[];
    answeredOn: LocalDate | null;
  }[];
  emails: { kind: string; subject: string; status: string; createdAt: Date; sentAt: Date | null }[];
  sessions: {
    createdAt: Date;
    expiresAt: Date;
    ipAddress: string | null;
    userAgent: string | null;
  }[];
  auditEntries: {
    at: Date;
    action: string;
    subjectType: string;
    subjectId: string;
    byThemselves: boolean;
    channel: string | null;
    clientAddress: string | null;
    details: unknown;
  }[];
}

/** One of the person's applications, as erasing needs it. */
export interface ErasableApplication {
  id: string;
  status: string;
  roundId: string;
  erasedAt: Date | null;
}

/**
 * The reads and writes behind the privacy rights (services/privacy/). Erasing empties rows in
 * place (core/privacy/erasure.ts) and deletes what has no aggregate worth keeping (links, notes,
 * mail, sessions); it never touches the audit trail or the anonymous survey answers.
 */
export interface PrivacyRepository {
  /** The person's applications: by address, and by person id when given. */
  listApplicationsOf: (subject: DataSubject) => Promise<ErasableApplication[]>;
  collectHeldData: (subject: DataSubject, applicationIds: readonly string[]) => Promise<HeldData>;
  /** Empties one application and deletes its links, notes and the mail sent about it. */
  eraseApplication: (applicationId: string, now: Date) => Promise<void>;
  /** Empties the person, ends their sessions, forgets their sign-in and previous-answers links and mail. */
  erasePerson: (subject: DataSubject, now: Date) => Promise<void>;
  /**
   * Declined and withdrawn applications, not yet erased, of rounds that ended before `cutoff`,
   * oldest round first, at most `limit`.
   */
  listPastRetention: (cutoff: LocalDate, limit: number) => Promise<string[]>;
}
