import { expect, test } from 'vitest';
import { getT, knownLocale, knownLocales, pickLocale, SHIPPED_LOCALES, supportedLocales } from './index';

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

test('a browser asking for Spanish gets it, from any region', () => {
  expect(pickLocale('es-MX,es;q=0.9,en;q=0.5')).toBe('es');
  expect(getT('es')('nav.home')).toBe('Inicio');
});

test('a stub language is never chosen from Accept-Language, only by name', () => {
  expect(supportedLocales()).not.toContain('ar');
  expect(pickLocale('ar-EG,ar;q=0.9')).toBe('en');
  expect(knownLocale('ar')).toBe('ar');
  expect(knownLocale('AR-eg')).toBe('ar');
  expect(knownLocale('xx')).toBeUndefined();
});

test('a stub language falls back to English for what it lacks', () => {
  const t = getT('ar');
  expect(t('layout.skipToContent')).toBe('انتقل إلى المحتوى الرئيسي');
  expect(t('errors.notFound.title')).toBe('Page not found');
});

test('the shipped languages are offered in a fixed order, English first', () => {
  expect(supportedLocales()[0]).toBe('en');
  expect(supportedLocales()).toEqual(SHIPPED_LOCALES.filter((code) => knownLocales().includes(code)));
});

test('numbers in texts are written the way each language writes them, and still choose the plural', () => {
  expect(getT('en')('review:counts.total', { count: 12345 })).toBe('12,345 applications');
  expect(getT('es')('review:counts.total', { count: 12345 })).toBe('12.345 solicitudes');
  expect(getT('es')('review:counts.total', { count: 1 })).toBe('1 solicitud');
  expect(getT('en')('review:import.column', { number: 3, header: 'Name' })).toBe('Column 3: Name');
});
