import { describe, expect, test } from 'vitest';
import {
  decideAfterFailure,
  isDue,
  LEASE_MS,
  leaseUntil,
  MAX_ATTEMPTS,
  MAX_RETRY_DELAY_MS,
  nextAttemptAt,
  retryDelayMs,
} from './delivery-policy';

const now = new Date('2027-03-01T10:00:00.000Z');
const minutes = (n: number) => n * 60_000;

describe('retryDelayMs', () => {
  test.each([
    [1, minutes(1)],
    [2, minutes(2)],
    [3, minutes(4)],
    [5, minutes(16)],
    [9, minutes(256)],
    [10, MAX_RETRY_DELAY_MS],
    [40, MAX_RETRY_DELAY_MS],
    [10_000, MAX_RETRY_DELAY_MS],
  ])('after attempt %i waits %i ms', (attempts, delay) => {
    expect(retryDelayMs(attempts)).toBe(delay);
  });

  test('never shrinks as attempts grow and never exceeds six hours', () => {
    let previous = 0;
    for (let attempts = 0; attempts <= 100; attempts++) {
      const delay = retryDelayMs(attempts);
      expect(delay).toBeGreaterThanOrEqual(previous);
      expect(delay).toBeLessThanOrEqual(6 * 60 * 60_000);
      previous = delay;
    }
  });
});

test('nextAttemptAt adds the delay to now without changing now', () => {
  const before = now.getTime();
  expect(nextAttemptAt(3, now).toISOString()).toBe('2027-03-01T10:04:00.000Z');
  expect(now.getTime()).toBe(before);
});

test('a failure before the last attempt is retried later; the last one gives up', () => {
  expect(decideAfterFailure(1, now)).toEqual({
    status: 'pending',
    nextAttemptAt: new Date('2027-03-01T10:01:00.000Z'),
  });
  expect(decideAfterFailure(MAX_ATTEMPTS - 1, now).status).toBe('pending');
  expect(decideAfterFailure(MAX_ATTEMPTS, now)).toEqual({ status: 'failed' });
});

test('a permanent failure is given up at once', () => {
  expect(decideAfterFailure(1, now, { permanent: true })).toEqual({ status: 'failed' });
  expect(decideAfterFailure(1, now, { permanent: false }).status).toBe('pending');
});

test('leaseUntil is now plus the lease', () => {
  expect(leaseUntil(now).getTime() - now.getTime()).toBe(LEASE_MS);
});

describe('isDue', () => {
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
  test.each([
    ['pending, time has come', { status: 'pending', nextAttemptAt: at(-1), lockedUntil: null }, true],
    ['pending, exactly now', { status: 'pending', nextAttemptAt: at(0), lockedUntil: null }, true],
    ['pending, in the future', { status: 'pending', nextAttemptAt: at(1), lockedUntil: null }, false],
    ['sending, lease running', { status: 'sending', nextAttemptAt: at(-1000), lockedUntil: at(1) }, false],
    ['sending, lease ends now', { status: 'sending', nextAttemptAt: at(-1000), lockedUntil: at(0) }, false],
    ['sending, lease expired', { status: 'sending', nextAttemptAt: at(-1000), lockedUntil: at(-1) }, true],
    ['sent', { status: 'sent', nextAttemptAt: at(-1000), lockedUntil: null }, false],
    ['failed', { status: 'failed', nextAttemptAt: at(-1000), lockedUntil: null }, false],
  ] as const)('%s', (_name, state, expected) => {
    expect(isDue(state, now)).toBe(expected);
  });
});
