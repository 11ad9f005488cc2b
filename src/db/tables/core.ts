/**
 * Row types of the program's own tables. Instants are ISO-8601 UTC strings (`…At`), calendar dates
 * are `YYYY-MM-DD`, flags are 0/1 integers and structured answers are JSON text: the same values
 * on SQLite and PostgreSQL, so repositories map rows the same way on both (docs/decisions/0002).
 */

export interface ProgramSettingsTable {
  key: string;
  value: string; // JSON
  updated_at: string;
}

export interface CountriesTable {
  code: string; // ISO 3166-1 alpha-2
  name: string; // English name; other languages come from Intl.DisplayNames
}

export interface PeopleTable {
  id: string;
  email: string; // lower-cased
  name: string;
  locale: string;
  time_zone: string | null;
  created_at: string;
  updated_at: string;
  /** When the person's data was erased (0022); null while it is held. */
  erased_at?: string | null;
}

export interface PersonRolesTable {
  id: string;
  person_id: string;
  role: 'program_coordinator' | 'country_coordinator' | 'participant';
  /** Set for country coordinators only. */
  country_code: string | null;
  created_at: string;
}

export interface RoundsTable {
  id: string;
  name: string;
  status: string;
  time_zone: string;
  applications_open_at: string;
  applications_close_at: string;
  starts_on: string;
  ends_on: string;
  /** Country quota (src/core/applications/country-quota.ts): on/off, cap %, minimum places. */
  quota_enabled: number;
  quota_percent: number;
  quota_minimum_places: number;
  /** The round's MatchSettings as JSON (migration 0010); null: the defaults. */
  match_settings: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicationsTable {
  id: string;
  round_id: string;
  person_id: string | null;
  email: string; // lower-cased; one application per address per round
  name: string;
  country_code: string;
  status: string;
  answers: string; // JSON ApplicationAnswers
  /**
   * SHA-256 of the token of the private link in the confirmation email; the token itself is only
   * ever in the email. Links emailed later are in application_private_links (0011).
   */
  edit_token_hash: string | null;
  submitted_at: string;
  updated_at: string;
  /** 0/1: a waitlisted applicant said they do not want to be carried into the next round (0004). */
  declined_carry_over?: number;
  /** Likely duplicate of this earlier application in the same round, for a coordinator to decide (0004). */
  duplicate_of?: string | null;
  /** Why it looks like a duplicate (core/applications/duplicates.ts DuplicateReason) (0004). */
  duplicate_reason?: string | null;
  /** A coordinator's reason when declining (0004). */
  decline_reason?: string | null;
  withdrawn_at?: string | null;
  /** core normaliseName(name), for the duplicate check (0006). */
  name_key?: string;
  /** 0 until the duplicate worker has checked it (0007); 1 otherwise. */
  duplicate_checked?: number;
  /** The language the applicant applied in, for later emails about the application (0008). */
  locale?: string;
  /** The answers' sector and role, kept beside them for the review counts, filter and search (0016). */
  sector?: string;
  role?: string;
  /** The privacy notice version accepted (core/privacy/privacy-notice.ts); null before 0022 (0022). */
  consent_version?: string | null;
  /** When the application's personal data was erased (0022); null while it is held. */
  erased_at?: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_person_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: string; // JSON
  /** web, command-line or schedule; null before migration 0019 or when unknown. */
  channel: string | null;
  client_address: string | null;
}

export interface CoreTables {
  program_settings: ProgramSettingsTable;
  countries: CountriesTable;
  people: PeopleTable;
  person_roles: PersonRolesTable;
  rounds: RoundsTable;
  applications: ApplicationsTable;
  audit_log: AuditLogTable;
}
