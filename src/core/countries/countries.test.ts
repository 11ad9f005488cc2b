import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '../time/time-zones';
import {
  COUNTRY_CODES,
  findCountry,
  getCountry,
  getCountryName,
  getPrimaryTimeZone,
  listCountries,
} from './countries';

describe('countries', () => {
  it('holds all 249 ISO 3166-1 alpha-2 codes once each', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('gives every country valid zones and ISO 639-1 languages', () => {
    const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    for (const code of COUNTRY_CODES) {
      const country = getCountry(code);
      expect(country.timeZones.length, code).toBeGreaterThan(0);
      for (const zone of country.timeZones) expect(isValidTimeZone(zone), `${code} ${zone}`).toBe(true);
      expect(country.languages.length, code).toBeGreaterThan(0);
      for (const language of country.languages) {
        expect(language, code).toMatch(/^[a-z]{2}$/);
        expect(languageNames.of(language), `${code} ${language}`).toBeTruthy();
      }
    }
  });

  it('suggests the most populous zone of big countries', () => {
    expect(getPrimaryTimeZone('AU')).toBe('Australia/Sydney');
    expect(getPrimaryTimeZone('US')).toBe('America/New_York');
    expect(getPrimaryTimeZone('CA')).toBe('America/Toronto');
    expect(getPrimaryTimeZone('BR')).toBe('America/Sao_Paulo');
    expect(getCountry('CA').languages).toEqual(['en', 'fr']);
  });

  it('names countries in any locale', () => {
    expect(getCountryName('DE')).toBe('Germany');
    expect(getCountryName('DE', 'de')).toBe('Deutschland');
    expect(getCountryName('JP', 'ja')).toBe('日本');
    expect(getCountryName('FR', 'not a locale!')).toBe('France');
  });

  it('lists countries sorted for the reader', () => {
    const names = listCountries('en').map((country) => country.name);
    expect(names).toHaveLength(249);
    expect(names.indexOf('Åland Islands')).toBeLessThan(names.indexOf('Albania'));
  });

  it('finds by code, case-insensitively, and refuses unknown codes', () => {
    expect(findCountry('nz')?.code).toBe('NZ');
    expect(findCountry('XX')).toBeUndefined();
    expect(() => getCountry('XX')).toThrow(/XX/);
  });
});
