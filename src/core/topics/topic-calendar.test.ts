import { describe, expect, test } from 'vitest';
import { defaultTopicCalendar, layOutTopicCalendar, type TopicSlot } from './topic-calendar';

const dates = (slots: TopicSlot[]) => slots.map((slot) => `${slot.publishOn} ${slot.role}`);

describe('defaultTopicCalendar', () => {
  test.each([
    [
      'a four-month round: nine fortnightly slots, welcome first and closing last',
      { startsOn: '2025-03-10', endsOn: '2025-07-10' },
      [
        '2025-03-10 welcome',
        '2025-03-24 fortnightly',
        '2025-04-07 fortnightly',
        '2025-04-21 fortnightly',
        '2025-05-05 fortnightly',
        '2025-05-19 fortnightly',
        '2025-06-02 fortnightly',
        '2025-06-16 fortnightly',
        '2025-06-30 closing',
      ],
    ],
    [
      'a slot on the last day counts',
      { startsOn: '2027-03-01', endsOn: '2027-03-29' },
      ['2027-03-01 welcome', '2027-03-15 fortnightly', '2027-03-29 closing'],
    ],
    [
      'two slots: welcome and closing',
      { startsOn: '2027-03-01', endsOn: '2027-03-20' },
      ['2027-03-01 welcome', '2027-03-15 closing'],
    ],
    [
      'a round shorter than a fortnight closes on its last day',
      { startsOn: '2027-03-01', endsOn: '2027-03-10' },
      ['2027-03-01 welcome', '2027-03-10 closing'],
    ],
    [
      'a one-day round has only its welcome',
      { startsOn: '2027-03-01', endsOn: '2027-03-01' },
      ['2027-03-01 welcome'],
    ],
    [
      'across the end of February in a leap year',
      { startsOn: '2028-02-20', endsOn: '2028-03-06' },
      ['2028-02-20 welcome', '2028-03-05 closing'],
    ],
    ['a round that ends before it starts has none', { startsOn: '2027-03-01', endsOn: '2027-02-01' }, []],
  ])('%s', (_name, round, expected) => {
    expect(dates(defaultTopicCalendar(round))).toEqual(expected);
  });

  test('numbers the slots in order, and another interval can be asked for', () => {
    const monthly = defaultTopicCalendar({ startsOn: '2013-01-07', endsOn: '2013-05-07' }, 28);
    expect(monthly.map((slot) => slot.number)).toEqual([1, 2, 3, 4, 5]);
    expect(monthly.at(-1)).toEqual({ publishOn: '2013-04-29', role: 'closing', number: 5 });
  });

  test('does not change its input, and refuses bad dates and intervals', () => {
    const round = Object.freeze({ startsOn: '2027-03-01', endsOn: '2027-07-01' });
    defaultTopicCalendar(round);
    expect(round).toEqual({ startsOn: '2027-03-01', endsOn: '2027-07-01' });
    expect(() => defaultTopicCalendar({ startsOn: '2027-02-30', endsOn: '2027-07-01' })).toThrow(
      /YYYY-MM-DD/,
    );
    expect(() => defaultTopicCalendar(round, 0)).toThrow(/whole number/);
    expect(() => defaultTopicCalendar(round, 1.5)).toThrow(/whole number/);
  });
});

describe('layOutTopicCalendar', () => {
  const slots = defaultTopicCalendar({ startsOn: '2027-03-01', endsOn: '2027-03-29' });
  const topic = (id: string, publishOn: string, at = '09:00') => ({
    id,
    publishOn,
    dueAt: new Date(`${publishOn}T${at}:00Z`),
  });

  test('every slot appears, filled or not; topics off the plan get their own day; all by date', () => {
    const entries = layOutTopicCalendar(slots, [
      topic('b', '2027-03-20'),
      topic('a', '2027-03-01'),
      topic('c', '2027-03-29', '10:00'),
      topic('d', '2027-03-29', '08:00'),
    ]);
    expect(
      entries.map((entry) => [entry.publishOn, entry.slot?.role ?? null, entry.topics.map((t) => t.id)]),
    ).toEqual([
      ['2027-03-01', 'welcome', ['a']],
      ['2027-03-15', 'fortnightly', []],
      ['2027-03-20', null, ['b']],
      ['2027-03-29', 'closing', ['d', 'c']],
    ]);
  });

  test('topics at the same moment are ordered by id; the input is not changed', () => {
    const topics = Object.freeze([topic('z', '2027-03-15'), topic('y', '2027-03-15')]);
    const entries = layOutTopicCalendar(slots, topics);
    expect(entries[1]?.topics.map((t) => t.id)).toEqual(['y', 'z']);
    expect(topics.map((t) => t.id)).toEqual(['z', 'y']);
  });
});
