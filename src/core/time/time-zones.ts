import { z } from 'zod';

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
 * The zone name with its canonical capitals (`europe/london` → `Europe/London`). A modern alias
 * such as `Asia/Kolkata` is kept as given rather than replaced by the older name ICU may prefer.
 */
export function normaliseTimeZone(name: string): string {
  const resolved = resolveTimeZone(name);
  if (resolved === undefined) throw new RangeError(`"${name}" is not an IANA time zone`);
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

export const TimeZoneSchema = z
  .string({ error: 'timeZone.missing' })
  .trim()
  .refine(isValidTimeZone, { error: 'timeZone.unknown' })
  .transform(normaliseTimeZone);
