import { expect, test } from 'vitest';
import { getT, pickLocale } from './index';

test('looks up keys in the common namespace by default', () => {
  expect(getT('en')('program.name')).toBe('International Librarians Network');
});

test('an unsupported language falls back to English', () => {
  expect(pickLocale('xx-YY, zz;q=0.8')).toBe('en');
  expect(getT('xx')('program.name')).toBe('International Librarians Network');
});

test('a regional tag picks its language', () => {
  expect(pickLocale('en-AU,en;q=0.9')).toBe('en');
});

test('a remembered lookup gives the same text as a fresh one, per language', () => {
  const t = getT('en');
  const first = t('applications:applied.title');
  expect(first).not.toBe('applications:applied.title');
  expect(t('applications:applied.title')).toBe(first);
  expect(t('applications:applied.title', { lng: 'en' })).toBe(first);
  // A key that does not exist comes back the same way every time.
  const missing = t('applications:no.such.key');
  expect(missing).toBe('no.such.key');
  expect(t('applications:no.such.key')).toBe(missing);
});
