/**
 * Row types of the applicant side (migration 0004): one-time links that pre-fill the application
 * form, the counts behind the applicant side's rate limits, the resources page and the topics
 * archive; and the private links emailed after the confirmation's (0011).
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

/**
 * The durable counts behind the applicant side's rate limits (previous-answers links, applying):
 * one row per request, under a keyed hash of what is counted (`previous-answers:email:<address>`,
 * `apply:ip:<address>` …), so the table holds no addresses. Rows older than a day count for
 * nothing and are pruned.
 */
export interface ApplicationLinkRequestsTable {
  id: string;
  key_hash: string;
  requested_at: string;
}

/**
 * Private links emailed after the confirmation's (which is applications.edit_token_hash): when
 * someone applies again with the address, or the quota waitlists the application (0011). Each
 * keeps working; none replaces another.
 */
export interface ApplicationPrivateLinksTable {
  /** SHA-256 (base64url) of the token; the token itself is only ever in the email. */
  token_hash: string;
  application_id: string;
  /** When the link was made and emailed. */
  created_at: string;
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
  application_private_links: ApplicationPrivateLinksTable;
  resources: ResourcesTable;
  topics: TopicsTable;
}
