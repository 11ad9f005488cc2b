/**
 * Row types of the matchmaking tables (migration 0010-matchmaking). Encoded like every table:
 * ISO-8601 UTC instants as text, JSON as text, flags as 0/1 (docs/decisions/0002).
 */
export interface MatchRunsTable {
  id: string;
  round_id: string;
  /** 1, 2, 3 … within the round. */
  number: number;
  status: 'proposed' | 'published' | 'superseded';
  objective: string;
  /** The MatchSnapshot the run was computed from. */
  snapshot: string;
  /** The MatchRun it gave. */
  result: string;
  /** The explanation of each of its partnerships (PartnershipExplanation[]). */
  explanations: string;
  total_fit: number;
  solver_weight: number;
  is_optimal: number;
  seconds: number;
  created_by_person_id: string | null;
  created_at: string;
  published_at: string | null;
  published_by_person_id: string | null;
}

export interface MatchLocksTable {
  id: string;
  round_id: string;
  /** Sorted application ids joined with ",". */
  members: string;
  created_by_person_id: string | null;
  created_at: string;
}

export interface MatchExclusionsTable {
  id: string;
  round_id: string;
  /** The smaller id of the two. */
  first_application_id: string;
  second_application_id: string;
  created_by_person_id: string | null;
  created_at: string;
}

export interface MatchCommentsTable {
  id: string;
  round_id: string;
  members: string;
  author_person_id: string | null;
  body: string;
  created_at: string;
}

export interface PartnershipsTable {
  id: string;
  round_id: string;
  run_id: string | null;
  status: 'active' | 'ended';
  source: string;
  fit: number;
  /** The partnership as the run gave it (pairs, parts, overlap), JSON. */
  details: string;
  created_at: string;
  ended_at: string | null;
  end_reason: string | null;
}

export interface PartnershipMembersTable {
  partnership_id: string;
  application_id: string;
  person_id: string | null;
  joined_at: string;
  left_at: string | null;
  left_reason: string | null;
}

export interface MatchingTables {
  match_runs: MatchRunsTable;
  match_locks: MatchLocksTable;
  match_exclusions: MatchExclusionsTable;
  match_comments: MatchCommentsTable;
  partnerships: PartnershipsTable;
  partnership_members: PartnershipMembersTable;
}

// The matchmaking area adds its tables to the one Database type without editing schema.ts.
declare module '../schema' {
  interface Database extends MatchingTables {}
}
