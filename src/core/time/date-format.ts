/**
 * Dates for people: calendar dates (`YYYY-MM-DD`) and instants in a named IANA zone, in the
 * reader's language. Pure formatting, no clock.
 *
 * Building an Intl.DateTimeFormat costs far more than using one (tenths of a millisecond against
 * microseconds), and every confirmation email and page formats dates, so each formatter is built
 * once per (locale, zone) and kept. The keys are bounded by the supported locales and zones.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 5000;

/**
 * Formatted texts, too: a round's few dates are formatted for each of its thousands of
 * applicants in one of a hundred-odd zones, and formatting costs tens of microseconds.
 */
const texts = new Map<string, string>();
const MAX_TEXTS = 20_000;

const remembered = (key: string, format: () => string): string => {
  let text = texts.get(key);
  if (text === undefined) {
    text = format();
    if (texts.size >= MAX_TEXTS) texts.clear();
    texts.set(key, text);
  }
  return text;
};

const formatterFor = (
  kind: 'date' | 'instant' | 'instant-zone',
  locale: string,
  timeZone: string,
  build: () => Intl.DateTimeFormat,
): Intl.DateTimeFormat => {
  const key = `${kind}|${locale}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = build();
    if (formatters.size < MAX_FORMATTERS) formatters.set(key, format);
  }
  return format;
};

/** `2027-03-01` → "March 1, 2027" (en) or "1 mars 2027" (fr): the day itself, in no zone. */
export const formatCalendarDate = (isoDate: string, locale: string): string =>
  remembered(`date|${locale}|${isoDate}`, () =>
    formatterFor(
      'date',
      locale,
      'UTC',
      () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
    ).format(new Date(`${isoDate}T00:00:00Z`)),
  );

const INSTANT_PARTS = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
} as const;

/**
 * An instant as a reader in `timeZone` sees it: "Monday, March 1, 2027 at 09:00 AM", with the
 * zone's short name after it when `zoneName` is set ("… at 12:59 GMT"), so nobody has to guess.
 */
export const formatInstant = (
  at: string | Date,
  locale: string,
  timeZone: string,
  options: { zoneName?: boolean } = {},
): string => {
  const kind = options.zoneName ? 'instant-zone' : 'instant';
  const instant = new Date(at);
  return remembered(`${kind}|${locale}|${timeZone}|${instant.getTime()}`, () =>
    formatterFor(
      kind,
      locale,
      timeZone,
      () =>
        new Intl.DateTimeFormat(locale, {
          ...INSTANT_PARTS,
          timeZone,
          ...(options.zoneName ? { timeZoneName: 'short' as const } : {}),
        }),
    ).format(instant),
  );
};
