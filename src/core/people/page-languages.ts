/**
 * The languages the program ships, complete (src/i18n/catalogs.test.ts fails on a missing key):
 * offered in the language switcher, chosen from a browser's Accept-Language, and the choices of a
 * person's own language setting. English first: it is the fallback of every other.
 */
export const SHIPPED_LOCALES = ['en', 'es', 'fr'] as const;
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

export const isShippedLocale = (value: string): value is ShippedLocale =>
  (SHIPPED_LOCALES as readonly string[]).includes(value);
