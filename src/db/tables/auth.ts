/** Tables better-auth reads and writes (filled in by src/db/migrations/0002-auth.ts). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the auth migration
export interface AuthTables {}
