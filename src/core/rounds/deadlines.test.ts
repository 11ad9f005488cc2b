import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { formatDeadlineFor, resolveDeadlineAt } from './deadlines';
import { computeDefaultRoundDates, computeRoundEndsAt, computeRoundStartsAt } from './round-dates';

describe('resolveDeadlineAt', () => {
  it.each([
    // Sydney is UTC+11 in February (daylight time) and UTC+10 in August.
    ['2025-02-28', '23:59', 'Australia/Sydney', '2025-02-28T12:59:00.000Z'],
    ['2025-08-22', '23:59', 'Australia/Sydney', '2025-08-22T13:59:00.000Z'],
    ['2025-02-28', '23:59', 'Europe/London', '2025-02-28T23:59:00.000Z'],
    ['2025-08-22', '23:59', 'Europe/London', '2025-08-22T22:59:00.000Z'],
    ['2025-02-28', '17:00', 'America/New_York', '2025-02-28T22:00:00.000Z'],
    ['2025-02-28', '23:59', 'Asia/Kolkata', '2025-02-28T18:29:00.000Z'],
    ['2025-02-28', '23:59', 'Pacific/Auckland', '2025-02-28T10:59:00.000Z'],
    ['2025-02-28', '12:00', 'UTC', '2025-02-28T12:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    expect(resolveDeadlineAt(date, time, zone).toISOString()).toBe(expected);
  });

  it('reads the day clocks change on each side of the change', () => {
    // Sydney leaves daylight time at 03:00 on 6 April 2025.
    expect(resolveDeadlineAt('2025-04-06', '01:00', 'Australia/Sydney').toISOString()).toBe(
      '2025-04-05T14:00:00.000Z',
    );
    expect(resolveDeadlineAt('2025-04-06', '23:59', 'Australia/Sydney').toISOString()).toBe(
      '2025-04-06T13:59:00.000Z',
    );
  });

  it('chooses the later instant for a time that happens twice', () => {
    // London's 01:30 on 26 October 2025 happens at 00:30Z (BST) and again at 01:30Z (GMT).
    expect(resolveDeadlineAt('2025-10-26', '01:30', 'Europe/London').toISOString()).toBe(
      '2025-10-26T01:30:00.000Z',
    );
    // New York's 01:30 on 2 November 2025: 05:30Z (EDT) and 06:30Z (EST).
    expect(resolveDeadlineAt('2025-11-02', '01:30', 'America/New_York').toISOString()).toBe(
      '2025-11-02T06:30:00.000Z',
    );
  });

  it('moves a time that does not exist forward by the gap', () => {
    // New York skips 02:00–03:00 on 9 March 2025: 02:30 becomes 03:30 EDT.
    expect(resolveDeadlineAt('2025-03-09', '02:30', 'America/New_York').toISOString()).toBe(
      '2025-03-09T07:30:00.000Z',
    );
    // Sydney skips 02:00–03:00 on 5 October 2025.
    expect(resolveDeadlineAt('2025-10-05', '02:30', 'Australia/Sydney').toISOString()).toBe(
      '2025-10-04T16:30:00.000Z',
    );
  });

  it('refuses unreadable input with field problems', () => {
    let error: unknown;
    try {
      resolveDeadlineAt('2025-02-30', '25:00', 'Nowhere/Town');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION');
    expect((error as DomainError).details.map((problem) => problem.field)).toEqual([
      'localDate',
      'localTime',
      'programTimeZone',
    ]);
  });
});

describe('formatDeadlineFor', () => {
  const deadlineAt = resolveDeadlineAt('2025-02-28', '23:59', 'Australia/Sydney');

  it('shows each viewer the deadline in their own zone and language', () => {
    expect(formatDeadlineFor(deadlineAt, 'Australia/Sydney', 'en-AU')).toMatch(
      /Friday,? 28 February 2025.*11:59.*pm.*AEDT/i,
    );
    expect(formatDeadlineFor(deadlineAt, 'Europe/London', 'en-GB')).toMatch(
      /Friday,? 28 February 2025.*12:59.*GMT/,
    );
    expect(formatDeadlineFor(deadlineAt, 'America/New_York', 'en-US')).toMatch(
      /Friday, February 28, 2025.*07:59.*EST/,
    );
    expect(formatDeadlineFor(deadlineAt, 'Europe/Berlin', 'de')).toMatch(
      /Freitag, 28\. Februar 2025.*13:59.*MEZ/,
    );
    expect(formatDeadlineFor(deadlineAt, 'Asia/Tokyo', 'ja')).toMatch(/2025年2月28日.*21:59/);
  });

  it('falls back to UTC and English instead of failing', () => {
    expect(formatDeadlineFor(deadlineAt, 'Not/AZone', 'xx-!!')).toMatch(/February 28, 2025.*12:59.*UTC/);
  });
});

describe('round dates', () => {
  it.each([
    ['2025-03-01', '2025-07-01'],
    ['2025-09-15', '2026-01-15'],
    ['2025-10-31', '2026-02-28'],
    ['2027-10-31', '2028-02-29'],
  ])('a round starting %s ends by default on %s', (startsOn, endsOn) => {
    expect(computeDefaultRoundDates(startsOn)).toEqual({ startsOn, endsOn });
  });

  it('refuses a start that is not a date', () => {
    expect(() => computeDefaultRoundDates('next March')).toThrow(DomainError);
  });

  it('starts and ends at midnight in the program zone', () => {
    const round = { startsOn: '2025-03-10', endsOn: '2025-07-10', programTimeZone: 'Australia/Sydney' };
    expect(computeRoundStartsAt(round).toISOString()).toBe('2025-03-09T13:00:00.000Z');
    expect(computeRoundEndsAt(round).toISOString()).toBe('2025-07-10T14:00:00.000Z');
  });
});
