/**
 * Row types of the check-in tables (migration 0015-checkins). Encoded like every table: ISO-8601
 * UTC instants as text (docs/decisions/0002).
 */
export interface CheckInLinksTable {
  token_hash: string;
  application_id: string;
  round_id: string;
  fortnight: number;
  expires_at: string;
  created_at: string;
}

export interface CheckInsTable {
  application_id: string;
  fortnight: number;
  round_id: string;
  partnership_id: string;
  /** core/checkins CheckInAnswer. */
  answer: string;
  /** `link` or `area`. */
  source: string;
  answered_at: string;
  created_at: string;
}

export interface CheckInPromptsTable {
  application_id: string;
  fortnight: number;
  round_id: string;
  sent_at: string;
}

export interface SilentPartnerEpisodesTable {
  partnership_id: string;
  /** core/checkins episodeKey: the rule and the instant the episode began. */
  episode: string;
  round_id: string;
  reason: string;
  reminded_at: string | null;
  dismissed_at: string | null;
  dismissed_by_person_id: string | null;
  created_at: string;
}

export interface RoundClosingEmailsTable {
  round_id: string;
  application_id: string;
  recorded_at: string;
}

export interface CheckInTables {
  check_in_links: CheckInLinksTable;
  check_ins: CheckInsTable;
  check_in_prompts: CheckInPromptsTable;
  silent_partner_episodes: SilentPartnerEpisodesTable;
  round_closing_emails: RoundClosingEmailsTable;
}

// The check-in area adds its tables to the one Database type without editing schema.ts.
declare module '../schema' {
  interface Database extends CheckInTables {}
}
