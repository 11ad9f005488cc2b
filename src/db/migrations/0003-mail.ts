import type { Kysely } from 'kysely';

// Placeholder kept so migration names are fixed; the owning area fills it in before its first release.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export const up = async (_db: Kysely<any>): Promise<void> => {};
// biome-ignore lint/suspicious/noExplicitAny: see up()
export const down = async (_db: Kysely<any>): Promise<void> => {};
