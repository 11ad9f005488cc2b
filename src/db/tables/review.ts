/**
 * Row types of the review tables (migration 0005-review). Encoded like every table: ISO-8601 UTC
 * instants as text, JSON as text (docs/decisions/0002).
 */
export interface ApplicationNotesTable {
  id: string;
  application_id: string;
  author_person_id: string | null;
  body: string;
  created_at: string;
}

export interface ApplicationCarryOversTable {
  from_application_id: string;
  to_application_id: string;
  to_round_id: string;
  created_at: string;
}

export interface ApplicationImportsTable {
  id: string;
  round_id: string;
  author_person_id: string | null;
  file_name: string;
  /** The uploaded CSV text, kept until it is imported or abandoned. */
  content: string;
  status: 'uploaded' | 'imported';
  created_at: string;
  updated_at: string;
}

export interface ReviewTables {
  application_notes: ApplicationNotesTable;
  application_carry_overs: ApplicationCarryOversTable;
  application_imports: ApplicationImportsTable;
}

// The review area adds its tables to the one Database type without editing schema.ts.
declare module '../schema' {
  interface Database extends ReviewTables {}
}
