import { COUNTRY_ROWS } from '../countries/country-data';
import { offsetMinutesAt } from './round-calendar';
import { CURRENT_TIME_ZONES } from './time-zones';

/**
 * The time-zone picker's choices: every current zone (no aliases), with its UTC offset at a given
 * moment and where it is, ordered west to east. The words (country names, "UTC+05:30") are the
 * web layer's, in the reader's language.
 */
export interface TimeZoneChoice {
  zone: string;
  /** Minutes east of UTC at the moment asked about (daylight saving included). */
  offsetMinutes: number;
  /** The country whose zone it is; undefined for UTC. */
  countryCode: string | undefined;
  /** The place the zone is named after: `Buenos Aires` for America/Argentina/Buenos_Aires. */
  city: string;
  /** A part of the country between area and city, if any: `Argentina`, `Indiana`, `North Dakota`. */
  region: string | undefined;
}

const COUNTRY_OF_ZONE = new Map<string, string>();
for (const [code, zones] of COUNTRY_ROWS) {
  for (const zone of zones) if (!COUNTRY_OF_ZONE.has(zone)) COUNTRY_OF_ZONE.set(zone, code);
}

const words = (part: string) => part.replaceAll('_', ' ');

export function listTimeZoneChoices(atMs: number): TimeZoneChoice[] {
  return CURRENT_TIME_ZONES.map((zone) => {
    const parts = zone.split('/');
    return {
      zone,
      offsetMinutes: offsetMinutesAt(zone, atMs),
      countryCode: COUNTRY_OF_ZONE.get(zone),
      city: words(parts[parts.length - 1]!),
      region: parts.length > 2 ? words(parts.slice(1, -1).join(' ')) : undefined,
    };
  }).sort((a, b) => a.offsetMinutes - b.offsetMinutes);
}

/** `+05:30`, `−03:00` (a true minus sign, which screen readers say as "minus"), `+00:00`. */
export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '\u2212' : '+';
  const minutes = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
