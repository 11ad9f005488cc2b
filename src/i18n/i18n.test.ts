import { expect, test } from 'vitest';
import { getT, pickLocale } from './index';

test('looks up keys in the common namespace by default', () => {
  expect(getT('en')('program.name')).toBe('International Librarians Network');
});

test('an unsupported language falls back to English', () => {
  expect(pickLocale('xx-YY, zz;q=0.8')).toBe('en');
  expect(getT('xx')('program.shortName')).toBe('ILN');
});

test('a regional tag picks its language', () => {
  expect(pickLocale('en-AU,en;q=0.9')).toBe('en');
});
