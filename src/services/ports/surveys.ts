import type { ReportingAttributes, SurveyResponse } from '../../core/surveys/aggregate';
import type { RoundReport } from '../../core/surveys/round-report';
import type { Survey, SurveyKind } from '../../core/surveys/survey';
import type { AnswerSet } from '../../core/surveys/survey-answers';
import type { SurveyDeliveryKind } from '../../core/surveys/survey-schedule';

/** A participant a survey email goes to: what the email needs, nothing more. */
export interface SurveyRecipient {
  applicationId: string;
  name: string;
  email: string;
  locale: string;
  timeZone: string;
}

/** What a stored link was for (found by the hash of its token). */
export interface StoredSurveyLink {
  surveyId: string;
  applicationId: string;
  expiresAt: Date;
}

export interface SurveyCounts {
  surveyId: string;
  /** Participants sent the invitation. */
  invited: number;
  reminded: number;
  /** Participants who answered (the same as the number of stored responses). */
  answered: number;
}

export interface PublishedRoundReport {
  roundId: string;
  report: RoundReport;
  publishedAt: Date;
}

/**
 * Surveys, their deliveries, links, respondents, responses and published reports. Responses are
 * stored and read apart from identities: nothing here returns a response together with who gave
 * it, and nothing takes both.
 *
 * A round's active participants are the members of its partnerships who have not left one
 * (partnership_members.left_at IS NULL, or left only because the partnership ended with the round:
 * the end-of-round survey must still reach them), read here rather than through the matching
 * repository.
 */
export interface SurveysRepository {
  insertSurvey: (survey: Survey, createdByPersonId: string | null) => Promise<void>;
  /** Writes kind, title, definition, status, moments and updatedAt; false when it does not exist. */
  saveSurvey: (survey: Survey) => Promise<boolean>;
  findSurvey: (id: string) => Promise<Survey | undefined>;
  /** A round's surveys (every round's without one), by send moment. */
  listSurveys: (roundId?: string) => Promise<Survey[]>;
  /** Scheduled surveys still open at `now` (the ones that may have something due). */
  listScheduledOpenSurveys: (now: Date) => Promise<Survey[]>;
  /** Every survey of a kind, any round. */
  listSurveysOfKind: (kind: SurveyKind) => Promise<Survey[]>;

  /**
   * Active participants of the round who still need this kind of email, by application id, at most
   * `limit`. For reminders: only those invited before `remindAt` who have not answered.
   */
  listSurveyRecipients: (query: {
    surveyId: string;
    roundId: string;
    kind: SurveyDeliveryKind;
    remindAt: Date;
    limit: number;
  }) => Promise<SurveyRecipient[]>;
  /**
   * Records that these participants are sent this kind of email; returns those recorded now (a
   * participant already recorded, by an earlier pass or another process, is left out). The primary
   * key (survey, participant, kind) is the guard.
   */
  recordDeliveries: (delivery: {
    surveyId: string;
    kind: SurveyDeliveryKind;
    applicationIds: readonly string[];
    now: Date;
  }) => Promise<Set<string>>;
  insertLinks: (
    links: readonly { tokenHash: string; surveyId: string; applicationId: string; expiresAt: Date }[],
    now: Date,
  ) => Promise<void>;
  /**
   * Takes the survey's row lock (PostgreSQL; SQLite has one writer anyway) if it is still
   * scheduled, so that sending and going back to draft never interleave; false when it is not.
   */
  lockScheduledSurvey: (surveyId: string) => Promise<boolean>;
  /** Whether the survey has been sent to anyone yet. */
  hasDeliveries: (surveyId: string) => Promise<boolean>;

  findLink: (tokenHash: string) => Promise<StoredSurveyLink | undefined>;
  hasAnswered: (surveyId: string, applicationId: string) => Promise<boolean>;
  /** Records that they answered; false when they already had (the primary key is the guard). */
  recordRespondent: (surveyId: string, applicationId: string, answeredOn: string) => Promise<boolean>;
  /** What a response keeps about the person who gives it, read when they answer. */
  findReportingAttributes: (applicationId: string) => Promise<ReportingAttributes | undefined>;
  insertResponse: (response: {
    id: string;
    surveyId: string;
    answers: AnswerSet;
    attributes: ReportingAttributes;
  }) => Promise<void>;

  listResponses: (surveyId: string) => Promise<SurveyResponse[]>;
  countSurveys: (surveyIds: readonly string[]) => Promise<SurveyCounts[]>;

  saveRoundReport: (report: RoundReport, publishedByPersonId: string | null, now: Date) => Promise<void>;
  deleteRoundReport: (roundId: string) => Promise<boolean>;
  findRoundReport: (roundId: string) => Promise<PublishedRoundReport | undefined>;
  /** Newest round first. */
  listRoundReports: () => Promise<PublishedRoundReport[]>;
}
