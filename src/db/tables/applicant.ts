/**
 * Row types of the applicant side (migration 0004): one-time links that pre-fill the application
 * form, the counts behind their rate limit, the resources page and the topics archive.
 * Encoding as in core.ts: ISO-8601 UTC instants, YYYY-MM-DD dates, 0/1 flags.
 */

export interface PrefillLinksTable {
  /** SHA-256 (base64url) of the token; the token itself is only ever in the email. */
  token_hash: string;
  email: string; // lower-cased
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApplicationLinkRequestsTable {
  id: string;
  /** A keyed hash of `email:<address>` or `ip:<address>`, so the table holds no addresses. */
  key_hash: string;
  requested_at: string;
}

export interface ResourcesTable {
  id: string;
  title: string;
  url: string;
  description: string;
  /** Display order, smallest first. */
  position: number;
  created_at: string;
  updated_at: string;
}

export interface TopicsTable {
  id: string;
  round_id: string;
  title: string;
  body: string;
  /** The day the topic is due to be published (program zone). */
  publish_on: string;
  /** Set once it has been published (and emailed); only published topics are in the archive. */
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicantTables {
  prefill_links: PrefillLinksTable;
  application_link_requests: ApplicationLinkRequestsTable;
  resources: ResourcesTable;
  topics: TopicsTable;
}
