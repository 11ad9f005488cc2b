import { expect, test } from 'vitest';
import { isPastAbsoluteLifetime, SESSION_ABSOLUTE_DAYS } from './session-policy';

test('a session ends its absolute lifetime after exactly SESSION_ABSOLUTE_DAYS', () => {
  const signedIn = new Date('2027-03-01T09:00:00.000Z');
  const end = new Date(signedIn.getTime() + SESSION_ABSOLUTE_DAYS * 86_400_000);
  expect(isPastAbsoluteLifetime(signedIn, new Date(end.getTime() - 1))).toBe(false);
  expect(isPastAbsoluteLifetime(signedIn, end)).toBe(true);
  expect(isPastAbsoluteLifetime(signedIn, signedIn)).toBe(false);
});
