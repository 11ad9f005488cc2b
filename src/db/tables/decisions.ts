/**
 * Row type of application_decisions (migration 0020-decision-undo): coordinators' decisions, kept
 * for their undo window. Encoded like every table: ISO-8601 UTC instants as text.
 */
export interface ApplicationDecisionsTable {
  id: string;
  batch_id: string;
  round_id: string;
  application_id: string;
  actor_person_id: string | null;
  action: string;
  from_status: string;
  to_status: string;
  mail_message_id: string | null;
  decided_at: string;
  undo_until: string;
  undone_at: string | null;
}

export interface DecisionTables {
  application_decisions: ApplicationDecisionsTable;
}

declare module '../schema' {
  interface Database extends DecisionTables {}
}
