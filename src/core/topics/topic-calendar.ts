import { DateTime } from 'luxon';
import { isLocalDate, type LocalDate } from '../time/local-time';

/**
 * The round's default topic calendar: one topic every fortnight from the first day of the round,
 * the first welcoming people, the last asking "what next?". The ILN sent 7–8 topics a round;
 * a four-month round gives nine slots (days 0, 14, …, 112).
 *
 * - Slot k falls on startsOn + k·interval, for every k with that day on or before endsOn.
 * - The first slot is the welcome; the last is the closing topic. A round shorter than one
 *   interval gets its closing topic on its last day (when that is not its first day).
 */
export const TOPIC_INTERVAL_DAYS = 14;

export type TopicSlotRole = 'welcome' | 'fortnightly' | 'closing';

export interface TopicSlot {
  publishOn: LocalDate;
  role: TopicSlotRole;
  /** 1, 2, … in calendar order. */
  number: number;
}

const plusDays = (date: LocalDate, days: number): LocalDate =>
  DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;

export function defaultTopicCalendar(
  round: { startsOn: LocalDate; endsOn: LocalDate },
  intervalDays: number = TOPIC_INTERVAL_DAYS,
): TopicSlot[] {
  if (!isLocalDate(round.startsOn) || !isLocalDate(round.endsOn)) {
    throw new RangeError(
      `defaultTopicCalendar: dates must be YYYY-MM-DD (got ${round.startsOn} and ${round.endsOn})`,
    );
  }
  if (!Number.isInteger(intervalDays) || intervalDays < 1) {
    throw new RangeError(
      `defaultTopicCalendar: the interval must be a whole number of days (got ${intervalDays})`,
    );
  }
  if (round.endsOn < round.startsOn) return [];
  const dates: LocalDate[] = [];
  for (let day = round.startsOn; day <= round.endsOn; day = plusDays(day, intervalDays)) dates.push(day);
  if (dates.length === 1 && round.endsOn > round.startsOn) dates.push(round.endsOn);
  return dates.map((publishOn, index) => ({
    publishOn,
    number: index + 1,
    role: index === 0 ? 'welcome' : index === dates.length - 1 ? 'closing' : 'fortnightly',
  }));
}

/** One line of the calendar: a day with its default slot (if it is one) and the topics set on it. */
export interface CalendarEntry<T> {
  publishOn: LocalDate;
  slot: TopicSlot | undefined;
  topics: T[];
}

/**
 * The calendar coordinators see: every default slot, filled or not, and every topic, on its day,
 * in date order (topics of one day by their moment, then id). A topic moved off its slot leaves
 * the slot empty, which is how coordinators see a gap in the fortnightly rhythm.
 */
export function layOutTopicCalendar<T extends { id: string; publishOn: LocalDate; dueAt: Date }>(
  slots: readonly TopicSlot[],
  topics: readonly T[],
): CalendarEntry<T>[] {
  const byDay = new Map<LocalDate, CalendarEntry<T>>();
  for (const slot of slots) byDay.set(slot.publishOn, { publishOn: slot.publishOn, slot, topics: [] });
  for (const topic of topics) {
    const entry = byDay.get(topic.publishOn) ?? { publishOn: topic.publishOn, slot: undefined, topics: [] };
    entry.topics.push(topic);
    byDay.set(topic.publishOn, entry);
  }
  const entries = [...byDay.values()].sort((a, b) =>
    a.publishOn < b.publishOn ? -1 : a.publishOn > b.publishOn ? 1 : 0,
  );
  for (const entry of entries) {
    entry.topics.sort(
      (a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }
  return entries;
}
