import type { AppContext } from '../app-context';

// STUB (auth owner replaces with the better-auth instance).
export const createAuth = (_ctx: AppContext) => ({});
export type Auth = ReturnType<typeof createAuth>;
