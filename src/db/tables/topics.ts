/**
 * Row types of the topic tables (migration 0014-topics), and the columns 0014 adds to `topics`
 * (whose first columns are in applicant.ts). Encoded like every table: ISO-8601 UTC instants as
 * text, `YYYY-MM-DD` dates, `HH:MM` times (docs/decisions/0002).
 */
export interface TopicScheduleColumns {
  /** Wall-clock time on `publish_on`, in the round's zone. */
  publish_time: string;
  /** `publish_on` + `publish_time` in the round's zone, as an instant; null only for a pre-0014 row. */
  due_at: string | null;
  /** `draft` (never sent nor shown) or `scheduled`. */
  status: string;
}

export interface TopicTranslationsTable {
  topic_id: string;
  /** A language code (`es`, `fr`). */
  locale: string;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface TopicDeliveriesTable {
  topic_id: string;
  application_id: string;
  /** The queued email (mail_messages.id), written in the same transaction. */
  mail_message_id: string;
  created_at: string;
}

export interface TopicTables {
  topic_translations: TopicTranslationsTable;
  topic_deliveries: TopicDeliveriesTable;
}

// The topics area adds its tables (and the new columns of `topics`) without editing schema.ts.
declare module './applicant' {
  interface TopicsTable extends TopicScheduleColumns {}
}
declare module '../schema' {
  interface Database extends TopicTables {}
}
