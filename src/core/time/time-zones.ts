import { z } from 'zod';
import { COUNTRY_ROWS } from '../countries/country-data';

const IANA_NAME_PATTERN = /^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/;

// Building an Intl.DateTimeFormat costs about a millisecond; validating a round of applications
// asks for the same few hundred zones again and again. Only real zones are kept, so the cache is
// bounded by the runtime's zone list however odd the input.
const resolvedZones = new Map<string, string>();

function resolveTimeZone(name: string): string | undefined {
  const cached = resolvedZones.get(name);
  if (cached !== undefined) return cached;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    if (resolvedZones.size < 5000) resolvedZones.set(name, resolved);
    return resolved;
  } catch {
    return undefined;
  }
}

/** True for IANA zone names the runtime knows (`Europe/London`, `UTC`); offsets like `+05:00` are refused. */
export function isValidTimeZone(name: unknown): name is string {
  return typeof name === 'string' && IANA_NAME_PATTERN.test(name) && resolveTimeZone(name) !== undefined;
}

/**
 * The zones people choose from: the current IANA name of every zone a country uses (tzdata's
 * zone.tab, kept in country-data.ts), and UTC. Backward-compatible aliases (`Asia/Calcutta`,
 * `Europe/Kiev`, `US/Eastern`) are not among them; Bouvet Island's `Etc/UTC` is UTC itself.
 */
export const CURRENT_TIME_ZONES: readonly string[] = [
  'UTC',
  ...new Set(COUNTRY_ROWS.flatMap(([, zones]) => zones).filter((zone) => zone !== 'Etc/UTC')),
];
const CURRENT = new Map(CURRENT_TIME_ZONES.map((zone) => [zone.toLowerCase(), zone]));

/**
 * ICU's identifier of each current zone → the current name. ICU still calls some zones by their
 * old names (`Asia/Kolkata` resolves to `Asia/Calcutta`), so two names are the same zone exactly
 * when ICU resolves them to the same identifier. Built on first need: only an alias asks for it.
 */
let currentByIcuId: Map<string, string> | undefined;
const currentNameOf = (icuId: string): string | undefined => {
  if (!currentByIcuId) {
    currentByIcuId = new Map();
    for (const zone of CURRENT_TIME_ZONES) {
      const id = resolveTimeZone(zone);
      if (id !== undefined && !currentByIcuId.has(id)) currentByIcuId.set(id, zone);
    }
  }
  return currentByIcuId.get(icuId);
};

/**
 * The zone's current name: canonical capitals (`europe/london` → `Europe/London`) and old aliases
 * mapped to the name in use now (`Asia/Calcutta` → `Asia/Kolkata`, `Etc/UTC` → `UTC`). Names
 * that are neither (such as `Etc/GMT+5`) keep ICU's capitals.
 */
export function normaliseTimeZone(name: string): string {
  const current = CURRENT.get(name.toLowerCase());
  if (current !== undefined) return current;
  const resolved = resolveTimeZone(name);
  if (resolved === undefined) throw new RangeError(`"${name}" is not an IANA time zone`);
  return currentNameOf(resolved) ?? (resolved.toLowerCase() === name.toLowerCase() ? resolved : name);
}

export const TimeZoneSchema = z
  .string({ error: 'timeZone.missing' })
  .trim()
  .refine(isValidTimeZone, { error: 'timeZone.unknown' })
  .transform(normaliseTimeZone);
