/**
 * When mail is due and how failures are retried: pure functions of (state, now), so the worker
 * only carries out what these decide. The SQL in src/db/repositories/mail/mail-queue-repository.ts mirrors
 * `isDue`.
 */

/**
 * How long a claim lasts unless its worker renews it. The worker renews the lease of the messages
 * it is sending every LEASE_RENEW_MS, so a send may take as long as the SMTP timeouts allow while
 * its worker lives; a worker that dies (SIGKILL, a power cut) stops renewing, and its messages are
 * taken over by another worker, or by the same program restarted, within LEASE_MS.
 */
export const LEASE_MS = 30_000;
/** How often a worker renews the lease of the messages it is sending: a third of the lease. */
export const LEASE_RENEW_MS = 10_000;
/** After this many started attempts a message is given up as `failed`. */
export const MAX_ATTEMPTS = 10;
export const FIRST_RETRY_DELAY_MS = 60_000;
export const MAX_RETRY_DELAY_MS = 6 * 60 * 60_000;

export interface MailScheduleState {
  status: 'pending' | 'sending' | 'sent' | 'failed';
  nextAttemptAt: string;
  lockedUntil: string | null;
}

/**
 * A message is due when it is pending and its time has come, or when a worker claimed it and its
 * lease ran out (the worker died mid-send): that claim may be taken over.
 */
export const isDue = (state: MailScheduleState, now: Date): boolean => {
  const at = now.getTime();
  if (state.status === 'pending') return Date.parse(state.nextAttemptAt) <= at;
  if (state.status === 'sending') return state.lockedUntil !== null && Date.parse(state.lockedUntil) < at;
  return false;
};

/**
 * Exponential backoff after the `attempts`-th failed attempt (attempts ≥ 1):
 * 1 min, 2 min, 4 min, … doubling, never more than 6 hours.
 */
export const retryDelayMs = (attempts: number): number => {
  const exponent = Math.max(0, attempts - 1);
  // 2^30 minutes is far past the cap; stop before the number overflows.
  if (exponent >= 30) return MAX_RETRY_DELAY_MS;
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** exponent, MAX_RETRY_DELAY_MS);
};

export const nextAttemptAt = (attempts: number, now: Date): Date =>
  new Date(now.getTime() + retryDelayMs(attempts));

export type FailureOutcome = { status: 'failed' } | { status: 'pending'; nextAttemptAt: Date };

/**
 * What happens to a message whose `attempts`-th attempt failed. A permanent failure (the receiving
 * server refused the address) is not retried; anything else is, until MAX_ATTEMPTS.
 */
export const decideAfterFailure = (
  attempts: number,
  now: Date,
  failure: { permanent: boolean } = { permanent: false },
): FailureOutcome =>
  failure.permanent || attempts >= MAX_ATTEMPTS
    ? { status: 'failed' }
    : { status: 'pending', nextAttemptAt: nextAttemptAt(attempts, now) };

export const leaseUntil = (now: Date): Date => new Date(now.getTime() + LEASE_MS);
