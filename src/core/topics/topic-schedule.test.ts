import { describe, expect, test } from 'vitest';
import {
  classifyFanOutStart,
  isTopicDue,
  isTopicPublic,
  isTopicScheduleLocked,
  LATE_AFTER_MS,
  type TopicDueState,
  topicMomentAt,
} from './topic-schedule';

/** A clock the test moves by hand. */
const createTestClock = (start: Date) => {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (ms: number) => (current += ms) };
};

const dueAt = new Date('2027-03-15T09:00:00.000Z');
const state = (overrides: Partial<TopicDueState> = {}): TopicDueState => ({
  status: 'scheduled',
  dueAt,
  publishedAt: null,
  roundStatus: 'under-way',
  ...overrides,
});

describe('isTopicDue, as a clock moves', () => {
  test('becomes due exactly at its moment and stays due until everyone has it', () => {
    const clock = createTestClock(new Date('2027-03-15T08:59:59.999Z'));
    expect(isTopicDue(state(), clock.now())).toBe(false);
    clock.advance(1);
    expect(isTopicDue(state(), clock.now())).toBe(true);
    clock.advance(3 * 24 * 60 * 60_000);
    expect(isTopicDue(state(), clock.now())).toBe(true);
    expect(isTopicDue(state({ publishedAt: clock.now() }), clock.now())).toBe(false);
  });

  test.each([
    ['a draft', { status: 'draft' }],
    ['a round still matching', { roundStatus: 'matching' }],
    ['a finished round', { roundStatus: 'finished' }],
    ['a round open for applications', { roundStatus: 'open' }],
    ['a topic already sent to everyone', { publishedAt: new Date('2027-03-15T09:01:00Z') }],
  ] as const)('is never due for %s', (_name, overrides) => {
    expect(isTopicDue(state(overrides), new Date('2027-06-01T00:00:00Z'))).toBe(false);
  });

  test('a topic whose moment passed before its round got under way goes out when it does', () => {
    const now = new Date('2027-03-20T00:00:00Z');
    expect(isTopicDue(state({ roundStatus: 'matching' }), now)).toBe(false);
    expect(isTopicDue(state({ roundStatus: 'under-way' }), now)).toBe(true);
  });
});

describe('isTopicPublic', () => {
  test.each([
    ['scheduled, moment passed, round under way', {}, true],
    ['scheduled, moment passed, round finished', { roundStatus: 'finished' }, true],
    ['scheduled, moment to come', { dueAt: new Date('2027-04-01T00:00:00Z') }, false],
    ['a draft', { status: 'draft' }, false],
    ['a round still matching', { roundStatus: 'matching' }, false],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(isTopicPublic(state(overrides), new Date('2027-03-20T00:00:00Z'))).toBe(expected);
  });
});

test('a scheduled topic is locked from its moment on; a draft never is', () => {
  expect(isTopicScheduleLocked(state(), new Date('2027-03-15T08:59:59Z'))).toBe(false);
  expect(isTopicScheduleLocked(state(), dueAt)).toBe(true);
  expect(isTopicScheduleLocked(state({ status: 'draft' }), new Date('2027-09-01T00:00:00Z'))).toBe(false);
});

describe('classifyFanOutStart', () => {
  test.each([
    ['on time, just after the moment', 60_000, 0, 'on-time'],
    ['exactly at the limit of lateness', LATE_AFTER_MS, 0, 'on-time'],
    ['later than that: the program was down', LATE_AFTER_MS + 1, 0, 'catch-up'],
    ['days late', 3 * 24 * 60 * 60_000, 0, 'catch-up'],
    ['some already have it', 60_000, 12, 'resuming'],
    ['late, and some already have it', 3 * 24 * 60 * 60_000, 1, 'resuming'],
  ] as const)('%s', (_name, lateMs, delivered, expected) => {
    expect(classifyFanOutStart(dueAt, new Date(dueAt.getTime() + lateMs), delivered)).toBe(expected);
  });
});

describe('topicMomentAt', () => {
  test.each([
    ['Sydney in summer (UTC+11)', '2027-03-01', '09:00', 'Australia/Sydney', '2027-02-28T22:00:00.000Z'],
    ['Sydney in winter (UTC+10)', '2027-06-01', '09:00', 'Australia/Sydney', '2027-05-31T23:00:00.000Z'],
    ['UTC', '2027-03-01', '00:00', 'UTC', '2027-03-01T00:00:00.000Z'],
    // New York skips 02:00–03:00 on 14 March 2027: 02:30 moves forward to 03:30 EDT.
    ['a skipped time moves forward', '2027-03-14', '02:30', 'America/New_York', '2027-03-14T07:30:00.000Z'],
    // New York repeats 01:00–02:00 on 7 November 2027: 01:30 means the later one (EST).
    [
      'a repeated time means the later one',
      '2027-11-07',
      '01:30',
      'America/New_York',
      '2027-11-07T06:30:00.000Z',
    ],
  ])('%s', (_name, day, time, zone, expected) => {
    expect(topicMomentAt(day, time, zone).toISOString()).toBe(expected);
  });
});
