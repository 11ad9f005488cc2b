/**
 * Row types of the survey tables (migration 0013-surveys). Encoded like every table: ISO-8601 UTC
 * instants as text, JSON as text (docs/decisions/0002).
 */
export interface SurveysTable {
  id: string;
  round_id: string;
  kind: string;
  /** LocalizedText as JSON. */
  title: string;
  /** SurveyDefinition as JSON. */
  definition: string;
  status: string;
  send_at: string;
  remind_at: string;
  closes_at: string;
  created_by_person_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SurveyDeliveriesTable {
  survey_id: string;
  application_id: string;
  /** `invitation` or `reminder`. */
  kind: string;
  sent_at: string;
}

export interface SurveyLinksTable {
  /** SHA-256 of the link's token, base64url. */
  token_hash: string;
  survey_id: string;
  application_id: string;
  expires_at: string;
  created_at: string;
}

export interface SurveyRespondentsTable {
  survey_id: string;
  application_id: string;
  /** The day only (UTC), so it cannot be matched to a response by time. */
  answered_on: string;
}

/** Answers apart from identities: no application, person or time here (see the migration). */
export interface SurveyResponsesTable {
  id: string;
  survey_id: string;
  /** AnswerSet as JSON. */
  answers: string;
  country_code: string;
  sector: string;
  career_stage: string;
}

export interface SurveyRoundReportsTable {
  round_id: string;
  /** RoundReport as JSON. */
  report: string;
  published_at: string;
  published_by_person_id: string | null;
}

export interface SurveyTables {
  surveys: SurveysTable;
  survey_deliveries: SurveyDeliveriesTable;
  survey_links: SurveyLinksTable;
  survey_respondents: SurveyRespondentsTable;
  survey_responses: SurveyResponsesTable;
  survey_round_reports: SurveyRoundReportsTable;
}

// The survey area adds its tables to the one Database type without editing schema.ts.
declare module '../schema' {
  interface Database extends SurveyTables {}
}
