/** The durable mail queue (filled in by src/db/migrations/0003-mail.ts). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the mail migration
export interface MailTables {}
