/**
 * How long a sign-in lasts (docs/decisions/0019-audit-trail-and-sessions.md, README "Sessions").
 *
 * - Idle: a session not used for SESSION_IDLE_HOURS ends. Each use moves its end forward, at most
 *   once every SESSION_REFRESH_MINUTES (one write per active session per refresh, not per request).
 * - Absolute: whatever the use, a session ends SESSION_ABSOLUTE_DAYS after the sign-in that made
 *   it; the person signs in again with a new link. A stolen cookie therefore works for at most
 *   that long, and "sign out everywhere" ends it at once.
 *
 * The data behind coordinator pages is personal data of thousands of people, but signing in takes
 * an email round trip; three idle days and two weeks in all keep a weekly volunteer signed in
 * through a working week without leaving sessions alive for months.
 */
export const SESSION_IDLE_HOURS = 72;
export const SESSION_REFRESH_MINUTES = 60;
export const SESSION_ABSOLUTE_DAYS = 14;

/** Whether a session made at `createdAt` has outlived its absolute lifetime at `now`. */
export const isPastAbsoluteLifetime = (createdAt: Date, now: Date): boolean =>
  now.getTime() - createdAt.getTime() >= SESSION_ABSOLUTE_DAYS * 24 * 3_600_000;
